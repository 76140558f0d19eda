namespace MlDsl.Tests.Doctor;

/// <summary>Small seeded rows for the doctor's tests, and the broken versions of them.</summary>
internal static class DoctorData
{
    public static List<Point> Points(int count = 450) => SyntheticData.Points(count, seed: 5);

    /// <summary>The same points with labels dealt at random: no feature explains them.</summary>
    public static List<Point> ShuffledLabels(int count = 450)
    {
        var random = new Random(9);
        return Points(count).Select(point => point with { Cluster = random.Next(3) }).ToList();
    }

    /// <summary>The points moved by noise as wide as the gaps between clusters: no model gets them all right, so too large a step overshoots.</summary>
    public static List<Point> Overlapping(int count = 450)
    {
        var random = new Random(13);
        return Points(count).Select(point => point with { X = point.X + 1.5f * (random.NextSingle() - 0.5f), Y = point.Y + 1.5f * (random.NextSingle() - 0.5f) }).ToList();
    }

    /// <summary>The points with the label of every <paramref name="every"/>-th row moved to the next class; returns the rows changed.</summary>
    public static (List<Point> Rows, HashSet<int> Flipped) Mislabelled(int count, int every)
    {
        List<Point> rows = Points(count);
        var flipped = new HashSet<int>();
        for (int i = 0; i < rows.Count; i += every)
        {
            rows[i] = rows[i] with { Cluster = (rows[i].Cluster + 1) % 3 };
            flipped.Add(i);
        }
        return (rows, flipped);
    }
}
