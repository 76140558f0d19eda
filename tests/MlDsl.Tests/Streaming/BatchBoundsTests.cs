using MlDsl.Data.Streaming;

namespace MlDsl.Tests.Streaming;

public sealed class BatchBoundsTests
{
    [Theory]
    [InlineData(65, 64, 1)]
    [InlineData(129, 64, 1)]
    [InlineData(67, 64, 2)]
    [InlineData(10, 3, 1)]
    public void A_trailing_training_batch_of_fewer_than_two_rows_per_rank_joins_the_batch_before_it(int count, int batchSize, int ranks)
    {
        (int Start, int Size)[] batches = BatchBounds.Training(count, batchSize, ranks);

        Assert.True(batches[^1].Size >= 2 * ranks, $"last batch {batches[^1].Size} rows");
        AssertCoversEveryRowOnce(batches, count);
    }

    [Theory]
    [InlineData(66, 64, 1, 2)]
    [InlineData(128, 64, 1, 2)]
    [InlineData(68, 64, 2, 2)]
    [InlineData(1, 64, 1, 1)]
    public void Training_batches_that_are_large_enough_are_cut_as_in_evaluation(int count, int batchSize, int ranks, int expectedBatches)
    {
        (int Start, int Size)[] batches = BatchBounds.Training(count, batchSize, ranks);

        Assert.Equal(BatchBounds.InOrder(count, batchSize), batches);
        Assert.Equal(expectedBatches, batches.Length);
    }

    [Fact]
    public void Evaluation_batches_keep_a_single_trailing_row_apart()
    {
        (int Start, int Size)[] batches = BatchBounds.InOrder(65, 64);

        Assert.Equal(new[] { (0, 64), (64, 1) }, batches);
    }

    private static void AssertCoversEveryRowOnce((int Start, int Size)[] batches, int count)
    {
        int next = 0;
        foreach ((int start, int size) in batches)
        {
            Assert.Equal(next, start);
            next += size;
        }
        Assert.Equal(count, next);
    }
}
