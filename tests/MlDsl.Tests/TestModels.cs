using MlDsl;

namespace MlDsl.Tests;

[Dataset]
public sealed partial record Point
{
    [Feature] public float X { get; init; }
    [Feature] public float Y { get; init; }
    [Feature, Shape(2)] public required float[] Extra { get; init; }
    [Label(Classes = 3)] public int Cluster { get; init; }
}

[Model(typeof(Point))]
public sealed partial class PointMlp
{
    [Linear(32), Relu] Layer hidden;
    [Linear(16), Tanh, Dropout(0.1)] Layer narrow;
    [Linear(3)] Layer output;
}

[Dataset]
public sealed partial record Patch
{
    [Feature, Shape(3, 16, 16)] public required float[] Pixels { get; init; }
    [Label(Classes = 4)] public long Kind { get; init; }
}

[Model(typeof(Patch))]
public sealed partial class PatchNet
{
    [Conv2d(8, Kernel = 3, Padding = 1), BatchNorm2d, Relu] Layer stem;
    [AvgPool2d(2)] Layer pool1;
    [Conv2d(16, Kernel = 3, Stride = 2), Sigmoid] Layer conv;
    [MaxPool2d(2, Stride = 1), Flatten, Gelu] Layer pool2;
    [Linear(4)] Layer head;
}

[Dataset]
public sealed partial record Clip
{
    [Feature, Shape(8000)] public required float[] Samples { get; init; }
    [Label(Classes = 5)] public int Language { get; init; }
}

[Model(typeof(Clip))]
public sealed partial class ClipNet
{
    [WaveAugment(MaxShift = 400, GainDb = 3), MelSpectrogram(SampleRate = 8000, NFft = 256, Hop = 80, Mels = 32), AmplitudeToDb, SpecAugment(TimeWidth = 5)] Layer features;
    [Conv2d(8, Kernel = 3, Padding = 1), BatchNorm2d, Relu, MaxPool2d(2)] Layer conv;
    [AvgPool2d(2), Flatten, Linear(5)] Layer head;
}

[Model(typeof(Clip))]
public sealed partial class CepstralNet
{
    [Mfcc(13, SampleRate = 8000, NFft = 256, Hop = 80, Mels = 32)] Layer features;
    [Flatten, Linear(5)] Layer head;
}

/// <summary>Softmax and LogSoftmax inside the network (not before the loss), so the parity test covers them.</summary>
[Model(typeof(Point))]
public sealed partial class SquashingMlp
{
    [Linear(8), Softmax] Layer gate;
    [Linear(8), LogSoftmax] Layer scores;
    [Linear(3)] Layer output;
}

/// <summary>BatchNorm over (N, 16) features: a training batch of one row gives it no variance to normalize by.</summary>
[Model(typeof(Point))]
public sealed partial class PointBatchNormMlp
{
    [Linear(16), BatchNorm1d, Relu] Layer hidden;
    [Linear(3)] Layer output;
}
