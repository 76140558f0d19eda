namespace MlDsl.Examples.SpokenLanguage;

/// <summary>
/// One stage of the CNN: a 3×3 convolution that keeps the size, batch normalization, ReLU and a 2×2
/// max pool that halves it. The model uses it three times with widening channels.
/// </summary>
[Block]
public sealed partial class ConvStage
{
    [BlockArgument] public const int Channels = 16;

    [Conv2d(Channels, Kernel = 3, Padding = 1), BatchNorm2d, Relu, MaxPool2d(2)] Layer conv;
}
