using MlDsl.Data.Streaming;
using MlDsl.Training;
using TorchSharp;

namespace MlDsl.Tests;

/// <summary>
/// BatchNorm in training mode normalizes by the batch's own variance; libtorch does not refuse a batch of one
/// row but returns zeros and makes the running variance NaN, which poisons every later evaluation silently.
/// </summary>
public sealed class BatchNormTrainingTests
{
    private static readonly FitOptions Options = new() { Epochs = 2, BatchSize = 32, LearningRate = 1e-2, Seed = 4 };

    [Fact]
    public void Rows_one_more_than_a_multiple_of_the_batch_size_train_to_finite_running_statistics()
    {
        List<Point> rows = SyntheticData.Points(65, seed: 1);
        using var model = new PointBatchNormMlp(seed: 2);

        model.Fit(rows, options: Options);

        Assert.All(model.named_buffers(), buffer => Assert.True(buffer.buffer.isfinite().all().item<bool>(), $"{buffer.name} is not finite"));
        Assert.True(double.IsFinite(model.Evaluate(SyntheticData.Points(40, seed: 3)).Loss));
    }

    [Fact]
    public void A_streamed_source_with_a_single_trailing_row_trains_to_finite_running_statistics()
    {
        var rows = RowSources.FromList(SyntheticData.Points(33, seed: 1));
        using var model = new PointBatchNormMlp(seed: 2);

        model.Fit(rows, null, Options with { Streaming = new StreamingOptions { Workers = 1, Prefetch = 1 } });

        Assert.All(model.named_buffers(), buffer => Assert.True(buffer.buffer.isfinite().all().item<bool>(), $"{buffer.name} is not finite"));
    }

    [Fact]
    public void Every_row_is_still_trained_on_when_the_last_batch_is_folded()
    {
        List<Point> rows = SyntheticData.Points(65, seed: 1);
        using var model = new PointBatchNormMlp(seed: 2);
        var seen = new List<BatchProgress>();

        model.Fit(rows, options: Options with { Epochs = 1, OnBatch = seen.Add });

        Assert.Equal(2, seen.Count);
        Assert.Equal(65, seen[^1].RowsSeen);
        Assert.Equal(2, seen[^1].StepsPerEpoch);
    }

    [Fact]
    public void A_single_training_row_through_BatchNorm_is_refused_naming_the_layer()
    {
        using var model = new PointBatchNormMlp(seed: 2);

        var problem = Assert.Throws<ArgumentException>(() => model.Fit(SyntheticData.Points(1, seed: 1), options: Options));

        Assert.Contains("hidden", problem.Message);
        Assert.Contains("BatchNorm", problem.Message);
    }
}
