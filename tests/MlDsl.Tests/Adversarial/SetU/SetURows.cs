using MlDsl;

namespace MlDsl.Tests.Adversarial.SetU;

/// <summary>Two scalar features and a class label, read from CSV by header name.</summary>
[Dataset]
public sealed partial record UReading
{
    [Feature] public float A { get; init; }
    [Feature] public float B { get; init; }
    [Label(Classes = 3)] public int Kind { get; init; }
}

/// <summary>One feature and a regression label, for label spellings a class index cannot hold.</summary>
[Dataset]
public sealed partial record UPrice
{
    [Feature] public float A { get; init; }
    [Label] public float Price { get; init; }
}
