using System.Text;
using System.Text.Json.Nodes;
using MlDsl.Deployment;
using MlDsl.Persistence;
using MlDsl.Tests.Deployment;
using MlDsl.Training;

namespace MlDsl.Tests.Adversarial.SetT;

/// <summary>
/// Checkpoint folders a resumed run finds damaged, forged or left mid-save by a killed process. A resume either continues
/// from a verified checkpoint or stops with an <see cref="ArtifactException"/> (or <see cref="ModelFileException"/>)
/// naming the file and what was expected; it never trains on from garbage and never throws a raw .NET exception.
/// </summary>
public sealed class CheckpointAttackTests() : TemporaryFolder("mldsl-sett-checkpoint")
{
    private static readonly List<Point> Train = SyntheticData.Points(96, seed: 2);

    private string Folder => Path.Combine(Root, "checkpoint");

    private static FitOptions Options(string checkpoint, int epochs) =>
        new() { Epochs = epochs, BatchSize = 32, LearningRate = 1e-2, Seed = 7, CheckpointDirectory = checkpoint };

    private string Checkpointed(int epochs = 2)
    {
        using var model = new PointMlp(seed: 4);
        model.Fit(Train, options: Options(Folder, epochs));
        return Folder;
    }

    private static FitReport Resume(string checkpoint, int epochs = 3)
    {
        using var model = new PointMlp(seed: 11);
        return model.Fit(Train, options: Options(checkpoint, epochs) with { Resume = true });
    }

    private static string InVersion(string checkpoint, string file) => Path.Combine(ArtifactFiles.CurrentVersion(checkpoint), file);

