using MlDsl;

namespace MlDsl.Tests.Layers;

/// <summary>A DenseNet layer: BN, ReLU and a convolution whose output is concatenated with the layer's input.</summary>
[Block]
public sealed partial class GrowthLayer
{
    [BlockArgument] public const int Growth = 4;

    [BatchNorm2d, Relu, Conv2d(Growth, Kernel = 3, Padding = 1)] Layer conv;
    [Concatenate(BlockAttribute.Input, nameof(conv))] Layer grow;
}

/// <summary>Two DenseNet layers with their own growth: a block of joining blocks, used with arguments.</summary>
[Block]
public sealed partial class GrowthStage
{
    [BlockArgument] public const int First = 4;
    [BlockArgument] public const int Second = 6;

    [Arguments(First)] GrowthLayer one;
    [Arguments(Second)] GrowthLayer two;
}

/// <summary>A U-Net-style skip inside a block: the first convolution's output added to the second's, then ReLU.</summary>
[Block]
public sealed partial class SkipPair
{
    [BlockArgument] public const int Width = 8;

    [Conv2d(Width, Kernel = 3, Padding = 1), Relu] Layer down;
    [Conv2d(Width, Kernel = 3, Padding = 1)] Layer up;
    [Add(nameof(down), nameof(up)), Relu] Layer merge;
}

/// <summary>Its input beside its Tanh: one block used on maps (channels) and on vectors, the axis given by each use.</summary>
[Block]
public sealed partial class TwinActivation
{
    [Tanh] Layer act;
    [Concatenate(BlockAttribute.Input, nameof(act))] Layer both;
}

/// <summary>A residual block whose body adds two of its members: the shortcut (identity or projection) adds to the join.</summary>
[Block, Residual]
public sealed partial class GatedSum
{
    [BlockArgument] public const int Width = 8;

    [Linear(Width), Tanh] Layer gate;
    [Linear(Width), Relu] Layer value;
    [Add(nameof(gate), nameof(value))] Layer sum;
}

/// <summary>Joins inside blocks on maps: nested DenseNet layers, a skip block used twice with different widths, a twin on maps and on vectors.</summary>
[Model(typeof(Patch))]
public sealed partial class PatchDenseBlockNet
{
    [Conv2d(4, Kernel = 3, Padding = 1), Relu] Layer stem;
    [Arguments(2, 3)] GrowthStage dense;
    [Arguments(9)] SkipPair skip;
    [Arguments(6)] SkipPair narrow;
    TwinActivation twin;
    [GlobalAvgPool2d] Layer pool;
    TwinActivation flatTwin;
    [Linear(4)] Layer head;
}

/// <summary>Joins inside residual blocks on vectors: an identity shortcut, then a Linear projection.</summary>
[Model(typeof(Point))]
public sealed partial class PointGatedNet
{
    [Linear(8)] Layer stem;
    [Arguments(8)] GatedSum unit;
    [Arguments(5)] GatedSum narrow;
    [Linear(3)] Layer head;
}
