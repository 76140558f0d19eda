namespace MlDsl.Tests.Labels;

/// <summary>A regression target far from unit scale: prices in the hundreds of thousands.</summary>
[Dataset]
public sealed partial record Flat
{
    /// <summary>Floor area in hundreds of square metres.</summary>
    [Feature] public float Area { get; init; }
    [Label] public double Price { get; init; }

    public static List<Flat> Make(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            float area = 0.3f + 1.2f * random.NextSingle();
            return new Flat { Area = area, Price = 250_000 + 300_000 * area + 5_000 * (random.NextDouble() - 0.5) };
        }).ToList();
    }
}

[Model(typeof(Flat))]
public sealed partial class FlatPrice
{
    [Linear(8), Relu] Layer hidden;
    [Linear(1)] Layer output;
}
