using MlDsl.Data;
using MlDsl.Training;
using TorchSharp;

namespace MlDsl.Tests;

/// <summary>Predict refuses features a model cannot meaningfully score; Fit leaves libtorch's process-wide settings as it found them.</summary>
public sealed class PredictionInputTests
{
    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Predict_refuses_a_non_finite_feature_naming_the_row_and_feature(float bad)
    {
        List<Point> rows = SyntheticData.Points(6, 1);
        rows[4] = rows[4] with { Extra = new[] { 0.5f, bad } };
        using var model = new PointMlp(seed: 1);

        var error = Assert.Throws<RowDataException>(() => model.Predict(rows));

        Assert.Equal((4, "Extra[1]"), (error.RowIndex, error.Member));
        Assert.StartsWith("Point row 4: Extra[1] should be a finite number", error.Message);
    }

    [Fact]
    public void Predict_of_finite_rows_still_answers()
    {
        using var model = new PointMlp(seed: 1);

        Assert.All(model.Predict(SyntheticData.Points(6, 1)), cluster => Assert.InRange(cluster, 0, 2));
    }

    [Fact]
    public void Fit_restores_libtorchs_thread_count_afterwards()
    {
        int before = torch.get_num_threads();
        int asked = before == 1 ? 2 : 1;
        using var model = new PointMlp(seed: 1);

        model.Fit(SyntheticData.Points(60, 1), options: new FitOptions { Epochs = 1, Threads = asked });

        Assert.Equal(before, torch.get_num_threads());
    }

    [Fact]
    public void Fit_restores_libtorchs_thread_count_when_it_throws()
    {
        int before = torch.get_num_threads();
        List<Point> rows = SyntheticData.Points(60, 1);
        rows[3] = rows[3] with { Cluster = 7 };
        using var model = new PointMlp(seed: 1);

        Assert.Throws<RowDataException>(() => model.Fit(rows, options: new FitOptions { Epochs = 1, Threads = before == 1 ? 2 : 1 }));

        Assert.Equal(before, torch.get_num_threads());
    }
}
