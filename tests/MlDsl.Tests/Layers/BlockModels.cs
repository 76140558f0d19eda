using MlDsl;

namespace MlDsl.Tests.Layers;

/// <summary>Conv, BatchNorm and ReLU; the out channels are the block's argument.</summary>
[Block]
public sealed partial class ConvUnit
{
    [BlockArgument] public const int Channels = 8;

    [Conv2d(Channels, Kernel = 3, Padding = 1), BatchNorm2d, Relu] Layer conv;
}

/// <summary>A ResNet basic block without the final ReLU: the shortcut is the identity or a 1×1 projection, as the use needs.</summary>
[Block, Residual]
public sealed partial class ResUnit
{
    [BlockArgument] public const int Channels = 8;
    [BlockArgument] public const int Stride = 1;

    [Conv2d(Channels, Kernel = 3, Padding = 1, Stride = Stride), BatchNorm2d, Relu] Layer conv1;
    [Conv2d(Channels, Kernel = 3, Padding = 1), BatchNorm2d] Layer conv2;
}

/// <summary>Two residual units whose width is the stage's argument, so arguments pass through nesting.</summary>
[Block]
public sealed partial class ResStage
{
    [BlockArgument] public const int Width = 16;

    [Arguments(Width, 2)] ResUnit first;
    [Arguments(Width)] ResUnit second;
    [Relu] Layer activation;
}

/// <summary>Blocks, a residual block with an identity shortcut, one with a projection, and a nested stage.</summary>
[Model(typeof(Patch))]
public sealed partial class PatchResNet
{
    [Arguments(8)] ConvUnit stem;
    ResUnit block1;
    [Arguments(16, 2)] ResUnit block2;
    [Arguments(24)] ResStage stage3;
    [AvgPool2d(2), Flatten] Layer pool;
    [Linear(4)] Layer head;
}

/// <summary>A flat residual block: the projection is a Linear.</summary>
[Block, Residual]
public sealed partial class DenseUnit
{
    [BlockArgument] public const int Width = 16;
    [BlockArgument] public const double Drop = 0.1;

    [Linear(Width), Relu, Dropout(Drop)] Layer hidden;
    [Linear(Width * 2)] Layer widen;
}

[Model(typeof(Point))]
public sealed partial class PointResMlp
{
    [Arguments(8, 0.2)] DenseUnit unit;
    [Linear(3)] Layer output;
}
