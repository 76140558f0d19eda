namespace MlDsl.Data.Streaming;

/// <summary>
/// The order an epoch visits a source's rows: its shards in a seeded order, read through a seeded
/// shuffle buffer (as tf.data's <c>shuffle</c> does). Each epoch draws from its own seed, so a run
/// resumed at epoch k reads what the uninterrupted run read, and every rank of a data-parallel run
/// computes the same order without talking to the others.
/// </summary>
public static class EpochOrder
{
    /// <summary>The row indices of epoch <paramref name="epoch"/> (1-based), a permutation of 0..count-1.</summary>
    /// <param name="shardStarts">The first row of each shard, ascending, starting at 0.</param>
    /// <param name="count">How many rows there are.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="epoch">The epoch, from 1.</param>
    /// <param name="shuffleBuffer">Rows held in the buffer; at least 1 (1 keeps each shard's own order). A buffer as large as the data is a full shuffle.</param>
    public static int[] For(IReadOnlyList<int> shardStarts, int count, long seed, int epoch, int shuffleBuffer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shuffleBuffer, 1);
        var random = new Random(unchecked((int)(seed * 1_000_003 + epoch * 7919)));
        int[] shards = Enumerable.Range(0, shardStarts.Count).ToArray();
        random.Shuffle(shards);

        var order = new int[count];
        int written = 0;
        var buffer = new int[Math.Min(shuffleBuffer, Math.Max(count, 1))];
        int held = 0;
        foreach (int shard in shards)
        {
            int start = shardStarts[shard], end = shard + 1 < shardStarts.Count ? shardStarts[shard + 1] : count;
            for (int row = start; row < end; row++)
            {
                if (held < buffer.Length)
                {
                    buffer[held++] = row;
                    continue;
                }
                int slot = random.Next(buffer.Length);
                order[written++] = buffer[slot];
                buffer[slot] = row;
            }
        }
        random.Shuffle(buffer.AsSpan(0, held));
        buffer.AsSpan(0, held).CopyTo(order.AsSpan(written));
        return order;
    }
}
