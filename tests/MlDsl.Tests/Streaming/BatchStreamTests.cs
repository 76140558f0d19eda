using MlDsl.Data.Streaming;

namespace MlDsl.Tests.Streaming;

public sealed class BatchStreamTests
{
    [Fact]
    public void Decoding_runs_ahead_by_at_most_the_prefetch_queue_and_the_batch_being_decoded()
    {
        var source = new CountingSource<Point>(SyntheticData.Points(2000, 1), shardSize: 100);
        using var stream = new BatchStream<Point>(source, Enumerable.Range(0, 2000).ToArray(), BatchBounds.InOrder(2000, 10), 0, 1, workers: 2, prefetch: 3, labels: true);
        Assert.NotNull(stream.Next());
        Thread.Sleep(500); // the producer fills the queue, then must wait
        // One batch taken, three queued, one waiting to be queued: at most 5 batches of 10 decoded.
        Assert.InRange(source.Reads, 10, 50);
    }

    [Fact]
    public void Rows_are_decoded_by_several_workers_at_once_but_never_more_than_asked()
    {
        var source = new CountingSource<Point>(SyntheticData.Points(64, 1), shardSize: 8, decodeTime: TimeSpan.FromMilliseconds(20));
        using var stream = new BatchStream<Point>(source, Enumerable.Range(0, 64).ToArray(), BatchBounds.InOrder(64, 16), 0, 1, workers: 3, prefetch: 2, labels: true);
        int rows = 0;
        while (stream.Next() is { } batch) rows += batch.Count;
        Assert.Equal(64, rows);
        Assert.InRange(source.MostActive, 2, 3);
    }

    [Fact]
    public void Batches_come_out_in_the_given_order_with_their_labels()
    {
        List<Point> points = SyntheticData.Points(50, 3);
        int[] order = Enumerable.Range(0, 50).Reverse().ToArray();
        using var stream = new BatchStream<Point>(RowSources.FromList(points), order, BatchBounds.InOrder(order.Length, 8), 0, 1, workers: 4, prefetch: 2, labels: true);
        var labels = new List<long>();
        var xs = new List<float>();
        while (stream.Next() is { } batch)
        {
            labels.AddRange(batch.Labels!);
            for (int i = 0; i < batch.Count; i++) xs.Add(batch.Features[i * Point.FeatureLength]);
        }
        Assert.Equal(order.Select(i => (long)points[i].Cluster), labels);
        Assert.Equal(order.Select(i => points[i].X), xs);
    }

    [Fact]
    public void Each_rank_decodes_only_its_slice_of_every_batch_and_the_slices_cover_the_batch()
    {
        List<Point> points = SyntheticData.Points(21, 3);
        int[] order = Enumerable.Range(0, 21).ToArray();
        var seen = new List<float>();
        var sizes = new List<(int, int)>();
        for (int rank = 0; rank < 2; rank++)
        {
            using var stream = new BatchStream<Point>(RowSources.FromList(points), order, BatchBounds.InOrder(order.Length, 10), rank, 2, workers: 1, prefetch: 1, labels: true);
            while (stream.Next() is { } batch)
            {
                sizes.Add((batch.Count, batch.GlobalCount));
                for (int i = 0; i < batch.Count; i++) seen.Add(batch.Features[i * Point.FeatureLength]);
            }
        }
        Assert.Equal(points.Select(point => point.X).Order(), seen.Order());
        // Batches of 10, 10 and 1: the last one leaves rank 0 empty.
        Assert.Equal(new[] { (5, 10), (5, 10), (0, 1), (5, 10), (5, 10), (1, 1) }, sizes);
    }

    [Fact]
    public void A_row_that_cannot_be_decoded_fails_at_its_batch_naming_its_reference()
    {
        List<Point> points = SyntheticData.Points(40, 3);
        points[25] = points[25] with { Extra = new float[5] };
        var source = new CountingSource<Point>(points, shardSize: 10);
        using var stream = new BatchStream<Point>(source, Enumerable.Range(0, 40).ToArray(), BatchBounds.InOrder(40, 10), 0, 1, workers: 2, prefetch: 2, labels: true);
        Assert.NotNull(stream.Next());
        Assert.NotNull(stream.Next());
        var problem = Assert.Throws<RowSourceException>(() => stream.Next());
        Assert.Contains("shard-2.bin record 5", problem.Message);
        Assert.Contains("Extra", problem.Message);
        Assert.Equal(25, problem.RowIndex);
    }

    [Fact]
    public void A_class_label_out_of_range_is_refused_with_its_reference()
    {
        List<Point> points = SyntheticData.Points(10, 3);
        points[4] = points[4] with { Cluster = 3 };
        using var stream = new BatchStream<Point>(new CountingSource<Point>(points, 5), Enumerable.Range(0, 10).ToArray(), BatchBounds.InOrder(10, 10), 0, 1, 1, 1, labels: true);
        var problem = Assert.Throws<RowSourceException>(() => stream.Next());
        Assert.Contains("shard-0.bin record 4", problem.Message);
        Assert.Contains("[0, 2]", problem.Message);
    }
}
