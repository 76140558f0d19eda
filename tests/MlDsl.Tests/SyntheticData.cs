namespace MlDsl.Tests;

/// <summary>Seeded synthetic rows: three separable clusters of points, and random image patches.</summary>
internal static class SyntheticData
{
    public static List<Point> Points(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<Point>(count);
        for (int i = 0; i < count; i++)
        {
            int cluster = i % 3;
            float centreX = cluster - 1, centreY = cluster == 1 ? 1 : -1;
            rows.Add(new Point
            {
                X = centreX + Noise(random),
                Y = centreY + Noise(random),
                Extra = new[] { Noise(random), Noise(random) },
                Cluster = cluster,
            });
        }
        return rows;
    }

    public static List<Patch> Patches(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i => new Patch { Pixels = Enumerable.Range(0, 3 * 16 * 16).Select(_ => (float)random.NextDouble()).ToArray(), Kind = i % 4 })
            .ToList();
    }

    private static float Noise(Random random) => (float)(random.NextDouble() - 0.5) * 0.3f;
}
