namespace MlDsl.Examples.Mnist;

/// <summary>The Keras MNIST example's CNN, declared with attributes; every size after the input is inferred.</summary>
[Model(typeof(Digit))]
public sealed partial class DigitCnn
{
    [Conv2d(32, Kernel = 3), Relu] Layer conv1;
    [Conv2d(64, Kernel = 3), Relu] Layer conv2;
    [MaxPool2d(2), Dropout(0.25), Flatten] Layer pool;
    [Linear(128), Relu, Dropout(0.5)] Layer fc1;
    [Linear(10)] Layer fc2;
}
