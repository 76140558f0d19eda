using MlDsl.Data;
using MlDsl.Data.Streaming;

namespace MlDsl.Tests.Streaming;

/// <summary>Sources for the streaming tests: rows in memory cut into shards, counting and timing their decodes.</summary>
internal sealed class CountingSource<TRow>(IReadOnlyList<TRow> rows, int shardSize, TimeSpan decodeTime = default) : RowSource<TRow>
    where TRow : ITensorRow<TRow>
{
    private int reads, active, mostActive;

    public int Reads => Volatile.Read(ref reads);
    public int MostActive => Volatile.Read(ref mostActive);
    public override int Count => rows.Count;
    public override IReadOnlyList<int> ShardStarts => Enumerable.Range(0, (rows.Count + shardSize - 1) / shardSize).Select(shard => shard * shardSize).ToArray();
    public override string Describe(int index) => $"shard-{index / shardSize}.bin record {index % shardSize}";

    protected override TRow Decode(int index)
    {
        Interlocked.Increment(ref reads);
        int now = Interlocked.Increment(ref active);
        int seen;
        while ((seen = Volatile.Read(ref mostActive)) < now && Interlocked.CompareExchange(ref mostActive, now, seen) != seen) { }
        if (decodeTime > TimeSpan.Zero) Thread.Sleep(decodeTime);
        Interlocked.Decrement(ref active);
        return rows[index];
    }
}
