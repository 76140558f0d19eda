namespace MlDsl.Tests.Distributed;

/// <summary>
/// Data-parallel training over MPI on loopback (MPICH is installed when missing). The example's
/// model has no dropout or batch norm, so cutting a batch between ranks changes nothing but the order
/// of float additions: N ranks must reach one rank's weights within float rounding.
/// </summary>
public sealed class DataParallelTests() : TemporaryFolder("mldsl-mpi")
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [Fact]
    public void Two_ranks_on_loopback_reach_the_weights_of_one_rank_on_the_same_global_batches()
    {
        // 4129 rows in batches of 64: the last batch of 33 rows is cut 16 / 17, so uneven shares are weighted right.
        string one = Path.Combine(Root, "one"), two = Path.Combine(Root, "two");
        var single = DataParallelRun.Start(1, one, Limit, null, "3", "64", "4129");
        Assert.True(single.ExitCode == 0, single.Output);
        var pair = DataParallelRun.Start(2, two, Limit, null, "3", "64", "4129");
        Assert.True(pair.ExitCode == 0, pair.Output);

        float[] reference = DataParallelRun.Weights(one, 0), rank0 = DataParallelRun.Weights(two, 0), rank1 = DataParallelRun.Weights(two, 1);
        Assert.Equal(rank0, rank1); // the same averaged gradient and optimizer step on both ranks, from broadcast weights
        float largest = reference.Zip(rank0, (a, b) => Math.Abs(a - b)).Max();
        float scale = reference.Max(Math.Abs);
        Assert.True(largest <= 1e-4f * Math.Max(1, scale), $"largest difference from the one-rank weights {largest} (weights up to {scale})");
        // And the comparison can fail: training moved the weights far more than the tolerance.
        Assert.Contains("rank 0 of 2: epoch 3/3", pair.Output);
    }

    [Fact]
    public void A_rank_that_dies_stops_the_other_with_its_rank_named_and_resume_finishes_the_run()
    {
        string output = Path.Combine(Root, "crash");
        // Rank 1 dies early in epoch 2 (an epoch is about 2065 of its rows, plus 2065 read for the labels at the start).
        var crashed = DataParallelRun.Start(2, output, Limit, new Dictionary<string, string> { ["MLDSL_DIE_RANK"] = "1", ["MLDSL_DIE_AFTER_ROWS"] = "2600" }, "3", "64", "4129");
        Assert.NotEqual(0, crashed.ExitCode);
        // MPICH names the dead process by id; each rank said at start which process it is.
        string pid = System.Text.RegularExpressions.Regex.Match(crashed.Output, @"PID (\d+) RUNNING").Groups[1].Value;
        Assert.Contains($"MlDsl rank 1 of 2 is process {pid} ", crashed.Output);
        Assert.Contains("rank 0 of 2: epoch 1/3", crashed.Output);
        Assert.DoesNotContain("epoch 2/3", crashed.Output);

        var resumed = DataParallelRun.Start(2, output, Limit, null, "3", "64", "4129", "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Contains("rank 0 of 2: epoch 3/3", resumed.Output);
        Assert.Contains("2 epochs in", resumed.Output);
        Assert.Equal(DataParallelRun.Weights(output, 0), DataParallelRun.Weights(output, 1));
    }

    [Fact]
    public void A_rank_that_throws_mid_epoch_stops_every_rank_with_a_RankFailedException_naming_it_and_resume_finishes_the_run()
    {
        string output = Path.Combine(Root, "throw");
        var failed = DataParallelRun.Start(2, output, Limit,
            new Dictionary<string, string> { ["MLDSL_DIE_RANK"] = "1", ["MLDSL_DIE_AFTER_ROWS"] = "2600", ["MLDSL_DIE_HOW"] = "throw" }, "3", "64", "4129");
        Assert.True(failed.ExitCode == 3, $"exit {failed.ExitCode}\n{failed.Output}");
        // Both ranks stopped themselves (the launcher killed no one), at the same step, and rank 0 carries rank 1's error.
        Assert.DoesNotContain("BAD TERMINATION", failed.Output);
        var stopped = System.Text.RegularExpressions.Regex.Match(failed.Output,
            @"rank 0 of 2 stopped: rank 1 of 2 failed at epoch 2, step (\d+) of 65: RowSourceException: blob shard \d+, row \d+ \(row (\d+) of the source\): blob (\d+) is unreadable \(a simulated bad file\); rank 0 stopped with it");
        Assert.True(stopped.Success, failed.Output);
        Assert.Equal(stopped.Groups[2].Value, stopped.Groups[3].Value);
        Assert.Contains($"rank 1 of 2 stopped: rank 1 of 2 failed at epoch 2, step {stopped.Groups[1].Value} of 65: RowSourceException: ", failed.Output);
        Assert.Contains("rank 0 of 2: epoch 1/3", failed.Output);
        Assert.DoesNotContain("epoch 2/3", failed.Output);

        var resumed = DataParallelRun.Start(2, output, Limit, null, "3", "64", "4129", "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Contains("rank 0 of 2: epoch 3/3", resumed.Output);
        Assert.Contains("rank 0 of 2: 2 epochs in", resumed.Output);
        Assert.Equal(DataParallelRun.Weights(output, 0), DataParallelRun.Weights(output, 1));
    }
}
