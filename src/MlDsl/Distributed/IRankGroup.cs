namespace MlDsl.Distributed;

/// <summary>
/// The processes training one model together (data-parallel ranks): who this one is, and the two
/// collective operations the training loop needs. <see cref="MpiRanks"/> implements it over MPI.
/// Every rank must make the same calls in the same order, or the group waits forever.
/// </summary>
public interface IRankGroup
{
    /// <summary>This process's rank, 0-based; rank 0 alone writes checkpoints, reports and artifacts.</summary>
    int Rank { get; }

    /// <summary>How many ranks there are.</summary>
    int Size { get; }

    /// <summary>Replaces <paramref name="values"/> on every rank with their element-wise sum over all ranks.</summary>
    void SumInPlace(float[] values);

    /// <summary>Replaces <paramref name="values"/> on every rank with their element-wise sum over all ranks.</summary>
    void SumInPlace(double[] values);

    /// <summary>Replaces <paramref name="values"/> on every rank with rank 0's.</summary>
    void Broadcast(float[] values);
}
