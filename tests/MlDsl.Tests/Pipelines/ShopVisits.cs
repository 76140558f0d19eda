namespace MlDsl.Tests.Pipelines;

/// <summary>A shop visit: the city and weekday are categories the model reads only as their target encodings.</summary>
[Dataset]
public sealed partial record ShopVisit
{
    [Ignore] public string City { get; init; } = "";
    [Ignore] public string Day { get; init; } = "";
    /// <summary>Written by the pipeline's target encoding of <see cref="City"/>; whatever raw rows hold here is ignored.</summary>
    [Feature] public float CityEncoded { get; init; }
    [Feature] public float DayEncoded { get; init; }
    [Feature] public float Minutes { get; init; }
    [Label(Classes = 2)] public int Bought { get; init; }
}

[Model(typeof(ShopVisit))]
public sealed partial class ShopVisitNet
{
    [Linear(8), Relu] Layer hidden;
    [Linear(2)] Layer output;
}

/// <summary>
/// Seeded visits whose purchase odds depend mostly on the city (ten cities, some rare), a little on the day and on the
/// minutes spent: a target encoding of the city carries most of the signal.
/// </summary>
internal static class ShopVisits
{
    private static readonly string[] Cities = ["Lyon", "Oslo", "Pune", "Quito", "Riga", "Sana", "Tunis", "Uppsala", "Vigo", "Wuhan"];
    private static readonly string[] Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public static ShopVisit[] Rows(int count = 600)
    {
        var random = new Random(11);
        return Enumerable.Range(0, count).Select(_ =>
        {
            // Squaring skews the draw so the last cities are rare: their encodings lean on the overall mean.
            int city = (int)(Cities.Length * Math.Pow(random.NextDouble(), 2));
            int day = random.Next(Days.Length);
            float minutes = (float)(random.NextDouble() * 30);
            double logit = (city - 4.5) * 0.6 + (day >= 5 ? 0.5 : -0.2) + (minutes - 15) * 0.05;
            return new ShopVisit
            {
                City = Cities[city], Day = Days[day], Minutes = minutes,
                Bought = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0,
            };
        }).ToArray();
    }
}
