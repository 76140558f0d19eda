using MlDsl.Deployment;
using MlDsl.Tests.Deployment;
using MlDsl.Training;

namespace MlDsl.Tests.Persistence;

/// <summary>
/// Where a checkpoint folder goes and what its optimizer state may hold. A file standing where the folder goes used to
/// pass the resume (no folder, so "nothing to resume") and fail after an epoch's work with a raw IOException from the first
/// save; it is now refused before the first epoch by name, and left as it was. Bytes appended after the optimizer's state
/// (checksums recomputed) used to be ignored: a file holds exactly what was saved, as a model file does.
/// </summary>
public sealed class CheckpointFolderTests() : TemporaryFolder("mldsl-checkpoint-folder")
{
    private static readonly List<Point> Train = SyntheticData.Points(64, seed: 3);

    private static FitOptions Options(string checkpoint, int epochs = 2) =>
        new() { Epochs = epochs, BatchSize = 32, LearningRate = 1e-2, Seed = 5, CheckpointDirectory = checkpoint };

    private static FitReport Fit(FitOptions options, List<int>? epochs = null)
    {
        using var model = new PointMlp(seed: 9);
        return model.Fit(Train, options: options with { OnEpoch = report => epochs?.Add(report.Epoch) });
    }

    private static string OptimizerState(string checkpoint) => Path.Combine(ArtifactFiles.CurrentVersion(checkpoint), "optimizer.bin");

    [Fact]
    public void A_file_where_the_checkpoint_folder_goes_is_refused_before_the_first_epoch_and_kept()
    {
        string file = Path.Combine(Root, "checkpoint");
        File.WriteAllText(file, "notes");
        var epochs = new List<int>();

        var error = Assert.Throws<ArtifactException>(() => Fit(Options(file), epochs));

        Assert.Equal($"{file}: is a file, not a folder; expected the checkpoint folder, or nothing there for one to be made", error.Message);
        Assert.Empty(epochs);
        Assert.Equal("notes", File.ReadAllText(file));
    }

    [Fact]
    public void A_checkpoint_folder_under_a_file_is_refused_naming_the_folder()
    {
        string parent = Path.Combine(Root, "parent");
        File.WriteAllText(parent, "notes");
        string folder = Path.Combine(parent, "checkpoint");

        var error = Assert.Throws<ArtifactException>(() => Fit(Options(folder)));

        Assert.StartsWith($"{folder}: cannot be made as the checkpoint folder: ", error.Message);
        Assert.Equal("notes", File.ReadAllText(parent));
    }

    [Fact]
    public void A_checkpoint_folder_that_does_not_exist_yet_is_made_and_resumes()
    {
        string folder = Path.Combine(Root, "new", "checkpoint");
        Fit(Options(folder));

        FitReport resumed = Fit(Options(folder, epochs: 3) with { Resume = true });

        Assert.Equal(2, resumed.ResumedAfterEpoch);
    }

    [Fact]
    public void One_byte_appended_to_the_optimizer_state_is_refused_with_both_lengths()
    {
        string checkpoint = Path.Combine(Root, "checkpoint");
        Fit(Options(checkpoint));
        byte[] state = File.ReadAllBytes(OptimizerState(checkpoint));
        ArtifactFiles.Forge(checkpoint, "optimizer.bin", [.. state, 0], manifestName: "checkpoint.json");

        var error = Assert.Throws<ArtifactException>(() => Fit(Options(checkpoint, epochs: 3) with { Resume = true }));

        Assert.Equal($"{OptimizerState(checkpoint)}: holds {state.Length + 1} bytes, but the Adam state ends after {state.Length}; expected nothing after it", error.Message);
    }

    [Fact]
    public void The_optimizer_state_as_saved_resumes()
    {
        string checkpoint = Path.Combine(Root, "checkpoint");
        Fit(Options(checkpoint));
        byte[] state = File.ReadAllBytes(OptimizerState(checkpoint));
        ArtifactFiles.Forge(checkpoint, "optimizer.bin", state, manifestName: "checkpoint.json");

        Assert.Equal(2, Fit(Options(checkpoint, epochs: 3) with { Resume = true }).ResumedAfterEpoch);
    }
}
