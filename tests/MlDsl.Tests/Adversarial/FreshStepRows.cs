namespace MlDsl.Tests.Adversarial;

/// <summary>Five float features, a class label (0..7), an integer group key and a timestamp: what a user's tabular row looks like.</summary>
[Dataset]
public sealed partial record FreshRow
{
    [Feature, Shape(5)] public required float[] X { get; init; }
    [Label(Classes = 8)] public int Y { get; init; }
    [GroupKey] public int Group { get; init; }
    [Timestamp] public DateTime Time { get; init; }
}

/// <summary>A shop category (not a model input) whose target encoding is a feature, and a binary label.</summary>
[Dataset]
public sealed partial record FreshPurchase
{
    [Ignore] public string? Shop { get; init; }
    [Feature] public float ShopEncoded { get; init; }
    [Feature] public float Price { get; init; }
    [Label(Classes = 2)] public int Bought { get; init; }
}

/// <summary>As <see cref="FreshPurchase"/> with a regression label.</summary>
[Dataset]
public sealed partial record FreshSpend
{
    [Ignore] public string? Shop { get; init; }
    [Feature] public float ShopEncoded { get; init; }
    [Label] public float Amount { get; init; }
}

/// <summary>As <see cref="FreshRow"/> with a text group key, whose keys are ordered as text even when they read as numbers.</summary>
[Dataset]
public sealed partial record FreshTextGroupRow
{
    [Feature] public float X { get; init; }
    [Label(Classes = 2)] public int Y { get; init; }
    [GroupKey] public string Group { get; init; } = "";
}

internal static class FreshRows
{
    public static FreshRow[] Of(double[][] x, IReadOnlyList<int>? y = null, IReadOnlyList<int>? groups = null) =>
        x.Select((row, i) => new FreshRow
        {
            X = row.Select(value => (float)value).ToArray(),
            Y = y is null ? i % 3 : y[i],
            Group = groups is null ? i % 4 : groups[i],
            Time = new DateTime(2026, 1, 1).AddDays(i),
        }).ToArray();

    public static FreshRow[] Blank(int count, IReadOnlyList<int>? y = null, IReadOnlyList<int>? groups = null) =>
        Of(Enumerable.Range(0, count).Select(i => new double[] { i, i % 2, 1, 2 * i, 3 }).ToArray(), y, groups);
}
