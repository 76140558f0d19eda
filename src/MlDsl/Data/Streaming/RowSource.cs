namespace MlDsl.Data.Streaming;

/// <summary>
/// Rows held as references (a file path, a CSV record's byte offset, a list position) and decoded
/// on demand, so training memory grows with the batch, not with the data. Rows are grouped into
/// shards (a file of many records, or one file per row); an epoch visits the shards in a seeded
/// order through a seeded shuffle buffer (see <see cref="EpochOrder"/>).
/// </summary>
/// <remarks>
/// <see cref="Read"/> is called from several decoding threads at once and must be thread-safe.
/// Metadata (<see cref="ClassOf"/>, <see cref="GroupOf"/>) answers without decoding when the
/// reference carries it, so splits and stratification never decode features.
/// </remarks>
public abstract class RowSource<TRow> where TRow : ITensorRow<TRow>
{
    /// <summary>How many rows the source holds.</summary>
    public abstract int Count { get; }

    /// <summary>Decodes row <paramref name="index"/> (0-based, below <see cref="Count"/>).</summary>
    /// <exception cref="RowSourceException">The reference cannot be decoded; the message names it (file, line) and the cause.</exception>
    public TRow Read(int index) => ReadRow(index, inBatch: false);

    /// <summary>
    /// Decodes the rows at <paramref name="indices"/> into <paramref name="rows"/> (the same length), as the decoding
    /// workers read one batch. A source whose per-row checks hold for the whole batch (a shard's length and last write)
    /// makes them once, after every row of the batch is read, so no row of a batch that fails them is returned.
    /// </summary>
    /// <exception cref="RowSourceException">A reference cannot be decoded, or a check fails; the message names the file.</exception>
    internal virtual void ReadBatch(ReadOnlySpan<int> indices, Span<TRow> rows)
    {
        for (int i = 0; i < indices.Length; i++) rows[i] = Read(indices[i]);
    }

    /// <summary>Decodes one row of a batch whose once-a-batch checks <see cref="ReadBatch"/> makes afterwards; <see cref="Decode"/> unless a source overrides it.</summary>
    private protected virtual TRow DecodeInBatch(int index) => Decode(index);

    private protected TRow ReadRow(int index, bool inBatch)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the source holds {Count} rows");
        try
        {
            return (inBatch ? DecodeInBatch(index) : Decode(index)) ?? throw new RowSourceException(Describe(index), index, "the decoder returned null; expected a row");
        }
        catch (Exception problem) when (problem is not RowSourceException and not OutOfMemoryException and not OperationCanceledException)
        {
            throw new RowSourceException(Describe(index), index, problem);
        }
    }

    /// <summary>Decodes one row; <see cref="Read"/> wraps what it throws with the reference.</summary>
    protected abstract TRow Decode(int index);

    /// <summary>Where row <paramref name="index"/> comes from, for messages: a path, a path and line, or "row i".</summary>
    public virtual string Describe(int index) => $"row {index}";

    /// <summary>The first row of every shard, ascending, starting at 0; one shard unless the source says otherwise.</summary>
    public virtual IReadOnlyList<int> ShardStarts => SingleShard;

    /// <summary>The row's class index when the reference knows it (a class folder, a manifest label); null when only decoding tells.</summary>
    public virtual int? ClassOf(int index) => null;

    /// <summary>The row's group when the reference knows it; null when it does not.</summary>
    public virtual string? GroupOf(int index) => null;

    /// <summary>The rows at <paramref name="indices"/> of this source, in that order, still undecoded.</summary>
    public RowSource<TRow> Subset(IReadOnlyList<int> indices) => new SubsetSource<TRow>(this, indices.ToArray());

    private static readonly int[] SingleShard = [0];
}
