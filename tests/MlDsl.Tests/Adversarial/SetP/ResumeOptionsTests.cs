using MlDsl.Deployment;
using MlDsl.Tests.Deployment;
using MlDsl.Training;

namespace MlDsl.Tests.Adversarial.SetP;

/// <summary>
/// A checkpoint resumed under other options: the manifest held only the model's name, so <c>--resume</c> with another
/// seed, batch size or learning rate continued the old run's weights and optimizer state into a new trajectory, a model
/// no single run would train, without a word. The run's options are now saved with the checkpoint and compared first.
/// </summary>
public sealed class ResumeOptionsTests() : TemporaryFolder("mldsl-setp-resume")
{
    private static readonly List<Point> Train = SyntheticData.Points(120, seed: 1);

    private static FitOptions Options(string checkpoint, int epochs = 2) =>
        new() { Epochs = epochs, BatchSize = 32, LearningRate = 1e-2, Seed = 5, CheckpointDirectory = checkpoint };

    private string Checkpointed()
    {
        string checkpoint = Path.Combine(Root, "checkpoint");
        using var model = new PointMlp(seed: 9);
        model.Fit(Train, options: Options(checkpoint));
        return checkpoint;
    }

    private static FitReport Resume(string checkpoint, Func<FitOptions, FitOptions> change)
    {
        using var model = new PointMlp(seed: 123);
        return model.Fit(Train, options: change(Options(checkpoint, epochs: 3) with { Resume = true }));
    }

    [Fact]
    public void Resuming_with_another_seed_is_refused_naming_both_seeds()
    {
        string checkpoint = Checkpointed();

        var error = Assert.Throws<ArtifactException>(() => Resume(checkpoint, options => options with { Seed = 6 }));

        Assert.StartsWith(ArtifactFiles.CurrentVersion(checkpoint), error.Message);
        Assert.Contains("checkpoint.json: was saved by a run with other options: Seed 5 (this run: 6); resume with the same options, or delete the folder to start over", error.Message);
    }

    [Fact]
    public void Resuming_with_another_batch_size_and_learning_rate_names_each()
    {
        string checkpoint = Checkpointed();

        var error = Assert.Throws<ArtifactException>(() => Resume(checkpoint, options => options with { BatchSize = 16, LearningRate = 1e-3 }));

        Assert.Contains("BatchSize 32 (this run: 16), LearningRate 0.01 (this run: 0.001)", error.Message);
    }

    [Fact]
    public void Resuming_with_the_same_options_and_more_epochs_continues_after_the_last_epoch()
    {
        string checkpoint = Checkpointed();

        FitReport resumed = Resume(checkpoint, options => options with { Verbose = 0 });

        Assert.Equal(2, resumed.ResumedAfterEpoch);
        Assert.Equal(3, resumed.Epochs.Count);
    }
}
