using MlDsl;

namespace MlDsl.Tests.Layers;

/// <summary>
/// One member stacking Conv2d, BatchNorm2d and ReLU twice: the second of each kind is numbered
/// (<c>stemBatchNorm2d_1</c>), so the fields, state_dict keys, ONNX weights and PyTorch attributes stay distinct.
/// </summary>
[Model(typeof(Patch))]
public sealed partial class StackedStemNet
{
    [Conv2d(8, Kernel = 3, Padding = 1), BatchNorm2d, Relu, Conv2d(8, Kernel = 3, Padding = 1), BatchNorm2d, Relu] Layer stem;
    [MaxPool2d(2), Flatten, Linear(16), Relu, Linear(16), Relu] Layer body;
    [Linear(4)] Layer head;
}

/// <summary>
/// Conv2d's dilation, groups (grouped and depthwise), a non-square kernel, stride and padding, non-square pools, and
/// PyTorch's padding='same', symmetric (odd kernel) and asymmetric (an even reach: one more row after than before).
/// </summary>
[Model(typeof(Patch))]
public sealed partial class WindowNet
{
    [Conv2d(6, Kernel = 3, Dilation = 2, Padding = 2), Relu] Layer dilated;                               // (6, 16, 16)
    [Conv2d(6, Kernel = 3, Groups = 3, Padding = 1, Bias = false), Relu] Layer grouped;                   // (6, 16, 16)
    [Conv2d(6, Kernel = 3, Groups = 6), Relu] Layer depthwise;                                            // (6, 14, 14)
    [Conv2d(8, Kernel = new[] { 3, 1 }, Stride = new[] { 1, 2 }, Padding = new[] { 1, 0 }), Relu] Layer tall; // (8, 14, 7)
    [MaxPool2d(new[] { 2, 1 }), AvgPool2d(new[] { 1, 2 }, Stride = new[] { 1, 1 }, Padding = new[] { 0, 1 })] Layer pool; // (8, 7, 8)
    [Conv2d(4, Kernel = 3, Padding = "same"), Relu] Layer same;                                           // (4, 7, 8)
    [Conv2d(4, Kernel = 2, Dilation = new[] { 1, 3 }, Padding = "same")] Layer even;                      // (4, 7, 8)
    [Flatten, Linear(4)] Layer head;
}

/// <summary>Conv1d's groups and padding='same', symmetric and asymmetric (a depthwise even kernel).</summary>
[Model(typeof(Pulse))]
public sealed partial class GroupedPulseNet
{
    [Conv1d(4, Kernel = 5, Padding = "same"), Relu] Layer same;                       // (4, 64)
    [Conv1d(8, Kernel = 3, Groups = 2, Dilation = 2), Relu] Layer grouped;            // (8, 60)
    [Conv1d(8, Kernel = 4, Padding = "same", Groups = 8, Bias = false)] Layer even;   // (8, 60)
    [GlobalAvgPool1d, Linear(3)] Layer head;
}

/// <summary>A strided Conv2d down, ConvTranspose2d back up with output padding, a dilated bias-free one, global max pooling.</summary>
[Model(typeof(Patch))]
public sealed partial class UpsamplingNet
{
    [Conv2d(8, Kernel = 3, Stride = 2, Padding = 1), Relu] Layer down;                                  // (8, 8, 8)
    [ConvTranspose2d(4, Kernel = 3, Stride = 2, Padding = 1, OutputPadding = 1), Relu] Layer up;        // (4, 16, 16)
    [ConvTranspose2d(4, Kernel = 2, Dilation = 2, Bias = false, InChannels = 4)] Layer dilatedUp;       // (4, 18, 18)
    [GlobalMaxPool2d, Linear(4)] Layer head;
}

/// <summary>Conv1d then the largest value of each channel.</summary>
[Model(typeof(Pulse))]
public sealed partial class PeakPulseNet
{
    [Conv1d(4, Kernel = 3), Relu, GlobalMaxPool1d] Layer peak;   // (4)
    [Linear(3)] Layer head;
}

/// <summary>
/// A 1-D encoder-decoder: a strided Conv1d halves the pulse, ConvTranspose1d restores its length, and a grouped,
/// dilated, bias-free ConvTranspose1d with output padding grows it further.
/// </summary>
[Model(typeof(Pulse))]
public sealed partial class PulseDecoderNet
{
    [Conv1d(8, Kernel = 4, Stride = 2, Padding = 1), Relu] Layer down;                                               // (8, 32)
    [ConvTranspose1d(4, Kernel = 4, Stride = 2, Padding = 1), Relu] Layer up;                                        // (4, 64)
    [ConvTranspose1d(4, Kernel = 3, Stride = 2, OutputPadding = 1, Dilation = 2, Groups = 2, Bias = false, InChannels = 4)] Layer wide; // (4, 132)
    [GlobalMaxPool1d, Linear(3)] Layer head;
}

