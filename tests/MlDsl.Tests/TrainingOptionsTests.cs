using MlDsl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Tests;

public sealed class TrainingOptionsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("mldsl-checkpoints").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static FitOptions Options(int epochs) => new() { Epochs = epochs, BatchSize = 32, LearningRate = 1e-2, Seed = 5 };

    [Fact]
    public void A_resumed_run_ends_with_exactly_the_weights_of_an_uninterrupted_run()
    {
        List<Point> train = SyntheticData.Points(300, seed: 1), validation = SyntheticData.Points(60, seed: 2);
        using var uninterrupted = new PointMlp(seed: 9);
        FitReport whole = uninterrupted.Fit(train, validation, Options(epochs: 4));

        string checkpoint = Path.Combine(directory, "run");
        using (var interrupted = new PointMlp(seed: 9))
            interrupted.Fit(train, validation, Options(epochs: 4) with { Epochs = 2, CheckpointDirectory = checkpoint }); // "killed" after epoch 2
        using var resumed = new PointMlp(seed: 123); // different initial weights: everything must come from the checkpoint
        FitReport continued = resumed.Fit(train, validation, Options(epochs: 4) with { CheckpointDirectory = checkpoint, Resume = true });

        Assert.Equal(whole.Epochs.Select(epoch => epoch.TrainLoss), continued.Epochs.Select(epoch => epoch.TrainLoss));
        foreach (var ((name, expected), (_, actual)) in uninterrupted.named_parameters().Zip(resumed.named_parameters()))
            Assert.True(expected.equal(actual).all().item<bool>(), $"{name} differs after resuming");
    }

    [Fact]
    public void Early_stopping_on_validation_loss_keeps_the_best_epochs_weights()
    {
        // Labels that are pure noise: validation loss bottoms out early, then rises as the model memorises.
        var random = new Random(3);
        List<Point> noise(int count) => SyntheticData.Points(count, seed: random.Next()).Select(row => row with { Cluster = random.Next(3) }).ToList();
        List<Point> train = noise(120), validation = noise(120);
        using var model = new PointMlp(seed: 4);

        FitReport report = model.Fit(train, validation, Options(epochs: 200) with { LearningRate = 3e-2, EarlyStoppingPatience = 3 });

        Assert.NotNull(report.StoppedEarlyAt);
        Assert.Equal(report.BestEpoch + 3, report.StoppedEarlyAt);
        double best = report.Epochs.Single(epoch => epoch.Epoch == report.BestEpoch).Validation!.Loss;
        Assert.Equal(best, model.Evaluate(validation, batchSize: 256).Loss, 5);
    }

    [Fact]
    public void Every_training_step_reports_its_progress_for_progress_bars()
    {
        List<Point> train = SyntheticData.Points(100, seed: 1);
        using var model = new PointMlp(seed: 2);
        var steps = new List<BatchProgress>();

        model.Fit(train, options: Options(epochs: 2) with { BatchSize = 32, OnBatch = steps.Add });

        // 100 rows in batches of 32: steps of 32, 32, 32 and 4 rows, twice.
        Assert.Equal(new long[] { 1, 2, 3, 4, 1, 2, 3, 4 }, steps.Select(step => step.Step));
        Assert.Equal(new long[] { 32, 64, 96, 100 }, steps.Take(4).Select(step => step.RowsSeen));
        Assert.All(steps, step => Assert.Equal(4, step.StepsPerEpoch));
        Assert.Equal(new[] { 1, 1, 1, 1, 2, 2, 2, 2 }, steps.Select(step => step.Epoch));
        Assert.All(steps, step => Assert.True(double.IsFinite(step.Loss) && step.Loss > 0));
    }

    [Fact]
    public void Early_stopping_without_validation_rows_is_refused()
    {
        using var model = new PointMlp(seed: 1);

        var error = Assert.Throws<ArgumentException>(() => model.Fit(SyntheticData.Points(30, 1), options: Options(2) with { EarlyStoppingPatience = 2 }));

        Assert.StartsWith("FitOptions.EarlyStoppingPatience needs validation rows to watch.", error.Message);
    }

    [Fact]
    public void A_diverging_run_stops_naming_the_epoch_step_and_layers()
    {
        List<Point> rows = SyntheticData.Points(200, 1);
        rows[17] = rows[17] with { X = float.NaN }; // one corrupt measurement
        using var model = new PointMlp(seed: 1);

        var error = Assert.Throws<TrainingDivergedException>(() => model.Fit(rows, options: Options(3)));

        Assert.Equal(1, error.Epoch);
        Assert.InRange(error.Step, 0, 6);
        Assert.Contains("hidden.weight", error.Layers);
        Assert.StartsWith($"Training diverged: the loss was not finite at epoch 1, step {error.Step}; non-finite weights in ", error.Message);
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1e-1)]
    public void Gradient_clipping_bounds_the_size_of_a_step(double clip)
    {
        List<Point> rows = SyntheticData.Points(64, 1);
        using var model = new PointMlp(seed: 1);
        Tensor[] before = model.parameters().Select(parameter => parameter.detach().clone()).ToArray();

        // One SGD step over all rows (weight decay off): the update is the learning rate times the clipped gradient.
        model.Fit(rows, options: Options(1) with { Optimizer = OptimizerKind.Sgd, LearningRate = 1, BatchSize = 64, GradientClipNorm = clip });
        using var unclipped = new PointMlp(seed: 1);
        unclipped.Fit(rows, options: Options(1) with { Optimizer = OptimizerKind.Sgd, LearningRate = 1, BatchSize = 64 });

        double Moved(PointMlp trained) => Math.Sqrt(trained.parameters().Zip(before, (after, start) => after.detach().sub(start).square().sum().item<float>()).Sum());
        Assert.True(Moved(unclipped) > 2 * clip, $"the unclipped step ({Moved(unclipped)}) must be longer than the clip for the clip to matter");
        Assert.InRange(Moved(model), clip * 0.999, clip * 1.001); // the whole gradient rescaled to norm `clip`
        foreach (Tensor tensor in before) tensor.Dispose();
    }

    [Fact]
    public void Class_weights_need_one_weight_per_class()
    {
        using var model = new PointMlp(seed: 1);

        var error = Assert.Throws<ArgumentException>(() => model.Fit(SyntheticData.Points(30, 1), options: Options(1) with { ClassWeights = new[] { 1f, 2f } }));

        Assert.StartsWith("FitOptions.ClassWeights needs 3 non-negative weights, one per class, but has 2.", error.Message);
    }

    [Fact]
    public void The_majority_class_baseline_is_reported_on_the_validation_split()
    {
        // Training's majority is class 2 (30 + 10 rows against 30 and 30); validation's is class 0.
        List<Point> train = SyntheticData.Points(90, 1).Concat(SyntheticData.Points(30, 3).Where(row => row.Cluster == 2)).ToList();
        List<Point> validation = SyntheticData.Points(10, 2); // 0,1,2,0,1,2,0,1,2,0: three of ten are class 2, four class 0
        using var model = new PointMlp(seed: 1);

        FitReport report = model.Fit(train, validation, Options(1) with { ClassWeights = new[] { 1f, 1f, 2f } });

        // Always predicting training's majority scores 3/10 on validation (validation's own majority would score 0.4,
        // training's majority judged on training 40/120).
        Assert.Equal(0.3, report.BaselineAccuracy, 10);
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(50, 0.5)]
    [InlineData(100, 0.0)]
    public void Cosine_schedule_falls_from_the_full_rate_to_the_floor(long step, double factor) =>
        Assert.Equal(factor, LearningRateSchedule.Cosine().Factor(step, 100, 1), 10);

    [Fact]
    public void Step_and_one_cycle_schedules_have_their_shapes()
    {
        Assert.Equal(new[] { 1, 1, 0.1, 0.1, 0.01 }, Enumerable.Range(1, 5).Select(epoch => Math.Round(LearningRateSchedule.Step(2).Factor(0, 100, epoch), 10)));
        LearningRateSchedule cycle = LearningRateSchedule.OneCycle(warmup: 0.3);
        Assert.Equal(0.04, cycle.Factor(0, 100, 1), 10);
        Assert.Equal(1.0, cycle.Factor(30, 100, 1), 10);
        Assert.True(cycle.Factor(100, 100, 1) < 1e-3);
    }

    [Fact]
    public void The_scheduled_rate_is_applied_and_reported()
    {
        using var model = new PointMlp(seed: 1);

        FitReport report = model.Fit(SyntheticData.Points(64, 1), options: Options(4) with { Schedule = LearningRateSchedule.Step(1, 0.5) });

        Assert.Equal(new[] { 1e-2, 5e-3, 2.5e-3, 1.25e-3 }, report.Epochs.Select(epoch => Math.Round(epoch.LearningRate, 12)));
    }
}
