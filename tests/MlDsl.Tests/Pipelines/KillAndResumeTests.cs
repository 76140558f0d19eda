using System.Diagnostics;
using MlDsl.Deployment;

namespace MlDsl.Tests.Pipelines;

/// <summary>
/// The reliability promise, with a real process: kill the MNIST pipeline mid-training, rerun it with
/// --resume, and the exported weights equal those of a run that was never interrupted.
/// </summary>
public sealed class KillAndResumeTests() : TemporaryFolder("mldsl-resume")
{
    private static string ExampleDll()
    {
        string examples = Path.Combine(Infrastructure.RepositoryRoot(), "examples", "Mnist", "bin");
        return Directory.GetFiles(examples, "Mnist.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).First();
    }

    private static Process Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ExampleDll());
        foreach (string arg in args) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string ExportedWeights(string workingDirectory) =>
        ModelArtifact.Open(Path.Combine(workingDirectory, "artifacts", "mnist-cnn")).Manifest.Files["model.mldsl"];

    [Fact]
    public void A_killed_run_resumed_from_its_checkpoint_exports_the_same_weights_as_an_uninterrupted_run()
    {
        string whole = Directory.CreateDirectory(Path.Combine(Root, "whole")).FullName;
        string killed = Directory.CreateDirectory(Path.Combine(Root, "killed")).FullName;
        string[] run = { "run", "--epochs", "3", "--out", "out", "--quiet" };

        using (Process uninterrupted = Start(whole, run))
        {
            Assert.True(uninterrupted.WaitForExit(TimeSpan.FromMinutes(5)), "the uninterrupted run did not finish");
            Assert.Equal(0, uninterrupted.ExitCode);
        }

        using (Process interrupted = Start(killed, run))
        {
            string progress = Path.Combine(killed, "out", "checkpoint", "progress.json");
            var clock = Stopwatch.StartNew();
            while (!File.Exists(progress) && !interrupted.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3)) Thread.Sleep(20);
            Assert.False(interrupted.HasExited, "the run finished before it could be killed");
            interrupted.Kill(entireProcessTree: true);
            interrupted.WaitForExit();
        }
        Assert.False(Directory.Exists(Path.Combine(killed, "artifacts")));

        using (Process resumed = Start(killed, run.Append("--resume").ToArray()))
        {
            Assert.True(resumed.WaitForExit(TimeSpan.FromMinutes(5)), "the resumed run did not finish");
            Assert.Equal(0, resumed.ExitCode);
        }

        Assert.Equal(ExportedWeights(whole), ExportedWeights(killed));
    }
}
