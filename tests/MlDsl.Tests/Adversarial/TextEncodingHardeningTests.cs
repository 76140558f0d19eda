using System.Text;
using MlDsl.Data.Csv;
using MlDsl.Data.Files;
using MlDsl.Data.Streaming;
using MlDsl.Tests.Data;
using MlDsl.Tests.Data.Files;

namespace MlDsl.Tests.Adversarial;

/// <summary>
/// Text files that are not UTF-8 (a Latin-1 or Windows-1252 export) and UTF-8 files with a byte order mark, through every
/// reader of text files: CsvFile, CSV shards and label manifests. A byte that is not UTF-8 used to become U+FFFD without a
/// word ("Zürich" read as "Z\uFFFDrich", "Zärich" too: one group, one class); it is now an error naming file, line and byte.
/// </summary>
public sealed class TextEncodingHardeningTests() : TemporaryFolder("mldsl-text-encoding")
{
    private const string Header = "Heart,Age,Sick,Patient,Seen,Clinic\n";

    private string Write(string name, params byte[][] parts)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, parts.SelectMany(part => part).ToArray());
        return path;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    [Fact]
    public void A_latin1_byte_in_a_csv_file_is_refused_naming_the_file_its_line_and_the_byte()
    {
        string path = Write("latin1.csv", Utf8(Header + "80,40,0,1,2026-01-01,north\n"), Latin1("90,41,1,2,2026-01-02,Zürich\n"));

        var problem = Assert.Throws<CsvDataException>(() => CsvFile.Read<Visit>(path));

        Assert.Equal(path, problem.File);
        Assert.Equal(3, problem.Line);
        Assert.Contains("byte 0xFC", problem.Message);
        Assert.Contains("not UTF-8", problem.Message);
    }

    [Fact]
    public void A_byte_that_is_not_utf8_is_refused_even_when_rows_are_skipped_and_inside_a_skipped_preamble()
    {
        string inRows = Write("skipping.csv", Utf8(Header + "80,40,0,1,2026-01-01,north\r\n90,41,1,2,2026-01-02,south\r\n"), Latin1("91,42,1,3,2026-01-03,Malmö\n"));
        string inPreamble = Write("preamble.csv", Latin1("exported by Zürich's clinic\n"), Utf8(Header + "80,40,0,1,2026-01-01,north\n"));

        // The encoding is the file's problem, not one row's: skipping bad rows does not skip it.
        var skipping = Assert.Throws<CsvDataException>(() => CsvFile.ReadWithReport<Visit>(inRows, new CsvOptions { SkipBadRows = true }));
        var preamble = Assert.Throws<CsvDataException>(() => CsvFile.Read<Visit>(inPreamble, new CsvOptions { SkipLines = 1 }));

        Assert.Equal(4, skipping.Line);
        Assert.Contains("byte 0xF6", skipping.Message);
        Assert.Equal(inRows, skipping.File);
        Assert.Equal(1, preamble.Line);
        Assert.Contains(inPreamble, preamble.Message);
    }

    [Fact]
    public void Utf8_text_across_the_scanners_block_boundary_still_reads_and_a_later_bad_byte_names_its_line()
    {
        // 3-byte characters straddle every 64 KiB block boundary; the Latin-1 byte sits on the last line.
        var text = new StringBuilder(Header);
        for (int i = 0; i < 2000; i++) text.Append(i).Append(",40,0,").Append(i).Append(",2026-01-01,€uro-Zürich-日本\n");
        string good = Write("good.csv", Utf8(text.ToString()));
        string bad = Write("bad.csv", Utf8(text.ToString()), Latin1("1,40,0,1,2026-01-01,é\n"));

        IReadOnlyList<Visit> rows = CsvFile.Read<Visit>(good);
        var problem = Assert.Throws<CsvDataException>(() => CsvFile.Read<Visit>(bad));

        Assert.Equal(2000, rows.Count);
        Assert.All(rows, row => Assert.Equal("€uro-Zürich-日本", row.Clinic));
        Assert.Equal(2002, problem.Line);
        Assert.Contains("byte 0xE9", problem.Message);
    }

    [Fact]
    public void A_latin1_byte_in_a_csv_shard_fails_when_its_row_is_read_naming_the_shard_and_line()
    {
        string shard = Write("shard.csv", Utf8(Header + "80,40,0,1,2026-01-01,north\n"), Latin1("90,41,1,2,2026-01-02,Zürich\n"));
        RowSource<Visit> source = RowSources.FromCsvFiles<Visit>([shard]);

        Visit first = source.Read(0);
        var problem = Assert.Throws<RowSourceException>(() => source.Read(1));

        Assert.Equal("north", first.Clinic);
        var cause = Assert.IsType<CsvDataException>(problem.InnerException);
        Assert.Equal(shard, cause.File);
        Assert.Equal(3, cause.Line);
        Assert.Contains($"{shard}, line 3", problem.Message);
        Assert.Contains("byte 0xFC", problem.Message);
    }

    [Fact]
    public void A_byte_order_mark_at_the_start_of_a_csv_shard_is_no_part_of_its_first_header()
    {
        string shard = Write("bom.csv", [0xEF, 0xBB, 0xBF], Utf8(Header + "80,40,0,1,2026-01-01,north\n90,41,1,2,2026-01-02,south\n"));

        RowSource<Visit> source = RowSources.FromCsvFiles<Visit>([shard]);

        Assert.Equal(CsvFile.Read<Visit>(shard), Enumerable.Range(0, source.Count).Select(source.Read).ToArray());
        Assert.Equal($"{shard}, line 2", source.Describe(0));
    }

    [Fact]
    public void A_latin1_label_in_a_manifest_is_refused_naming_the_manifest_and_its_line()
    {
        TestImages.WriteUniform(Path.Combine(Root, "a.png"), SkiaSharp.SKColors.Black);
        TestImages.WriteUniform(Path.Combine(Root, "b.png"), SkiaSharp.SKColors.White);
        string manifest = Write("manifest.csv", Utf8("path,label\na.png,café\n"), Latin1("b.png,cafè\n"));

        var problem = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifest(manifest));

        Assert.Equal(manifest, problem.Path);
        Assert.Equal(3, problem.Line);
        Assert.Contains("byte 0xE8", problem.Message);
    }
}
