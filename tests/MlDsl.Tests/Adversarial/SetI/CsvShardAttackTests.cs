using MlDsl.Data.Streaming;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Adversarial.SetI;

/// <summary>
/// Hostile CSV shards for <see cref="RowSources.FromCsvFiles{TRow}"/>: a record left open at the end, a shard changed
/// after its scan, empty and missing shards, a folder named like a shard. Each is a <see cref="RowSourceException"/>
/// naming the shard, or the right rows.
/// </summary>
public sealed class CsvShardAttackTests() : TemporaryFolder("mldsl-seti-shards")
{
    private const string Header = "Heart,Age,Sick,Patient,Seen,Clinic\n";

    private string Shard(string name, string text)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void An_unterminated_quote_in_the_last_record_fails_when_read_naming_the_shard_and_earlier_rows_still_read()
    {
        string path = Shard("part-0.csv", Header + "80,40,0,1,2026-01-01,a\n81,41,1,2,2026-01-02,\"north\n");
        RowSource<Visit> source = RowSources.FromCsvFiles<Visit>([path]);

        Visit first = source.Read(0);
        var error = Assert.Throws<RowSourceException>(() => source.Read(source.Count - 1));

        Assert.Equal(80f, first.Heart);
        Assert.Contains("part-0.csv, line 3", error.Message);
    }

    [Fact]
    public void A_shard_cut_short_after_its_scan_fails_naming_the_shard_not_with_garbage()
    {
        string path = Shard("part-0.csv", Header + "80,40,0,1,2026-01-01,a\n81,41,1,2,2026-01-02,b\n82,42,0,3,2026-01-03,c\n");
        RowSource<Visit> source = RowSources.FromCsvFiles<Visit>([path]);
        File.WriteAllText(path, Header + "80,40,0,1,2026-01-01,a\n81,4");

        Exception? error = Record.Exception(() => source.Read(2));

        var refused = Assert.IsType<RowSourceException>(error);
        Assert.Contains("part-0.csv", refused.Message);
    }

    [Fact]
    public void A_zero_byte_shard_gives_no_rows_or_is_refused_naming_it()
    {
        string good = Shard("part-0.csv", Header + "80,40,0,1,2026-01-01,a\n");
        string empty = Shard("part-1.csv", "");

        try
        {
            RowSource<Visit> source = RowSources.FromCsvFiles<Visit>([good, empty]);
            Assert.Equal(1, source.Count);
            Assert.Equal("a", source.Read(0).Clinic);
        }
        catch (MlDsl.Data.Csv.CsvDataException error)
        {
            Assert.Equal((empty, 1L), (error.File, error.Line));
            Assert.Contains("expected a header line", error.Problem);
        }
    }

    [Fact]
    public void A_missing_shard_is_refused_naming_it()
    {
        string missing = Path.Combine(Root, "part-9.csv");

        Exception? error = Record.Exception(() => RowSources.FromCsvFiles<Visit>([missing]));

        // MlDsl's own refusal: a RowSourceException, or the FileNotFoundException its CSV readers throw with their own message.
        Assert.True(error is RowSourceException or FileNotFoundException, $"got {error?.GetType().Name ?? "no exception"}: {error?.Message}");
        Assert.StartsWith(missing + ": ", error!.Message);
    }

    [Fact]
    public void A_folder_named_like_a_shard_inside_the_shard_folder_is_skipped_or_refused_by_name()
    {
        string folder = Path.Combine(Root, "shards");
        Directory.CreateDirectory(Path.Combine(folder, "part-1.csv"));
        File.WriteAllText(Path.Combine(folder, "part-0.csv"), Header + "80,40,0,1,2026-01-01,a\n");

        try
        {
            RowSource<Visit> source = RowSources.FromCsvFiles<Visit>([folder]);
            Assert.Equal(1, source.Count);
        }
        catch (RowSourceException error)
        {
            Assert.Contains("part-1.csv", error.Message);
        }
    }

    [Fact]
    public void A_quoted_line_break_keeps_a_shard_record_whole_and_the_next_bad_record_names_its_physical_line()
    {
        string path = Shard("part-0.csv", Header + "80,40,0,1,2026-01-01,\"north\neast\"\n81,forty,1,2,2026-01-02,b\n");
        RowSource<Visit> source = RowSources.FromCsvFiles<Visit>([path]);

        Visit first = source.Read(0);
        var error = Assert.Throws<RowSourceException>(() => source.Read(1));

        Assert.Equal(2, source.Count);
        Assert.Equal("north\neast", first.Clinic);
        Assert.Contains("part-0.csv, line 4", error.Message);
    }
}
