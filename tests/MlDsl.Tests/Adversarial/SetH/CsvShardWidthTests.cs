using MlDsl.Data.Csv;
using MlDsl.Data.Streaming;
using MlDsl.Examples.BreastCancer;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Adversarial.SetH;

/// <summary>
/// CsvFile refuses a row with more non-empty fields than its header (an unquoted "1,000" reads every later column one
/// place off); CSV shards decoded the same row shifted without a word. Both now share <see cref="CsvRecord"/>'s check,
/// so the shard's error names its file and physical line.
/// </summary>
public sealed class CsvShardWidthTests() : TemporaryFolder("mldsl-seth-shard-width")
{
    private const string Header = "Heart,Age,Sick,Patient,Seen,Clinic\n";

    private (string Folder, string Shard) Shard(string rows)
    {
        string folder = Directory.CreateDirectory(Path.Combine(Root, "shards")).FullName;
        string shard = Path.Combine(folder, "part-00.csv");
        File.WriteAllText(shard, Header + rows);
        return (folder, shard);
    }

    [Theory]
    [InlineData("1,000,40,0,1,2026-01-01,a")] // thousands separator
    [InlineData("80,3,5,0,1,2026-01-01,a")] // decimal comma
    [InlineData("80,40,0,1,2026-01-01,north,east")] // a comma in the last text column
    public void A_shard_row_longer_than_its_header_is_refused_naming_file_and_line(string row)
    {
        var (folder, shard) = Shard("80,40,0,1,2026-01-01,a\n" + row + "\n");
        RowSource<Visit> source = RowSources.FromCsvFiles<Visit>([folder]);

        source.Read(0);
        var error = Assert.Throws<RowSourceException>(() => source.Read(1));

        Assert.StartsWith($"{shard}, line 3 (row 1 of the source): {shard}, line 3, column #7: ", error.Message);
        Assert.EndsWith("expected 6 fields, as the header has, but the row has 7; a value holding the delimiter (a thousands separator or decimal comma) must be quoted", error.Message);
    }

    [Fact]
    public void Empty_extra_fields_from_a_trailing_delimiter_and_quoted_delimiters_still_read()
    {
        var (folder, _) = Shard("80,40,0,1,2026-01-01,a,,\n\"1000\",40,0,1,2026-01-01,\"north, east\"\n");
        RowSource<Visit> source = RowSources.FromCsvFiles<Visit>([folder]);

        Assert.Equal("a", source.Read(0).Clinic);
        Assert.Equal((1000f, "north, east"), (source.Read(1).Heart, source.Read(1).Clinic));
    }

    [Fact]
    public void A_headerless_shard_has_no_width_to_compare_and_reads_its_columns_by_index()
    {
        string folder = Directory.CreateDirectory(Path.Combine(Root, "tumours")).FullName;
        File.WriteAllLines(Path.Combine(folder, "part-00.csv"), File.ReadAllLines(SklearnData.BreastCancerCsv()).Take(3));

        RowSource<Tumour> source =
            RowSources.FromCsvFiles<Tumour>([folder], new CsvOptions { HasHeader = false, SkipLines = 1 });

        Assert.Equal(2, source.Count);
        Assert.Equal(30, source.Read(1).Measurements.Length);
    }
}
