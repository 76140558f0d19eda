using MlDsl.Data.Resampling;
using MlDsl.Data.Steps;

namespace MlDsl.Tests.Data.Steps;

public sealed class OversamplerTests
{
    /// <summary>10 rows of class 0, 4 of class 1, 6 of class 2, features that tell the row apart.</summary>
    private static Sample[] Imbalanced() =>
        Enumerable.Range(0, 20).Select(i => new Sample
        {
            X = [i, i * 2, 100 + i % 3, -i],
            Y = i < 10 ? 0 : i < 14 ? 1 : 2,
            Group = i,
        }).ToArray();

    [Fact]
    public void Random_oversampling_copies_minority_rows_until_every_class_is_as_large_as_the_largest()
    {
        Sample[] train = Imbalanced();

        Sample[] balanced = Oversampler.Random(train, seed: 3);

        Assert.Equal(train, balanced[..train.Length]); // the rows given come first, untouched
        Assert.Equal(new[] { 10, 10, 10 }, balanced.GroupBy(row => row.Y).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.All(balanced[train.Length..], copy => Assert.Contains(copy, train));
        Assert.Equal(balanced, Oversampler.Random(train, seed: 3));
    }

    [Fact]
    public void Smote_rows_lie_between_a_row_and_one_of_its_k_nearest_same_class_neighbours()
    {
        Sample[] train = Imbalanced();
        const int k = 3;

        Sample[] balanced = Oversampler.Smote(train, k, seed: 5);

        Assert.Equal(new[] { 10, 10, 10 }, balanced.GroupBy(row => row.Y).OrderBy(g => g.Key).Select(g => g.Count()));
        foreach (Sample synthetic in balanced[train.Length..])
        {
            Sample source = train.Single(row => row.Group == synthetic.Group); // metadata is copied from the base row
            Assert.Equal(source.Y, synthetic.Y);
            Sample[] neighbours = train.Where(row => row.Y == source.Y && row != source)
                .OrderBy(row => row.X.Zip(source.X, (a, b) => (a - b) * (a - b)).Sum()).Take(k).ToArray();
            Assert.Contains(neighbours, neighbour => OnSegment(source.X, neighbour.X, synthetic.X));
        }
        Assert.Equal(balanced.Select(row => row.X), Oversampler.Smote(train, k, seed: 5).Select(row => row.X));
    }

    private static bool OnSegment(float[] from, float[] to, float[] point)
    {
        double? step = null;
        for (int f = 0; f < from.Length; f++)
        {
            if (from[f] == to[f])
            {
                if (Math.Abs(point[f] - from[f]) > 1e-4) return false;
                continue;
            }
            double t = (point[f] - from[f]) / (double)(to[f] - from[f]);
            if (t < -1e-5 || t > 1 + 1e-5 || (step is { } s && Math.Abs(s - t) > 1e-4)) return false;
            step = t;
        }
        return true;
    }

    [Fact]
    public void Smote_with_fewer_than_k_plus_one_rows_of_a_class_names_the_class_and_k()
    {
        var error = Assert.Throws<DataStepException>(() => Oversampler.Smote(Imbalanced(), k: 5));

        Assert.Equal("k", error.Option);
        Assert.Contains("class 1 has 4 training rows, but k = 5 neighbours need at least 6 rows of a class", error.Message);
    }

    [Fact]
    public void Oversampling_refuses_regression_labels_and_empty_rows()
    {
        Measured[] measured = [new Measured { X = [1, 2, 3, 4], Y = 1 }];

        Assert.Contains("needs a class label, but Measured.Y is a Regression label", Assert.Throws<DataStepException>(() => Oversampler.Random(measured)).Message);
        Assert.Contains("holds no Sample rows", Assert.Throws<DataStepException>(() => Oversampler.Smote(Array.Empty<Sample>())).Message);
    }

    [Fact]
    public void Augmentation_appends_seeded_copies_of_every_row()
    {
        Sample[] train = Imbalanced()[..5];
        static Sample Jitter(Sample row, Random random) => row with { X = row.X.Select(value => value + (float)random.NextDouble()).ToArray() };

        Sample[] augmented = Oversampler.Augment(train, Jitter, copies: 2, seed: 9);

        Assert.Equal(15, augmented.Length);
        Assert.Equal(train, augmented[..5]);
        Assert.Equal(train.Select(row => row.Group).Concat(train.Select(row => row.Group)), augmented[5..].Select(row => row.Group));
        Assert.Equal(augmented.Select(row => row.X), Oversampler.Augment(train, Jitter, 2, seed: 9).Select(row => row.X));
        Assert.Equal("copies", Assert.Throws<DataStepException>(() => Oversampler.Augment(train, Jitter, -1)).Option);
    }
}
