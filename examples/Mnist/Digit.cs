namespace MlDsl.Examples.Mnist;

/// <summary>One handwritten digit: 28x28 grey levels in [0, 1] and the digit it shows (in CSV: 784 pixel columns, then the digit).</summary>
[Dataset]
public sealed partial record Digit
{
    [Feature, Shape(1, 28, 28), Column(0)] public required float[] Pixels { get; init; }
    [Label(Classes = 10), Column(784)] public required int Value { get; init; }
}
