using MlDsl.Data.Streaming;

namespace MlDsl.Tests.Streaming;

public sealed class EpochOrderTests
{
    private static readonly int[] TenShards = Enumerable.Range(0, 10).Select(shard => shard * 100).ToArray();

    [Fact]
    public void Every_epoch_visits_every_row_exactly_once()
    {
        for (int epoch = 1; epoch <= 3; epoch++)
            Assert.Equal(Enumerable.Range(0, 1000), EpochOrder.For(TenShards, 1000, seed: 7, epoch, shuffleBuffer: 64).Order());
    }

    [Fact]
    public void The_same_seed_and_epoch_give_the_same_order_and_another_epoch_another()
    {
        int[] first = EpochOrder.For(TenShards, 1000, 7, 2, 64);
        Assert.Equal(first, EpochOrder.For(TenShards, 1000, 7, 2, 64));
        Assert.NotEqual(first, EpochOrder.For(TenShards, 1000, 7, 3, 64));
        Assert.NotEqual(first, EpochOrder.For(TenShards, 1000, 8, 2, 64));
    }

    [Fact]
    public void A_buffer_of_one_reads_whole_shards_in_shuffled_order()
    {
        int[] order = EpochOrder.For(TenShards, 1000, 7, 1, shuffleBuffer: 1);
        int[] shards = order.Select(row => row / 100).Distinct().ToArray();
        Assert.Equal(10, shards.Length);
        Assert.NotEqual(Enumerable.Range(0, 10), shards);
        for (int i = 1; i < order.Length; i++)
            if (order[i] / 100 == order[i - 1] / 100) Assert.Equal(order[i - 1] + 1, order[i]);
    }

    [Fact]
    public void A_small_buffer_mixes_rows_only_across_nearby_positions()
    {
        int[] order = EpochOrder.For([0], 10_000, 7, 1, shuffleBuffer: 16);
        // A row leaves the buffer after it entered it; with 16 slots it can wait long, but never jump ahead.
        for (int position = 0; position < order.Length; position++)
            Assert.True(order[position] <= position + 16, $"row {order[position]} came out at {position}");
        Assert.NotEqual(Enumerable.Range(0, 10_000), order);
    }
}
