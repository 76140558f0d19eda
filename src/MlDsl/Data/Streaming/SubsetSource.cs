namespace MlDsl.Data.Streaming;

/// <summary>Some rows of another source (a split), still references. Shards follow the parent's: consecutive picks from one parent shard stay one shard.</summary>
internal sealed class SubsetSource<TRow> : RowSource<TRow> where TRow : ITensorRow<TRow>
{
    private readonly RowSource<TRow> parent;
    private readonly int[] indices;
    private readonly int[] shardStarts;

    public SubsetSource(RowSource<TRow> parent, int[] indices)
    {
        foreach (int index in indices)
            if ((uint)index >= (uint)parent.Count)
                throw new ArgumentOutOfRangeException(nameof(indices), index, $"the parent source holds {parent.Count} rows");
        this.parent = parent;
        this.indices = indices;
        shardStarts = ShardsOf(parent.ShardStarts, indices);
    }

    public override int Count => indices.Length;
    public override IReadOnlyList<int> ShardStarts => shardStarts;
    protected override TRow Decode(int index) => parent.Read(indices[index]);

    internal override void ReadBatch(ReadOnlySpan<int> picks, Span<TRow> rows)
    {
        var inParent = new int[picks.Length];
        for (int i = 0; i < picks.Length; i++)
            inParent[i] = (uint)picks[i] < (uint)indices.Length ? indices[picks[i]]
                : throw new ArgumentOutOfRangeException(nameof(picks), picks[i], $"the source holds {Count} rows");
        parent.ReadBatch(inParent, rows);
    }
    public override string Describe(int index) => parent.Describe(indices[index]);
    public override int? ClassOf(int index) => parent.ClassOf(indices[index]);
    public override string? GroupOf(int index) => parent.GroupOf(indices[index]);

    private static int[] ShardsOf(IReadOnlyList<int> parentStarts, int[] indices)
    {
        var starts = new List<int>();
        int previousShard = -1;
        for (int i = 0; i < indices.Length; i++)
        {
            int shard = ShardOf(parentStarts, indices[i]);
            if (shard != previousShard) starts.Add(i);
            previousShard = shard;
        }
        if (starts.Count == 0) starts.Add(0);
        return starts.ToArray();
    }

    internal static int ShardOf(IReadOnlyList<int> starts, int index)
    {
        int low = 0, high = starts.Count - 1;
        while (low < high)
        {
            int middle = (low + high + 1) / 2;
            if (starts[middle] <= index) low = middle;
            else high = middle - 1;
        }
        return low;
    }
}
