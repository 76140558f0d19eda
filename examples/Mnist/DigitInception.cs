namespace MlDsl.Examples.Mnist;

/// <summary>
/// GoogLeNet's Inception block (Szegedy et al. 2015, "Going Deeper with Convolutions", figure 2b) with small
/// widths: four parallel paths read the block's input — a 1×1 convolution; a 1×1 reduction then a 3×3; a 1×1
/// reduction then a 5×5; a 3×3 max pool then a 1×1 — and are concatenated along channels (4 × <see cref="Width"/>).
/// Each convolution is followed by batch normalization and ReLU, as in torchvision's <c>BasicConv2d</c>.
/// </summary>
[Block]
public sealed partial class DigitInceptionBlock
{
    [BlockArgument] public const int Width = 16;
    [BlockArgument] public const int Reduce = 8;

    [Conv2d(Width, Kernel = 1), BatchNorm2d, Relu] Layer p1;
    [From(BlockAttribute.Input), Conv2d(Reduce, Kernel = 1), BatchNorm2d, Relu] Layer p2Reduce;
    [Conv2d(Width, Kernel = 3, Padding = 1), BatchNorm2d, Relu] Layer p2;
    [From(BlockAttribute.Input), Conv2d(Reduce, Kernel = 1), BatchNorm2d, Relu] Layer p3Reduce;
    [Conv2d(Width, Kernel = 5, Padding = 2), BatchNorm2d, Relu] Layer p3;
    [From(BlockAttribute.Input), MaxPool2d(3, Stride = 1, Padding = 1)] Layer p4Pool;
    [Conv2d(Width, Kernel = 1), BatchNorm2d, Relu] Layer p4;
    [Concatenate(nameof(p1), nameof(p2), nameof(p3), nameof(p4))] Layer merge;
}

/// <summary>
/// A small GoogLeNet-style network for 28×28 digits: a 3×3 stem and a 2×2 max pool, two Inception blocks with a
/// max pool between them (64 channels at 14×14, 128 at 7×7), global average pooling and a linear head.
/// Every shape after the input is inferred at compile time.
/// </summary>
[Model(typeof(Digit))]
public sealed partial class DigitInception
{
    [Conv2d(32, Kernel = 3, Padding = 1), BatchNorm2d, Relu, MaxPool2d(2)] Layer stem;   // (32, 14, 14)
    DigitInceptionBlock mixed1;                                                      // (64, 14, 14)
    [MaxPool2d(2)] Layer down;                                                       // (64, 7, 7)
    [Arguments(32, 16)] DigitInceptionBlock mixed2;                                  // (128, 7, 7)
    [GlobalAvgPool2d] Layer pool;                                                    // (128)
    [Linear(10)] Layer head;
}
