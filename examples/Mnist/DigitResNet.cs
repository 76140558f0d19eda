namespace MlDsl.Examples.Mnist;

/// <summary>
/// A basic residual unit (He et al. 2016, "Deep Residual Learning", the two-3×3-convolution block):
/// conv-BN-ReLU, conv-BN, plus the shortcut (the identity, or an inferred 1×1 projection when the
/// channels or the stride change), as in torchvision's <c>BasicBlock</c>.
/// </summary>
[Block, Residual]
public sealed partial class DigitResUnit
{
    [BlockArgument] public const int Channels = 16;
    [BlockArgument] public const int Stride = 1;

    [Conv2d(Channels, Kernel = 3, Padding = 1, Stride = Stride), BatchNorm2d, Relu] Layer conv1;
    [Conv2d(Channels, Kernel = 3, Padding = 1), BatchNorm2d] Layer conv2;
}

/// <summary>
/// A small residual network for 28×28 digits, declared with blocks: a 3×3 stem, three residual
/// stages (16 channels at 28×28, 32 at 14×14, 64 at 7×7; the second and third downsample with a
/// strided convolution and a 1×1 projection shortcut), global average pooling and a linear head.
/// Every shape after the input is inferred at compile time.
/// </summary>
[Model(typeof(Digit))]
public sealed partial class DigitResNet
{
    [Conv2d(16, Kernel = 3, Padding = 1), BatchNorm2d, Relu] Layer stem;
    DigitResUnit stage1;                      // (16, 28, 28), identity shortcut
    [Arguments(32, 2)] DigitResUnit stage2;   // (32, 14, 14), 1×1 projection, stride 2
    [Arguments(64, 2)] DigitResUnit stage3;   // (64, 7, 7), 1×1 projection, stride 2
    [GlobalAvgPool2d] Layer pool;             // (64)
    [Linear(10)] Layer head;
}
