namespace MlDsl.Training;

/// <summary>How rows from a lazy source are decoded while training, evaluating or predicting.</summary>
public sealed record StreamingOptions
{
    /// <summary>Threads decoding rows at once; by default half the cores (at least 1), leaving the rest to libtorch.</summary>
    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Decoded batches that may wait for the step (memory holds at most this many plus two).</summary>
    public int Prefetch { get; init; } = 4;

    /// <summary>Rows in the shuffle buffer each epoch reads through (after shuffling the shard order); a buffer as large as the data is a full shuffle.</summary>
    public int ShuffleBuffer { get; init; } = 10_000;

    internal void Validate()
    {
        if (Workers < 1) throw new ArgumentOutOfRangeException(nameof(Workers), Workers, "StreamingOptions.Workers must be at least 1.");
        if (Prefetch < 1) throw new ArgumentOutOfRangeException(nameof(Prefetch), Prefetch, "StreamingOptions.Prefetch must be at least 1.");
        if (ShuffleBuffer < 1) throw new ArgumentOutOfRangeException(nameof(ShuffleBuffer), ShuffleBuffer, "StreamingOptions.ShuffleBuffer must be at least 1.");
    }
}
