namespace MlDsl.Distributed;

/// <summary>
/// Data-parallel training stopped because a rank failed. Every rank throws it at the same point: the
/// rank that failed with its own error as <see cref="Exception.InnerException"/>, the others with that
/// error's text, which the failed rank sent them. Rerunning with <c>--resume</c>
/// (<see cref="MlDsl.Training.FitOptions.Resume"/>) continues from rank 0's last checkpoint.
/// </summary>
public sealed class RankFailedException : Exception
{
    internal RankFailedException(int failedRank, int rank, int ranks, string where, string error, Exception? inner)
        : base(failedRank == rank
            ? $"rank {failedRank} of {ranks} failed at {where}: {error}; the other ranks were told and stopped too"
            : $"rank {failedRank} of {ranks} failed at {where}: {error}; rank {rank} stopped with it", inner)
    {
        FailedRank = failedRank;
        Rank = rank;
        Ranks = ranks;
    }

    /// <summary>The rank whose error stopped the group (the lowest one when several failed at once).</summary>
    public int FailedRank { get; }

    /// <summary>The rank that threw this exception.</summary>
    public int Rank { get; }

    /// <summary>How many ranks trained together.</summary>
    public int Ranks { get; }
}
