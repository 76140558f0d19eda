namespace MlDsl.Tests.Data.Steps;

/// <summary>Four float features, a three-class label and the metadata folds use.</summary>
[Dataset]
public sealed partial record Sample
{
    [Feature, Shape(4)] public required float[] X { get; init; }
    [Label(Classes = 3)] public int Y { get; init; }
    [GroupKey] public int Group { get; init; }
    [Timestamp] public DateTime Time { get; init; }
}

/// <summary>Four float features and a number to predict.</summary>
[Dataset]
public sealed partial record Measured
{
    [Feature, Shape(4)] public required float[] X { get; init; }
    [Label] public float Y { get; init; }
}

/// <summary>A shop category (not a model input) with its target encoding as the one feature, and a binary label.</summary>
[Dataset]
public sealed partial record Purchase
{
    [Ignore] public string? Shop { get; init; }
    [Feature] public float ShopEncoded { get; init; }
    [Feature] public float Price { get; init; }
    [Label(Classes = 2)] public int Bought { get; init; }
}

/// <summary>As <see cref="Purchase"/> with a regression label.</summary>
[Dataset]
public sealed partial record Spending
{
    [Ignore] public string? Shop { get; init; }
    [Feature] public float ShopEncoded { get; init; }
    [Label] public float Amount { get; init; }
}

internal static class StepRows
{
    public static Sample[] Samples(double[][] x, IReadOnlyList<double>? y = null) =>
        x.Select((row, i) => new Sample
        {
            X = row.Select(value => (float)value).ToArray(),
            Y = y is null ? i % 3 : (int)y[i],
            Group = i % 4,
            Time = new DateTime(2026, 1, 1).AddDays(i),
        }).ToArray();

    public static Measured[] Measurements(double[][] x, IReadOnlyList<double> y) =>
        x.Select((row, i) => new Measured { X = row.Select(value => (float)value).ToArray(), Y = (float)y[i] }).ToArray();
}
