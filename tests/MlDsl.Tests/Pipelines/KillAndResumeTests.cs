using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MlDsl.Tests.Deployment;
using MlDsl.Tests.Persistence;

namespace MlDsl.Tests.Pipelines;

/// <summary>
/// The reliability promise, with a real process: kill the MNIST pipeline mid-training, rerun it with
/// --resume, and it trains only the epochs after its newest complete checkpoint (training is
/// deterministic, so a resume that started over would export the same weights: the epochs it trained
/// are what proves it resumed), then exports the weights of a run that was never interrupted.
/// </summary>
public sealed class KillAndResumeTests() : TemporaryFolder("mldsl-resume")
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10); // MNIST on a loaded 2-core CI machine

    private static string ExportedWeights(string workingDirectory) =>
        ArtifactFiles.Sha256(Path.Combine(ArtifactFiles.CurrentVersion(Path.Combine(workingDirectory, "artifacts", "mnist-cnn")), "model.mldsl"));

    [Fact]
    public void A_killed_run_resumes_after_its_newest_checkpoint_and_exports_the_same_weights_as_an_uninterrupted_run()
    {
        string whole = Directory.CreateDirectory(Path.Combine(Root, "whole")).FullName;
        string killed = Directory.CreateDirectory(Path.Combine(Root, "killed")).FullName;
        string[] run = { "run", "--epochs", "3", "--out", "out" };

        ExampleProcess.Outcome uninterrupted = ExampleProcess.Run("Mnist", whole, null, Limit, run);
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Output + uninterrupted.Errors);
        Assert.Equal([1, 2, 3], CrashConsistencyTests.TrainedEpochs(uninterrupted.Output));

        StringBuilder output = new(), errors = new();
        using (Process interrupted = ExampleProcess.Start("Mnist", killed, null, output, errors, run))
        {
            string pointer = Path.Combine(killed, "out", "checkpoint", "CURRENT");
            var clock = Stopwatch.StartNew();
            while (!File.Exists(pointer) && !interrupted.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3)) Thread.Sleep(20);
            Assert.False(interrupted.HasExited, "the run finished before it could be killed");
            interrupted.Kill(entireProcessTree: true);
            interrupted.WaitForExit();
        }
        Assert.False(Directory.Exists(Path.Combine(killed, "artifacts")));
        int checkpointed = CheckpointedEpochs(Path.Combine(killed, "out", "checkpoint"));
        Assert.InRange(checkpointed, 1, 2);

        ExampleProcess.Outcome resumed = ExampleProcess.Run("Mnist", killed, null, Limit, [.. run, "--resume"]);

        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Errors);
        Assert.Equal(Enumerable.Range(checkpointed + 1, 3 - checkpointed), CrashConsistencyTests.TrainedEpochs(resumed.Output));
        string report = File.ReadAllText(Path.Combine(killed, "out", "report.md"));
        Assert.Contains($"resumed from the checkpoint after epoch {checkpointed}\n", report);
        Assert.Contains($"| train | 3 epochs (resumed after epoch {checkpointed})", report);
        Assert.Equal(ExportedWeights(whole), ExportedWeights(killed));
    }

    private static int CheckpointedEpochs(string checkpoint)
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(ArtifactFiles.CurrentVersion(checkpoint), "checkpoint.json")));
        return manifest.RootElement.GetProperty("Epochs").GetInt32();
    }
}
