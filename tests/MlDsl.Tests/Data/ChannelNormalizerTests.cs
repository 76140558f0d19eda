using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;

namespace MlDsl.Tests.Data;

public sealed class ChannelNormalizerTests() : TemporaryFolder("mldsl-channels")
{
    private const int Plane = 16 * 16;

    /// <summary>3x16x16 patches whose channels differ in level and spread (channel c: 10 c + (c + 1) * uniform), with a left-to-right ramp inside each.</summary>
    private static List<Patch> Patches(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => new Patch
        {
            Pixels = Enumerable.Range(0, 3 * Plane).Select(p => 10f * (p / Plane) + (p / Plane + 1) * (float)random.NextDouble() + p % 16 * 0.05f).ToArray(),
            Kind = i % 4,
        }).ToList();
    }

    private static double[] Channel(IEnumerable<Patch> rows, int channel) =>
        rows.SelectMany(row => row.Pixels.Skip(channel * Plane).Take(Plane)).Select(value => (double)value).ToArray();

    [Fact]
    public void Each_channel_of_the_training_rows_gets_zero_mean_and_unit_deviation()
    {
        List<Patch> train = Patches(60, seed: 1);

        Patch[] normalized = ChannelNormalizer.Fit(train).Apply(train);

        for (int channel = 0; channel < 3; channel++)
        {
            double[] values = Channel(normalized, channel);
            double mean = values.Average();
            Assert.InRange(mean, -1e-4, 1e-4);
            Assert.InRange(Math.Sqrt(values.Select(value => (value - mean) * (value - mean)).Average()), 0.999, 1.001);
        }
    }

    [Fact]
    public void One_shift_and_scale_serve_every_pixel_of_a_channel()
    {
        List<Patch> train = Patches(60, seed: 2);

        ChannelNormalizer normalizer = ChannelNormalizer.Fit(train);

        for (int channel = 0; channel < 3; channel++)
        {
            Assert.Single(normalizer.Shift.Skip(channel * Plane).Take(Plane).Distinct());
            Assert.Single(normalizer.Scale.Skip(channel * Plane).Take(Plane).Distinct());
            Assert.Equal(Channel(train, channel).Average(), normalizer.Shift[channel * Plane], 3);
        }
    }

    [Fact]
    public void Fitting_on_the_split_uses_only_its_training_rows()
    {
        DataSplit<Patch> split = Patches(80, seed: 3).Split(new SplitOptions { Seed = 3 });

        Assert.Equal(ChannelNormalizer.Fit(split.Train).Shift, ChannelNormalizer.Fit(split).Shift);
    }

    [Fact]
    public void A_saved_channel_normalizer_loads_and_applies_identically()
    {
        List<Patch> rows = Patches(20, seed: 4);
        ChannelNormalizer normalizer = ChannelNormalizer.Fit(rows);
        string path = Path.Combine(Root, "channels.json");

        normalizer.Save(path);
        AffineTransform loaded = AffineTransform.Load(path);

        Assert.IsType<ChannelNormalizer>(loaded);
        Assert.Equal("channel-normalize", loaded.Kind);
        Assert.Equal(normalizer.Shift, loaded.Shift);
        Assert.Equal(normalizer.Scale, loaded.Scale);
        Assert.Equal(normalizer.Apply(rows).SelectMany(row => row.Pixels), loaded.Apply(rows).SelectMany(row => row.Pixels));
    }

    [Fact]
    public void Rows_that_are_not_images_are_refused_with_their_type_and_shape()
    {
        List<Point> points = SyntheticData.Points(10, seed: 5);

        var error = Assert.Throws<ArgumentException>(() => ChannelNormalizer.Fit(points));

        Assert.Equal("ChannelNormalizer needs rows whose features are one image of shape [C, H, W], but Point's features have shape (4), rank 1; " +
            "use Standardizer to scale each feature on its own", error.Message);
    }
}
