namespace MlDsl.Tests.Data;

/// <summary>A clinic visit: two features, a label, and every kind of metadata a split or report uses.</summary>
[Dataset]
public sealed partial record Visit
{
    [Feature] public float Heart { get; init; }
    [Feature] public float Age { get; init; }
    [Label(Classes = 2)] public int Sick { get; init; }
    [GroupKey] public int Patient { get; init; }
    [Timestamp] public DateTime Seen { get; init; }
    [Slice] public string Clinic { get; init; } = "";
}

internal static class Visits
{
    /// <summary>Seeded visits: 60 patients with 1–5 visits each, a day apart, sickness tied to heart rate.</summary>
    public static List<Visit> Make(int seed = 1)
    {
        var random = new Random(seed);
        var visits = new List<Visit>();
        var day = new DateTime(2026, 1, 1);
        for (int patient = 0; patient < 60; patient++)
            for (int visit = random.Next(1, 6); visit > 0; visit--)
            {
                float heart = 60 + (float)random.NextDouble() * 60;
                visits.Add(new Visit
                {
                    Heart = heart,
                    Age = 20 + random.Next(60),
                    Sick = heart > 95 ? 1 : 0,
                    Patient = patient,
                    Seen = day = day.AddHours(random.Next(0, 3) * 12), // some visits share a timestamp
                    Clinic = patient % 3 == 0 ? "north" : "south",
                });
            }
        return visits;
    }
}