    /// <summary>The resume's refusal: MlDsl's own exception, naming <paramref name="named"/>.</summary>
    private static Exception Refused(string checkpoint, string named, int epochs = 3)
    {
        Exception? error = Record.Exception(() => Resume(checkpoint, epochs));
        Assert.True(error is ArtifactException or ModelFileException,
            $"expected ArtifactException or ModelFileException naming {named}, got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        Assert.Contains(named, error!.Message);
        return error;
    }

    private static void ForgeJson(string checkpoint, string file, Action<JsonNode> edit)
    {
        JsonNode json = JsonNode.Parse(File.ReadAllText(InVersion(checkpoint, file)))!;
        edit(json);
        ArtifactFiles.Forge(checkpoint, file, Encoding.UTF8.GetBytes(json.ToJsonString()), manifestName: "checkpoint.json");
    }

    [Fact]
    public void Optimizer_state_cut_short_with_matching_checksums_is_refused_naming_it()
    {
        string checkpoint = Checkpointed();
        byte[] state = File.ReadAllBytes(InVersion(checkpoint, "optimizer.bin"));
        ArtifactFiles.Forge(checkpoint, "optimizer.bin", state[..(state.Length / 2)], manifestName: "checkpoint.json");

        Refused(checkpoint, "optimizer.bin");
    }

    [Fact]
    public void Optimizer_state_of_zero_bytes_with_matching_checksums_is_refused_naming_it()
    {
        string checkpoint = Checkpointed();
        ArtifactFiles.Forge(checkpoint, "optimizer.bin", [], manifestName: "checkpoint.json");

        Refused(checkpoint, "optimizer.bin");
    }

    [Fact]
    public void Optimizer_state_whose_name_claims_two_gigabytes_is_refused_without_allocating()
    {
        string checkpoint = Checkpointed();
        byte[] state = File.ReadAllBytes(InVersion(checkpoint, "optimizer.bin"));
        // A BinaryReader string starts with its 7-bit encoded length: 0xFF 0xFF 0xFF 0xFF 0x07 is int.MaxValue.
        byte[] forged = [0xFF, 0xFF, 0xFF, 0xFF, 0x07, .. state[1..]];
        ArtifactFiles.Forge(checkpoint, "optimizer.bin", forged, manifestName: "checkpoint.json");

        Refused(checkpoint, "optimizer.bin");
    }

    [Fact]
    public void Optimizer_state_with_bytes_appended_is_refused_naming_it()
    {
        string checkpoint = Checkpointed();
        byte[] state = File.ReadAllBytes(InVersion(checkpoint, "optimizer.bin"));
        ArtifactFiles.Forge(checkpoint, "optimizer.bin", [.. state, .. new byte[4096]], manifestName: "checkpoint.json");

        Refused(checkpoint, "optimizer.bin");
    }

    [Fact]
    public void Weights_of_another_model_over_the_same_rows_are_refused_naming_the_weights()
    {
        string checkpoint = Checkpointed();
        string other = Path.Combine(Root, "other.mldsl");
        using (var batchNorm = new PointBatchNormMlp(seed: 1)) batchNorm.Save(other);
        ArtifactFiles.Forge(checkpoint, "weights.mldsl", File.ReadAllBytes(other), manifestName: "checkpoint.json");

        Refused(checkpoint, "weights.mldsl");
    }

    [Fact]
    public void Progress_with_an_overflowing_loss_is_refused_naming_it()
    {
        string checkpoint = Checkpointed();
        string progress = File.ReadAllText(InVersion(checkpoint, "progress.json"));
        int at = progress.IndexOf("\"TrainLoss\":", StringComparison.Ordinal);
        Assert.True(at >= 0, progress);
        int end = progress.IndexOfAny([',', '}'], at + 12);
        string forged = progress[..(at + 12)] + "1e999" + progress[end..];
        ArtifactFiles.Forge(checkpoint, "progress.json", Encoding.UTF8.GetBytes(forged), manifestName: "checkpoint.json");

        Refused(checkpoint, "progress.json");
    }

    [Fact]
    public void Progress_with_epochs_out_of_order_is_refused_naming_it()
    {
        string checkpoint = Checkpointed();
        ForgeJson(checkpoint, "progress.json", json =>
        {
            JsonArray epochs = json.AsArray();
            epochs[0]!["Epoch"] = 2;
            epochs[1]!["Epoch"] = 1;
        });

        Refused(checkpoint, "progress.json");
    }

    [Fact]
    public void A_manifest_whose_format_version_is_text_is_refused_naming_it()
    {
        string checkpoint = Checkpointed();
        ArtifactFiles.EditManifest(checkpoint, manifest => manifest["FormatVersion"] = "2", manifestName: "checkpoint.json");

        Refused(checkpoint, "checkpoint.json");
    }

    [Fact]
    public void A_manifest_that_is_a_json_array_is_refused_naming_it()
    {
        string checkpoint = Checkpointed();
        File.WriteAllText(InVersion(checkpoint, "checkpoint.json"), "[1, 2, 3]");
        ArtifactFiles.Repoint(checkpoint, "checkpoint.json");

        Refused(checkpoint, "checkpoint.json");
    }

    [Fact]
    public void A_manifest_that_lists_no_optimizer_state_is_refused_naming_it()
    {
        string checkpoint = Checkpointed();
        ArtifactFiles.EditManifest(checkpoint, manifest => manifest["Files"]!.AsObject().Remove("optimizer.bin"), manifestName: "checkpoint.json");

        Refused(checkpoint, "optimizer.bin");
    }

    [Fact]
    public void A_negative_epoch_count_in_the_manifest_is_refused_naming_it()
    {
        string checkpoint = Checkpointed();
        ArtifactFiles.EditManifest(checkpoint, manifest => manifest["Epochs"] = -1, manifestName: "checkpoint.json");

        Refused(checkpoint, "checkpoint.json");
    }

    [Fact]
    public void A_checkpoint_folder_that_is_a_file_is_refused_naming_it()
    {
        File.WriteAllText(Folder, "not a folder");

        Exception? error = Record.Exception(() => Resume(Folder));

        Assert.True(error is ArtifactException, $"expected an ArtifactException naming {Folder}, got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        Assert.Contains(Folder, error!.Message);
        Assert.Equal("not a folder", File.ReadAllText(Folder));
    }

    [Fact]
    public void A_pointer_replaced_by_a_folder_is_refused_naming_it()
    {
        string checkpoint = Checkpointed();
        File.Delete(Path.Combine(checkpoint, "CURRENT"));
        Directory.CreateDirectory(Path.Combine(checkpoint, "CURRENT"));

        Refused(checkpoint, "CURRENT");
    }

    [Fact]
    public void A_pointer_naming_a_version_whose_weights_were_never_written_is_refused_not_restarted()
    {
        string checkpoint = Checkpointed();
        string version = ArtifactFiles.CurrentVersion(checkpoint);
        File.Delete(Path.Combine(version, "weights.mldsl"));

        Refused(checkpoint, "weights.mldsl");
    }

    [Fact]
    public void A_version_folder_left_half_written_by_a_killed_save_is_ignored_and_the_run_resumes_from_the_committed_one()
    {
        string checkpoint = Checkpointed();
        string committed = ArtifactFiles.CurrentVersion(checkpoint);
        // What a process killed while writing the next epoch's checkpoint leaves: a newer version folder, never pointed to.
        string stale = Path.Combine(checkpoint, FolderEntries.NewVersionName());
        Directory.CreateDirectory(stale);
        File.WriteAllBytes(Path.Combine(stale, "weights.mldsl"), File.ReadAllBytes(Path.Combine(committed, "weights.mldsl"))[..100]);
        File.WriteAllText(Path.Combine(checkpoint, "CURRENT.tmp"), "mldsl-pointer 1\n");

        FitReport report = Resume(checkpoint);

        Assert.Equal(2, report.ResumedAfterEpoch);
        Assert.Equal([3], report.Epochs.Select(epoch => epoch.Epoch).ToArray()[^1..]);
    }

    [Fact]
    public void Resuming_a_checkpoint_with_as_many_epochs_as_asked_trains_nothing_more_and_keeps_it()
    {
        string checkpoint = Checkpointed(epochs: 2);
        string before = ArtifactFiles.Sha256(InVersion(checkpoint, "weights.mldsl"));

        Exception? error = Record.Exception(() => Resume(checkpoint, epochs: 1));

        Assert.True(error is null or ArtifactException or ArgumentException, $"got {error?.GetType().FullName}: {error?.Message}");
        if (error is not null) Assert.Contains("Epochs", error.Message);
        Assert.Equal(before, ArtifactFiles.Sha256(InVersion(checkpoint, "weights.mldsl")));
    }

    [Fact]
    public void Resuming_from_a_folder_that_does_not_exist_trains_from_epoch_1()
    {
        FitReport report = Resume(Path.Combine(Root, "never-written"));

        Assert.Equal(0, report.ResumedAfterEpoch);
        Assert.Equal([1, 2, 3], report.Epochs.Select(epoch => epoch.Epoch).ToArray());
    }

    [Fact]
    public void Two_runs_checkpointing_into_one_folder_at_once_leave_a_checkpoint_that_resumes()
    {
        Exception?[] errors = new Exception?[2];
        Parallel.For(0, 2, run => errors[run] = Record.Exception(() =>
        {
            using var model = new PointMlp(seed: 4 + run);
            model.Fit(Train, options: Options(Folder, 2));
        }));

        // A run may be refused because the other holds the folder, but only by name, and at least one completes.
        Assert.Contains(errors, error => error is null);
        foreach (Exception? error in errors.Where(error => error is not null))
            Assert.True(error is ArtifactException && error.Message.Contains(Folder), $"got {error!.GetType().FullName}: {error.Message}");

        FitReport report = Resume(Folder);

        Assert.Equal(2, report.ResumedAfterEpoch);
    }
}
