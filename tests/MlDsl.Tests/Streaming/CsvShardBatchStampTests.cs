using MlDsl.Data.Streaming;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Streaming;

/// <summary>
/// The decoding workers read CSV shards a batch at a time and check each shard's length and last write once per
/// batch, after its reads: a shard rewritten after its scan is refused for the whole batch (no row of it is returned),
/// through a split's subset too, and an unchanged shard reads the same rows as one <see cref="RowSource{TRow}.Read"/> a row.
/// </summary>
public sealed class CsvShardBatchStampTests() : TemporaryFolder("mldsl-shard-batch")
{
    private const string Header = "Heart,Age,Sick,Patient,Seen,Clinic\n";

    private string Shard(string name, string text)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_batch_of_unchanged_shards_reads_the_rows_one_read_a_row_reads()
    {
        string first = Shard("part-0.csv", Header + "80,40,0,1,2026-01-01,a\n81,41,1,2,2026-01-02,b\n");
        string second = Shard("part-1.csv", Header + "70,30,0,3,2026-01-03,c\n");
        RowSource<Visit> source = RowSources.FromCsvFiles<Visit>([first, second]);
        int[] order = [2, 0, 1];
        var batch = new Visit[3];

        source.ReadBatch(order, batch);

        Assert.Equal(order.Select(index => (source.Read(index).Heart, source.Read(index).Age)), batch.Select(row => (row.Heart, row.Age)));
    }

    [Fact]
    public void A_shard_rewritten_after_its_scan_fails_the_batch_naming_it()
    {
        string first = Shard("part-0.csv", Header + "80,40,0,1,2026-01-01,a\n81,41,1,2,2026-01-02,b\n");
        string second = Shard("part-1.csv", Header + "70,30,0,3,2026-01-03,c\n");
        RowSource<Visit> source = RowSources.FromCsvFiles<Visit>([first, second]);
        // Another job rewrites the second shard in place with as many bytes: offsets still land on records, of other patients.
        File.WriteAllText(second, Header + "99,90,1,7,2026-03-01,z\n");
        var batch = new Visit[2];

        var error = Assert.Throws<RowSourceException>(() => source.ReadBatch([0, 2], batch));

        Assert.Contains("part-1.csv", error.Message);
        Assert.Contains("changed on disk", error.Message);
    }

    [Fact]
    public void A_split_of_a_rewritten_shard_fails_its_batches_too()
    {
        string path = Shard("part-0.csv", Header + "80,40,0,1,2026-01-01,a\n81,41,1,2,2026-01-02,b\n");
        RowSource<Visit> split = RowSources.FromCsvFiles<Visit>([path]).Subset([1, 0]);
        File.WriteAllText(path, Header + "99,90,1,7,2026-03-01,z\n98,91,0,8,2026-03-02,y\n");

        var error = Assert.Throws<RowSourceException>(() => split.ReadBatch([0, 1], new Visit[2]));

        Assert.Contains("part-0.csv", error.Message);
    }

    [Fact]
    public void Batches_of_a_rewritten_shard_never_reach_training()
    {
        string path = Shard("part-0.csv", Header + string.Concat(Enumerable.Range(0, 32).Select(i => $"{60 + i},{30 + i},{i % 2},{i},2026-01-01,a\n")));
        RowSource<Visit> source = RowSources.FromCsvFiles<Visit>([path]);
        File.WriteAllText(path, Header + string.Concat(Enumerable.Range(0, 32).Select(i => $"{90 - i},{60 - i},{1 - i % 2},{i},2026-01-01,a\n")));
        using var stream = new BatchStream<Visit>(source, Enumerable.Range(0, 32).ToArray(), BatchBounds.InOrder(32, 8), 0, 1, workers: 2, prefetch: 2, labels: true);

        var error = Assert.Throws<RowSourceException>(() => stream.Next());

        Assert.Contains("part-0.csv", error.Message);
    }
}
