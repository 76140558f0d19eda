using MlDsl;

namespace MlDsl.Tests.Layers;

/// <summary>A signal of 64 samples with one channel, as a waveform declared [Shape(1, L)].</summary>
[Dataset]
public sealed partial record Pulse
{
    [Feature, Shape(1, 64)] public required float[] Samples { get; init; }
    [Label(Classes = 3)] public int Kind { get; init; }
}

/// <summary>Every 1-D kind on a (1, 64) signal: stride, padding, dilation, declared in-channels, a padded pool.</summary>
[Model(typeof(Pulse))]
public sealed partial class PulseNet
{
    [Conv1d(8, Kernel = 5, Stride = 2, Padding = 2), BatchNorm1d, LeakyRelu] Layer conv1;   // (8, 32)
    [MaxPool1d(2)] Layer pool1;                                                              // (8, 16)
    [Conv1d(16, Kernel = 3, Dilation = 2, InChannels = 8), GroupNorm(4), Elu] Layer conv2;  // (16, 12)
    [AvgPool1d(3, Stride = 2, Padding = 1)] Layer pool2;                                    // (16, 6)
    [AdaptiveAvgPool1d(4), Silu, LayerNorm] Layer squeeze;                                   // (16, 4)
    [GlobalAvgPool1d] Layer gap;                                                             // (16)
    [Linear(3)] Layer head;
}

/// <summary>A small colour patch for the 2-D additions.</summary>
[Dataset]
public sealed partial record Tile
{
    [Feature, Shape(3, 12, 12)] public required float[] Pixels { get; init; }
    [Label(Classes = 4)] public int Kind { get; init; }
}

/// <summary>Dropout2d, a non-square adaptive pool, LayerNorm over a whole map, a declared GroupNorm width and global pooling.</summary>
[Model(typeof(Tile))]
public sealed partial class TileNet
{
    [Conv2d(8, Kernel = 3, Padding = 1), Dropout2d(0.2), Softplus(2.0)] Layer conv;        // (8, 12, 12)
    [AdaptiveAvgPool2d(4, OutputWidth = 3), LayerNorm(Dimensions = 3)] Layer pool;           // (8, 4, 3)
    [Conv2d(8, Kernel = 1), GroupNorm(2, NumChannels = 8)] Layer mix;                        // (8, 4, 3)
    [AdaptiveAvgPool2d(2), GlobalAvgPool2d] Layer gap;                                       // (8)
    [Linear(4)] Layer head;
}

/// <summary>Flat rows of six numbers.</summary>
[Dataset]
public sealed partial record Gauge
{
    [Feature, Shape(6)] public required float[] Values { get; init; }
    [Label(Classes = 2)] public int Alarm { get; init; }
}

/// <summary>BatchNorm1d and LayerNorm on flat (F) rows, with arguments on the activations.</summary>
[Model(typeof(Gauge))]
public sealed partial class GaugeMlp
{
    [Linear(16), BatchNorm1d(NumFeatures = 16), LeakyRelu(0.2)] Layer hidden;
    [Linear(8), LayerNorm, Elu(0.5)] Layer narrow;
    [Linear(2)] Layer output;
}
