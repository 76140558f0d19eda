using System.Text.RegularExpressions;
using MlDsl.Analysis;
using MlDsl.Data.Splits;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Persistence;
using MlDsl.Tests.Data;
using MlDsl.Tests.Deployment;

namespace MlDsl.Tests.Persistence;

/// <summary>The breast-cancer pipeline, uninterrupted, once for all tests: the weights every resumed run must export.</summary>
public sealed class UninterruptedTumourRun : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("mldsl-uninterrupted").FullName;
    private readonly Lazy<string> weights;

    public UninterruptedTumourRun() => weights = new Lazy<string>(() =>
    {
        ExampleProcess.Outcome run = ExampleProcess.Run("BreastCancer", root, null, TimeSpan.FromMinutes(3), CrashConsistencyTests.Run);
        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        return ArtifactFiles.Sha256(Path.Combine(ArtifactFiles.CurrentVersion(Path.Combine(root, "artifacts", "tumour-mlp")), "model.mldsl"));
    });

    /// <summary>SHA-256 of the exported model file.</summary>
    public string Weights => weights.Value;

    public void Dispose() => Directory.Delete(root, recursive: true);
}

/// <summary>
/// The update protocol killed at every one of its steps, in a real child process (the breast-cancer
/// pipeline with MLDSL_CRASH_AT): afterwards the artifact opens as the old or the new export, and a
/// resumed run continues after the newest complete checkpoint and exports the uninterrupted run's weights.
/// </summary>
public sealed class CrashConsistencyTests(UninterruptedTumourRun uninterrupted) : TemporaryFolder("mldsl-crash"), IClassFixture<UninterruptedTumourRun>
{
    internal static readonly string[] Run = ["run", "--epochs", "3", "--out", "out"];
    private static readonly int Committed = VersionedFolder.Steps.ToList().IndexOf("pointer-replaced");

    public static TheoryData<string> Steps => new(VersionedFolder.Steps);

    [Fact]
    public void The_protocol_names_its_steps_in_order()
    {
        Assert.Equal(["version-created", "file-written", "files-flushed", "pointer-written", "pointer-replaced", "old-version-removed"], VersionedFolder.Steps);
    }

    [Theory, MemberData(nameof(Steps))]
    public void An_export_killed_at_any_step_leaves_the_old_or_the_new_artifact_readable(string step)
    {
        string artifact = Path.Combine(Root, "artifacts", "tumour-mlp");
        string oldDigest = ExportInProcess(artifact, "old");

        ExampleProcess.Outcome crashed = ExampleProcess.Run("BreastCancer", Root, "artifact." + step, TimeSpan.FromMinutes(3), Run);

        Assert.True(crashed.ExitCode == ExampleProcess.Killed, $"expected a kill at {step}; exit {crashed.ExitCode}\n{crashed.Output}{crashed.Errors}");
        OpenedArtifact opened = ModelArtifact.Open(artifact);
        if (VersionedFolder.Steps.ToList().IndexOf(step) < Committed)
        {
            Assert.Equal(oldDigest, opened.Digest);
            Assert.Equal("old", opened.Manifest.Settings["origin"]);
        }
        else
        {
            Assert.NotEqual(oldDigest, opened.Digest);
            Assert.Equal("TumourPipeline", opened.Manifest.Settings["pipeline"]);
        }
        using (TumourMlp model = opened.LoadModel(TumourMlp.Load)) Assert.NotNull(model);

        // The next export rolls back or finishes what the killed one left, and nothing piles up.
        ExportInProcess(artifact, "next");
        Assert.Equal(3, Directory.GetFileSystemEntries(artifact).Length); // .lock, CURRENT and one version
        Assert.Equal("next", ModelArtifact.Open(artifact).Manifest.Settings["origin"]);
    }

    [Theory, MemberData(nameof(Steps))]
    public void Training_killed_at_any_step_of_a_checkpoint_save_resumes_after_the_newest_complete_checkpoint(string step)
    {
        // Killed while saving epoch 2's checkpoint: epoch 1's is complete, epoch 2's is complete once the pointer is replaced.
        bool removesOld = step == "old-version-removed"; // first reached while saving epoch 2 (epoch 1 has no older version)
        ExampleProcess.Outcome crashed = ExampleProcess.Run("BreastCancer", Root, $"checkpoint.{step}#{(removesOld ? 1 : 2)}", TimeSpan.FromMinutes(3), Run);
        Assert.True(crashed.ExitCode == ExampleProcess.Killed, $"expected a kill at {step}; exit {crashed.ExitCode}\n{crashed.Output}{crashed.Errors}");
        int complete = VersionedFolder.Steps.ToList().IndexOf(step) < Committed ? 1 : 2;

        ExampleProcess.Outcome resumed = ExampleProcess.Run("BreastCancer", Root, null, TimeSpan.FromMinutes(3), [.. Run, "--resume"]);

        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Errors);
        Assert.Equal(Enumerable.Range(complete + 1, 3 - complete), TrainedEpochs(resumed.Output));
        Assert.Contains($"resumed from the checkpoint after epoch {complete}\n", File.ReadAllText(Path.Combine(Root, "out", "report.md")));
        Assert.Equal(uninterrupted.Weights, ArtifactFiles.Sha256(Path.Combine(ArtifactFiles.CurrentVersion(Path.Combine(Root, "artifacts", "tumour-mlp")), "model.mldsl")));
        Assert.Equal(3, Directory.GetFileSystemEntries(Path.Combine(Root, "out", "checkpoint")).Length); // .lock, CURRENT and one version
    }

    /// <summary>The epochs a run trained itself, from its progress lines ("  epoch 2/3  loss ...").</summary>
    internal static IEnumerable<int> TrainedEpochs(string output) =>
        Regex.Matches(output, @"^\s+epoch (\d+)/\d+ ", RegexOptions.Multiline).Select(match => int.Parse(match.Groups[1].Value));

    private static string ExportInProcess(string directory, string origin)
    {
        DataSplit<Tumour> split = BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
        using var model = new TumourMlp(seed: 3);
        var report = ClassificationReport.Compute(split.Test, model.Predict(split.Test), ["malignant", "benign"]);
        ModelArtifact.Export(directory, model, TumourMlp.ModelName, new ArtifactContents<Tumour>(split.Train, report, ["malignant", "benign"],
            Settings: new Dictionary<string, string> { ["origin"] = origin }));
        return ModelArtifact.Open(directory).Digest;
    }
}
