using MlDsl.Tests.Deployment;

namespace MlDsl.Tests.Distributed;

/// <summary>
/// A generated pipeline's <c>run</c> under <c>mpiexec.mpich -n 2</c> (the breast-cancer example): data-parallel
/// training with <c>--distributed</c>, and the same when mpiexec's ranks are detected without it; rank 0 alone writes.
/// </summary>
public sealed class DistributedPipelineTests() : TemporaryFolder("mldsl-mpi-pipeline")
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(6);

    [Fact]
    public void Run_under_mpiexec_trains_data_parallel_with_or_without_the_flag_and_only_rank_0_writes()
    {
        string flagged = Directory.CreateDirectory(Path.Combine(Root, "flagged")).FullName;
        string detected = Directory.CreateDirectory(Path.Combine(Root, "detected")).FullName;

        var withFlag = DataParallelRun.Example(2, "BreastCancer", flagged, Limit, null, "run", "--distributed", "--epochs", "20", "--out", "out");
        Assert.True(withFlag.ExitCode == 0, withFlag.Output);
        var withoutFlag = DataParallelRun.Example(2, "BreastCancer", detected, Limit, null, "run", "--epochs", "20", "--out", "out");
        Assert.True(withoutFlag.ExitCode == 0, withoutFlag.Output);

        foreach (var (folder, outcome) in new[] { (flagged, withFlag), (detected, withoutFlag) })
        {
            Assert.Contains("MlDsl rank 1 of 2 is process", outcome.Output);
            // One rank speaks: one train stage line, one export line.
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(outcome.Output, @"\[train\] \d+ epochs data-parallel on 2 ranks"));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(outcome.Output, @"^exported ", System.Text.RegularExpressions.RegexOptions.Multiline));
            Assert.Contains(" epochs data-parallel on 2 ranks", File.ReadAllText(Path.Combine(folder, "out", "report.md")));
        }
        // The flag and the detection are one path: the same seeded run exports the same weights.
        string Weights(string folder) =>
            ArtifactFiles.Sha256(Path.Combine(ArtifactFiles.CurrentVersion(Path.Combine(folder, "artifacts", "tumour-mlp")), "model.mldsl"));
        Assert.Equal(Weights(flagged), Weights(detected));
    }
}
