using System.Text.Json.Nodes;
using MlDsl.Deployment;
using MlDsl.Persistence;
using MlDsl.Tests.Deployment;
using MlDsl.Training;

namespace MlDsl.Tests.Persistence;

/// <summary>
/// Checkpoints are verified like artifacts before a byte of them is used: a damaged or forged one
/// stops the resumed run with an <see cref="ArtifactException"/> naming the file (it never trains on
/// silently), and a run resumes from scratch only when no checkpoint was ever completed.
/// </summary>
public sealed class CheckpointIntegrityTests() : TemporaryFolder("mldsl-checkpoint-integrity")
{
    private static readonly List<Point> Train = SyntheticData.Points(120, seed: 1);

    private static FitOptions Options(string checkpoint, int epochs = 2) =>
        new() { Epochs = epochs, BatchSize = 32, LearningRate = 1e-2, Seed = 5, CheckpointDirectory = checkpoint };

    private string Checkpointed(int epochs = 2)
    {
        string checkpoint = Path.Combine(Root, "checkpoint");
        using var model = new PointMlp(seed: 9);
        model.Fit(Train, options: Options(checkpoint, epochs));
        return checkpoint;
    }

    private static FitReport Resume(string checkpoint, OptimizerKind optimizer = OptimizerKind.Adam)
    {
        using var model = new PointMlp(seed: 123);
        return model.Fit(Train, options: Options(checkpoint, epochs: 3) with { Resume = true, Optimizer = optimizer });
    }

    [Fact]
    public void Flipped_weight_bytes_stop_the_resumed_run_with_both_checksums()
    {
        string checkpoint = Checkpointed();
        string weights = Path.Combine(ArtifactFiles.CurrentVersion(checkpoint), "weights.mldsl");
        string expected = ArtifactFiles.Sha256(weights);
        byte[] bytes = File.ReadAllBytes(weights);
        bytes[^20] ^= 0x40;
        File.WriteAllBytes(weights, bytes);

        var error = Assert.Throws<ArtifactException>(() => Resume(checkpoint));

        Assert.Equal($"{weights}: SHA-256 is {ArtifactFiles.Sha256(weights)}, checkpoint.json says {expected}: the file was modified or damaged", error.Message);
    }

    [Fact]
    public void A_forged_checkpoint_of_another_model_is_refused()
    {
        string checkpoint = Checkpointed();
        ArtifactFiles.EditManifest(checkpoint, manifest => manifest["ModelName"] = "PatchNet", manifestName: "checkpoint.json");

        Assert.EndsWith("checkpoint.json: ModelName is 'PatchNet'; resuming a 'PointMlp'", Assert.Throws<ArtifactException>(() => Resume(checkpoint)).Message);
    }

    [Fact]
    public void Progress_that_disagrees_with_the_manifest_is_refused()
    {
        string checkpoint = Checkpointed();
        ArtifactFiles.EditManifest(checkpoint, manifest => manifest["Epochs"] = 5, manifestName: "checkpoint.json");

        Assert.EndsWith("progress.json: holds 2 epochs; checkpoint.json says 5", Assert.Throws<ArtifactException>(() => Resume(checkpoint)).Message);
    }

    [Fact]
    public void Malformed_progress_is_refused_with_its_place()
    {
        string checkpoint = Checkpointed();
        ArtifactFiles.Forge(checkpoint, "progress.json", "[{\"Epoch\": \"one\"}]"u8.ToArray(), manifestName: "checkpoint.json");

        var error = Assert.Throws<ArtifactException>(() => Resume(checkpoint));

        Assert.Contains("progress.json: line 1, byte ", error.Message);
        Assert.Contains("(at $[0].Epoch)", error.Message);
    }

    [Fact]
    public void The_state_of_another_optimizer_is_refused_by_name()
    {
        string checkpoint = Checkpointed();

        var error = Assert.Throws<ArtifactException>(() => Resume(checkpoint, OptimizerKind.Sgd));

        Assert.EndsWith("optimizer.bin: holds the state of a Adam optimizer; this run uses SGD", error.Message);
    }

    [Fact]
    public void A_checkpoint_of_an_older_MlDsl_is_refused_rather_than_restarted()
    {
        string checkpoint = Directory.CreateDirectory(Path.Combine(Root, "legacy")).FullName;
        File.WriteAllText(Path.Combine(checkpoint, "progress.json"), "[]");

        Assert.Contains("holds a checkpoint of an older MlDsl, without checksums", Assert.Throws<ArtifactException>(() => Resume(checkpoint)).Message);
    }

    // Look-alikes that must keep working.

    [Fact]
    public void A_verified_checkpoint_resumes_after_its_last_epoch()
    {
        FitReport resumed = Resume(Checkpointed());

        Assert.Equal(2, resumed.ResumedAfterEpoch);
        Assert.Equal([1, 2, 3], resumed.Epochs.Select(epoch => epoch.Epoch));
    }

    [Fact]
    public void A_first_save_that_never_committed_is_rolled_back_and_the_run_starts_at_epoch_1()
    {
        string checkpoint = Directory.CreateDirectory(Path.Combine(Root, "uncommitted")).FullName;
        string half = Directory.CreateDirectory(Path.Combine(checkpoint, "v20260101T000000000-0123abcd")).FullName;
        File.WriteAllText(Path.Combine(half, "weights.mldsl"), "half");

        FitReport started = Resume(checkpoint);

        Assert.Equal(0, started.ResumedAfterEpoch);
        Assert.Equal([1, 2, 3], started.Epochs.Select(epoch => epoch.Epoch));
        Assert.False(Directory.Exists(half));
    }
}