/// <summary>A grouped ConvTranspose2d doubling a patch: three groups of one in channel feeding two out channels each.</summary>
[Model(typeof(Patch))]
public sealed partial class GroupedUpsamplingNet
{
    [ConvTranspose2d(6, Kernel = 2, Stride = 2, Groups = 3), Relu] Layer up;   // (6, 32, 32)
    [GlobalAvgPool2d, Linear(4)] Layer head;
}

/// <summary>Interpolating upsampling of a map: bilinear (PyTorch's half-pixel coordinates), then bicubic with aligned corners.</summary>
[Model(typeof(Patch))]
public sealed partial class SmoothUpsamplingNet
{
    [Upsample(2, Mode = "bilinear"), Conv2d(4, Kernel = 3), Relu] Layer up;          // (4, 30, 30)
    [Upsample(2, Mode = "bicubic", AlignCorners = true)] Layer sharpen;               // (4, 60, 60)
    [GlobalAvgPool2d, Linear(4)] Layer head;
}

/// <summary>Linear upsampling of a signal, with and without aligned corners.</summary>
[Model(typeof(Pulse))]
public sealed partial class LinearUpsamplingPulseNet
{
    [Upsample(2, Mode = "linear"), Conv1d(4, Kernel = 3), Relu] Layer up;            // (4, 126)
    [Upsample(3, Mode = "linear", AlignCorners = true)] Layer stretch;                // (4, 378)
    [GlobalAvgPool1d, Linear(3)] Layer head;
}

/// <summary>PyTorch's ceil_mode: the last, partial window of each axis still gives an output, in 2-D max and average pooling.</summary>
[Model(typeof(Patch))]
public sealed partial class CeilPoolingNet
{
    [Conv2d(4, Kernel = 3), Relu] Layer conv;                       // (4, 14, 14)
    [MaxPool2d(3, Stride = 2, CeilMode = true)] Layer maxPool;      // (4, 7, 7); floor would give 6
    [AvgPool2d(2, CeilMode = true)] Layer avgPool;                  // (4, 4, 4); floor would give 3
    [Flatten, Linear(4)] Layer head;
}

/// <summary>ceil_mode in 1-D max and average pooling.</summary>
[Model(typeof(Pulse))]
public sealed partial class CeilPoolingPulseNet
{
    [Conv1d(4, Kernel = 4), Relu] Layer conv;                       // (4, 61)
    [MaxPool1d(2, CeilMode = true)] Layer maxPool;                  // (4, 31); floor would give 30
    [AvgPool1d(2, CeilMode = true)] Layer avgPool;                  // (4, 16); floor would give 15
    [Flatten, Linear(3)] Layer head;
}

/// <summary>
/// Per-axis sizes: a ConvTranspose2d growing only the height (kernel, stride and padding given as new[] { height, width }),
/// then Upsample to fixed sizes (bilinear to (40, 24), nearest to 48 × 48), as a decoder meets a
/// skip connection of another size.
/// </summary>
[Model(typeof(Patch))]
public sealed partial class AnisotropicUpsamplingNet
{
    [ConvTranspose2d(4, Kernel = new[] { 3, 1 }, Stride = new[] { 2, 1 }, Padding = new[] { 1, 0 }), Relu] Layer tall; // (4, 31, 16)
    [Upsample(Size = new[] { 40, 24 }, Mode = "bilinear")] Layer fit;       // (4, 40, 24)
    [Upsample(Size = 48)] Layer square;                                     // (4, 48, 48)
    [GlobalAvgPool2d, Linear(4)] Layer head;
}

/// <summary>A signal upsampled to fixed lengths: linear to 100 steps, then nearest to 150.</summary>
[Model(typeof(Pulse))]
public sealed partial class SizedUpsamplingPulseNet
{
    [Upsample(Size = 100, Mode = "linear"), Conv1d(4, Kernel = 3), Relu] Layer up;   // (4, 98)
    [Upsample(Size = 150)] Layer stretch;                                             // (4, 150)
    [GlobalAvgPool1d, Linear(3)] Layer head;
}
