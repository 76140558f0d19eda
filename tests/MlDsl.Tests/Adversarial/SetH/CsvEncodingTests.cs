using System.Text;
using MlDsl.Data.Csv;
using MlDsl.Data.Files;
using MlDsl.Data.Streaming;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Adversarial.SetH;

/// <summary>
/// Excel saves CSV as UTF-8 with a byte order mark ("CSV UTF-8") or as UTF-16 ("Unicode text"). A reader that kept the
/// mark would name the first column "\uFEFFHeart" and miss it; one that read UTF-16 bytes as UTF-8 would split records at
/// the zero byte of every character. CsvFile and manifests decode both right; CSV shards, indexed by UTF-8 bytes, read
/// the UTF-8 mark and refuse UTF-16 and UTF-32 by name.
/// </summary>
public sealed class CsvEncodingTests() : TemporaryFolder("mldsl-seth-encoding")
{
    private const string Text = "Heart,Age,Sick,Patient,Seen,Clinic\r\n80,40,0,1,2026-01-01,Zürich\r\n";

    private string Write(string name, Encoding encoding, string text = Text)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
        return path;
    }

    public static TheoryData<string> Encodings => new() { "utf-8-bom", "utf-16le", "utf-16be", "utf-32le" };

    private static Encoding Named(string name) => name switch
    {
        "utf-8-bom" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        _ => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_csv_with_a_byte_order_mark_reads_its_header_and_text_right(string encoding)
    {
        string path = Write("visits.csv", Named(encoding));

        Visit row = Assert.Single(CsvFile.Read<Visit>(path));

        Assert.Equal(new Visit { Heart = 80, Age = 40, Sick = 0, Patient = 1, Seen = new DateTime(2026, 1, 1), Clinic = "Zürich" }, row);
    }

    [Fact]
    public void A_shard_with_a_utf8_byte_order_mark_reads_its_first_column()
    {
        Directory.CreateDirectory(Path.Combine(Root, "shards"));
        Write("shards/part-00.csv", Named("utf-8-bom"));

        RowSource<Visit> source = RowSources.FromCsvFiles<Visit>([Path.Combine(Root, "shards")]);

        Assert.Equal((80f, "Zürich"), (source.Read(0).Heart, source.Read(0).Clinic));
    }

    [Theory]
    [InlineData("utf-16le", "UTF-16 LE (byte order mark FF FE)")]
    [InlineData("utf-16be", "UTF-16 BE (byte order mark FE FF)")]
    [InlineData("utf-32le", "UTF-32 LE (byte order mark FF FE 00 00)")]
    public void A_shard_in_utf16_or_utf32_is_refused_naming_the_file_and_its_encoding(string encoding, string named)
    {
        Directory.CreateDirectory(Path.Combine(Root, "shards"));
        string path = Write("shards/part-00.csv", Named(encoding));

        var error = Assert.Throws<CsvDataException>(() => RowSources.FromCsvFiles<Visit>([Path.Combine(Root, "shards")]));

        Assert.Equal((path, 1L), (error.File, error.Line));
        Assert.Equal($"the file is {named}; CSV shards are read as UTF-8 (save the file as UTF-8)", error.Problem);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_manifest_with_a_byte_order_mark_keeps_its_labels_unmangled(string encoding)
    {
        Directory.CreateDirectory(Path.Combine(Root, "a"));
        File.WriteAllBytes(Path.Combine(Root, "a", "x.png"), [1]);
        string manifest = Write("manifest.csv", Named(encoding), "path,label\r\na/x.png,Zürich\r\n");

        LabelledFiles listed = LabelledFiles.FromManifest(manifest);

        Assert.Equal([new LabelledFile(Path.Combine(Root, "a", "x.png"), "Zürich")], listed.Files);
    }
}
