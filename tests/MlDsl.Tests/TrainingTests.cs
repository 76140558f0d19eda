using MlDsl.Training;
using TorchSharp;

namespace MlDsl.Tests;

public sealed class TrainingTests
{
    private static FitOptions Options(int epochs, int batchSize = 32) => new()
    {
        Epochs = epochs,
        BatchSize = batchSize,
        LearningRate = 1e-2,
        Seed = 3,
    };

    [Fact]
    public void A_small_model_overfits_one_batch_to_near_zero_loss()
    {
        List<Patch> batch = SyntheticData.Patches(16, seed: 5);
        using var model = new PatchNet(seed: 5);

        FitReport report = model.Fit(batch, options: Options(epochs: 150, batchSize: 16));

        Assert.True(report.Last.TrainLoss < 0.05, $"loss after 150 steps on one batch: {report.Last.TrainLoss}");
#pragma warning disable MLDSL0027 // overfitting one batch is the check: the score on the rows it trained on is the point
        Assert.Equal(1.0, model.Evaluate(batch).Accuracy);
#pragma warning restore MLDSL0027
    }

    [Fact]
    public void The_same_seed_gives_an_identical_loss_sequence()
    {
        List<Point> rows = SyntheticData.Points(300, seed: 1);

        double[] first = TrainLosses(rows, seed: 11);
        double[] second = TrainLosses(rows, seed: 11);
        double[] other = TrainLosses(rows, seed: 12);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    private static double[] TrainLosses(List<Point> rows, long seed)
    {
        using var model = new PointMlp(seed);
        return model.Fit(rows, SyntheticData.Points(60, seed: 99), Options(epochs: 4) with { Seed = seed })
            .Epochs.SelectMany(epoch => new[] { epoch.TrainLoss, epoch.Validation!.Loss }).ToArray();
    }

    [Fact]
    public void After_fit_the_live_tensor_count_grows_only_by_the_models_parameters()
    {
        List<Point> rows = SyntheticData.Points(200, seed: 2);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        using var model = new PointMlp(seed: 2);
        int parameterTensors = model.parameters().Count();

        List<Point> validation = SyntheticData.Points(60, seed: 98);
        model.Fit(rows, validation, Options(epochs: 3));
        long afterFirstFit = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        model.Fit(rows, validation, Options(epochs: 2));
        model.Evaluate(rows);
        model.Predict(rows);
        model.PredictProbabilities(rows[0]);
        long afterEverything = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        Assert.Equal(6, parameterTensors);
        Assert.Equal(before + parameterTensors, afterFirstFit);
        Assert.Equal(afterFirstFit, afterEverything);
    }

    [Fact]
    public void Separable_clusters_are_learned_and_reported_every_epoch()
    {
        List<Point> train = SyntheticData.Points(600, seed: 3);
        List<Point> validation = SyntheticData.Points(150, seed: 4);
        var seen = new List<EpochReport>();
        using var model = new PointMlp(seed: 3);

        FitReport report = model.Fit(train, validation, Options(epochs: 5) with { OnEpoch = seen.Add });

        Assert.Equal(report.Epochs, seen);
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, seen.Select(epoch => epoch.Epoch));
        Assert.True(report.Last.Validation!.Accuracy > 0.95, $"validation accuracy {report.Last.Validation.Accuracy}");
        Assert.True(report.Last.TrainLoss < report.Epochs[0].TrainLoss);
    }

    [Theory]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.AdamW)]
    [InlineData(OptimizerKind.Sgd)]
    public void Every_optimizer_reduces_the_loss(OptimizerKind optimizer)
    {
        List<Point> rows = SyntheticData.Points(300, seed: 6);
        using var model = new PointMlp(seed: 6);

        FitReport report = model.Fit(rows, options: Options(epochs: 6) with { Optimizer = optimizer, WeightDecay = 1e-4 });

        Assert.True(report.Last.TrainLoss < report.Epochs[0].TrainLoss * 0.8, $"{optimizer}: {report.Epochs[0].TrainLoss} -> {report.Last.TrainLoss}");
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_option_named()
    {
        using var model = new PointMlp(seed: 1);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(SyntheticData.Points(10, 1), options: new FitOptions { BatchSize = 0 }));

        Assert.Contains("FitOptions.BatchSize must be at least 1", error.Message);
    }
}
