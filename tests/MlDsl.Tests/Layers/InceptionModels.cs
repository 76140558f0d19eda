using MlDsl;

namespace MlDsl.Tests.Layers;

/// <summary>A 1×1 reduction before a 5×5 convolution: the third path of <see cref="InceptionModule"/>, a path that is a block of its own.</summary>
[Block]
public sealed partial class ReducedConv
{
    [BlockArgument] public const int Reduce = 2;
    [BlockArgument] public const int Width = 4;

    [Conv2d(Reduce, Kernel = 1), BatchNorm2d, Relu] Layer reduce;
    [Conv2d(Width, Kernel = 5, Padding = 2), Relu] Layer conv;
}

/// <summary>
/// GoogLeNet's Inception block as torchvision writes it: four paths from the block's input (1×1; 1×1 then 3×3; 1×1 then
/// 5×5; 3×3 max pool then 1×1), concatenated along the channels.
/// </summary>
[Block]
public sealed partial class InceptionModule
{
    [BlockArgument] public const int Ch1 = 4;
    [BlockArgument] public const int Reduce3 = 2;
    [BlockArgument] public const int Ch3 = 4;
    [BlockArgument] public const int Reduce5 = 2;
    [BlockArgument] public const int Ch5 = 4;
    [BlockArgument] public const int PoolProjection = 4;

    [Conv2d(Ch1, Kernel = 1), Relu] Layer branch1;
    [From(BlockAttribute.Input), Conv2d(Reduce3, Kernel = 1), Relu] Layer branch2Reduce;
    [Conv2d(Ch3, Kernel = 3, Padding = 1), Relu] Layer branch2;
    [From(BlockAttribute.Input), Arguments(Reduce5, Ch5)] ReducedConv branch3;
    [From(BlockAttribute.Input), MaxPool2d(3, Stride = 1, Padding = 1)] Layer branch4Pool;
    [Conv2d(PoolProjection, Kernel = 1), Relu] Layer branch4;
    [Concatenate(nameof(branch1), nameof(branch2), nameof(branch3), nameof(branch4))] Layer merge;
}

/// <summary>An Inception-ResNet unit: two paths from the input concatenated, projected back to the input's channels, plus the input.</summary>
[Block, Residual]
public sealed partial class InceptionResidual
{
    [BlockArgument] public const int Width = 4;
    [BlockArgument] public const int Channels = 16;

    [Conv2d(Width, Kernel = 1), Relu] Layer narrow;
    [From(BlockAttribute.Input), Conv2d(Width, Kernel = 3, Padding = 1), Relu] Layer wide;
    [Concatenate(nameof(narrow), nameof(wide)), Conv2d(Channels, Kernel = 1)] Layer mix;
}

/// <summary>Parallel paths in blocks (nested, with arguments, residual) and a model that forks a path from its stem.</summary>
[Model(typeof(Patch))]
public sealed partial class PatchInceptionNet
{
    [Conv2d(8, Kernel = 3, Padding = 1), Relu] Layer stem;
    [Arguments(4, 2, 6, 2, 3, 3)] InceptionModule mixed;   // (8, 16, 16) -> (16, 16, 16)
    [Arguments(4, 16)] InceptionResidual refine;            // identity shortcut
    [GlobalAvgPool2d] Layer pool;                           // (16)
    [From(nameof(stem)), GlobalMaxPool2d] Layer stemPeak;   // (8), a path from the stem
    [Concatenate(nameof(pool), nameof(stemPeak))] Layer both;
    [Linear(4)] Layer head;
}

/// <summary>A wide-and-deep fork on vectors: a deep path and a wide path from the stem, added.</summary>
[Model(typeof(Point))]
public sealed partial class PointForkNet
{
    [Linear(8), Relu] Layer stem;
    [Linear(6), Tanh] Layer deep;
    [From(nameof(stem)), Linear(6), Relu] Layer wide;
    [Add(nameof(deep), nameof(wide))] Layer sum;
    [Linear(3)] Layer head;
}
