using MlDsl.Data.Streaming;
using MlDsl.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Tests.Streaming;

public sealed class StreamingFitTests() : TemporaryFolder("mldsl-streaming")
{
    private static readonly StreamingOptions Streaming = new() { Workers = 2, Prefetch = 2, ShuffleBuffer = 50 };

    [Fact]
    public void Separable_clusters_are_learned_from_a_sharded_lazy_source()
    {
        var train = new CountingSource<Point>(SyntheticData.Points(600, 1), shardSize: 50);
        var validation = new CountingSource<Point>(SyntheticData.Points(150, 2), shardSize: 50);
        using var model = new PointMlp(seed: 3);
        FitReport report = model.Fit(train, validation, new FitOptions { Epochs = 8, BatchSize = 32, Seed = 5, Streaming = Streaming });
        Assert.True(report.Epochs[^1].Validation!.Accuracy > 0.95, $"validation accuracy {report.Epochs[^1].Validation!.Accuracy}");
        Assert.Equal(150, report.Epochs[^1].Validation!.Count);
        // Labels are read in one pass (the source does not know them), then each epoch decodes each row once.
        Assert.Equal(600 * 9, train.Reads);
    }

    [Fact]
    public void The_same_seed_gives_the_same_weights_whatever_the_number_of_workers()
    {
        List<Point> points = SyntheticData.Points(300, 1);
        float[] Train(int workers)
        {
            using var model = new PointMlp(seed: 3);
            model.Fit(new CountingSource<Point>(points, 25), null, new FitOptions { Epochs = 3, BatchSize = 16, Seed = 9, Streaming = Streaming with { Workers = workers } });
            return Weights(model);
        }
        Assert.Equal(Train(1), Train(3));
    }

    [Fact]
    public void A_resumed_streaming_run_ends_with_the_weights_of_the_uninterrupted_run()
    {
        List<Point> points = SyntheticData.Points(300, 1);
        string checkpoints = Path.Combine(Root, "checkpoints");
        FitOptions options = new() { Epochs = 4, BatchSize = 16, Seed = 9, Streaming = Streaming };

        using var straight = new PointMlp(seed: 3);
        straight.Fit(new CountingSource<Point>(points, 25), null, options);

        using (var first = new PointMlp(seed: 3))
            first.Fit(new CountingSource<Point>(points, 25), null, options with { Epochs = 2, CheckpointDirectory = checkpoints });
        using var resumed = new PointMlp(seed: 3);
        FitReport report = resumed.Fit(new CountingSource<Point>(points, 25), null, options with { CheckpointDirectory = checkpoints, Resume = true });

        Assert.Equal(2, report.ResumedAfterEpoch);
        Assert.Equal(Weights(straight), Weights(resumed));
    }

    [Fact]
    public void Evaluate_and_predict_over_a_source_agree_with_the_same_rows_in_memory()
    {
        List<Point> points = SyntheticData.Points(333, 4);
        using var model = new PointMlp(seed: 3);
        model.Fit(points, null, new FitOptions { Epochs = 2, Seed = 1 });
        var source = new CountingSource<Point>(points, 40);

        Assert.Equal(model.Predict(points), model.Predict(source, batchSize: 50));
        Evaluation inMemory = model.Evaluate(points, 50), streamed = model.Evaluate(source, 50);
        Assert.Equal(inMemory.Accuracy, streamed.Accuracy);
        Assert.Equal(inMemory.Loss, streamed.Loss, 5);
    }

    [Fact]
    public void A_bad_row_stops_training_with_its_reference_not_a_raw_exception()
    {
        List<Point> points = SyntheticData.Points(100, 1);
        points[77] = points[77] with { Extra = new float[1] };
        using var model = new PointMlp(seed: 3);
        var problem = Assert.Throws<RowSourceException>(() => model.Fit(new CountingSource<Point>(points, 20), null, new FitOptions { Epochs = 1, Streaming = Streaming }));
        Assert.Contains("shard-3.bin record 17", problem.Message);
    }

    [Fact]
    public void A_non_finite_feature_is_refused_at_prediction_with_its_reference()
    {
        List<Point> points = SyntheticData.Points(30, 1);
        points[12] = points[12] with { X = float.NaN };
        using var model = new PointMlp(seed: 3);
        var problem = Assert.Throws<RowSourceException>(() => model.Predict(new CountingSource<Point>(points, 10)));
        Assert.Contains("shard-1.bin record 2", problem.Message);
    }

    [Fact]
    public void Invalid_streaming_options_are_refused_with_the_option_named()
    {
        using var model = new PointMlp(seed: 3);
        var source = RowSources.FromList(SyntheticData.Points(10, 1));
        var problem = Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(source, null, new FitOptions { Streaming = new StreamingOptions { Workers = 0 } }));
        Assert.Equal("Workers", problem.ParamName);
    }

    internal static float[] Weights(Module<Tensor, Tensor> model) =>
        model.parameters().SelectMany(parameter => parameter.detach().cpu().data<float>().ToArray()).ToArray();
}
