using System.Text;
using MlDsl.Data.Csv;

namespace MlDsl.Tests.Adversarial.SetU;

/// <summary>
/// CSV files as spreadsheets, other platforms and careless exports write them: a BOM before Excel's <c>sep=</c> line,
/// a quoted line break in the last field of a file without a final newline, a header repeated half-way (two files
/// concatenated), a row of a million fields, UTF-16, a thousands separator or decimal comma inside quotes, and odd
/// label spellings. Each reads the right values or is a <see cref="CsvDataException"/> naming the file and the line.
/// </summary>
public sealed class CsvEdgeAttackTests() : TemporaryFolder("mldsl-setu-csv")
{
    private string Write(string name, string text, Encoding? encoding = null)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static CsvDataException RefusedAt<TRow>(string path, long line, CsvOptions? options = null) where TRow : ICsvRow<TRow>
    {
        Exception? error = Record.Exception(() => CsvFile.Read<TRow>(path, options));
        var refusal = Assert.IsType<CsvDataException>(error);
        Assert.Contains(Path.GetFileName(path), refusal.Message);
        Assert.Equal(line, refusal.Line);
        return refusal;
    }

    [Fact]
    public void A_header_repeated_half_way_by_concatenating_two_files_is_refused_naming_its_line()
    {
        string path = Write("joined.csv", "A,B,Kind\n1,2,0\n3,4,1\nA,B,Kind\n5,6,2\n");

        CsvDataException error = RefusedAt<UReading>(path, 4);

        Assert.Contains("A", error.Column);
    }

    [Fact]
    public void A_byte_order_mark_before_an_excel_sep_line_is_skipped_with_it_and_the_header_reads()
    {
        string path = WriteBytes("excel.csv", [0xEF, 0xBB, 0xBF, .. Encoding.ASCII.GetBytes("sep=,\nA,B,Kind\n1.5,2,1\n")]);

        IReadOnlyList<UReading> rows = CsvFile.Read<UReading>(path, new CsvOptions { SkipLines = 1 });

        Assert.Equal(new[] { new UReading { A = 1.5f, B = 2, Kind = 1 } }, rows);
    }

    [Fact]
    public void An_excel_sep_line_read_as_the_header_is_refused_naming_the_columns_it_lacks_not_read_as_no_rows()
    {
        string path = Write("excel-sep.csv", "sep=,\nA,B,Kind\n1.5,2,1\n");

        Exception? error = Record.Exception(() => CsvFile.Read<UReading>(path));

        var refusal = Assert.IsType<CsvDataException>(error);
        Assert.Contains("excel-sep.csv", refusal.Message);
        Assert.Equal(1, refusal.Line);
    }

    [Fact]
    public void A_quoted_line_break_in_the_last_field_of_a_file_without_a_final_newline_reads_the_number_or_is_refused_naming_its_line()
    {
        string path = Write("last.csv", "A,B,Kind\n1,2,0\n3,4,\"1\n\"");

        Exception? error = Record.Exception(() => Assert.Equal(1, CsvFile.Read<UReading>(path)[1].Kind));

        if (error is not null) Assert.Equal(3, Assert.IsType<CsvDataException>(error).Line);
    }

    [Fact]
    public void A_quoted_last_field_without_a_final_newline_still_reads()
    {
        string path = Write("quoted-last.csv", "A,B,Kind\n1,2,0\n3,4,\"2\"");

        IReadOnlyList<UReading> rows = CsvFile.Read<UReading>(path);

        Assert.Equal(2, rows.Count);
        Assert.Equal(2, rows[1].Kind);
    }

    [Fact]
    public async Task A_row_of_a_million_fields_is_refused_naming_its_line_without_hanging()
    {
        var text = new StringBuilder("A,B,Kind\n1,2,0\n");
        text.Append("3,4,1");
        for (int i = 0; i < 1_000_000; i++) text.Append(",9");
        text.Append('\n');
        string path = Write("wide.csv", text.ToString());

        Exception? error = await Task.Run<Exception?>(() => Record.Exception(() => CsvFile.Read<UReading>(path))).WaitAsync(TimeSpan.FromSeconds(60));

        var refusal = Assert.IsType<CsvDataException>(error);
        Assert.Contains("wide.csv", refusal.Message);
        Assert.Equal(3, refusal.Line);
    }

    [Fact]
    public void A_utf16_file_with_its_byte_order_mark_reads_right_or_is_refused_naming_the_encoding()
    {
        string path = Write("utf16.csv", "A,B,Kind\n1.25,2,2\n", new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        Exception? error = Record.Exception(() =>
        {
            IReadOnlyList<UReading> rows = CsvFile.Read<UReading>(path);
            Assert.Equal(new[] { new UReading { A = 1.25f, B = 2, Kind = 2 } }, rows);
        });

        if (error is not null)
        {
            var refusal = Assert.IsType<CsvDataException>(error);
            Assert.Contains("utf16.csv", refusal.Message);
            Assert.Contains("UTF-16", refusal.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void A_utf16_file_without_a_byte_order_mark_is_refused_naming_the_file_not_read_as_nul_padded_text()
    {
        string path = WriteBytes("utf16-nobom.csv", Encoding.Unicode.GetBytes("A,B,Kind\n1.25,2,2\n"));

        Exception? error = Record.Exception(() => CsvFile.Read<UReading>(path));

        var refusal = Assert.IsType<CsvDataException>(error);
        Assert.Contains("utf16-nobom.csv", refusal.Message);
    }

    [Fact]
    public void A_quoted_thousands_separator_is_refused_naming_the_column_not_read_as_one_or_a_thousand()
    {
        string path = Write("thousands.csv", "A,B,Kind\n\"1,000\",2,0\n");

        CsvDataException error = RefusedAt<UReading>(path, 2);

        Assert.Equal("A", error.Column);
    }

    [Fact]
    public void A_quoted_decimal_comma_is_refused_naming_the_column_not_read_as_thirty_five()
    {
        string path = Write("decimal-comma.csv", "A,B,Kind\n1,\"3,5\",0\n");

        CsvDataException error = RefusedAt<UReading>(path, 2);

        Assert.Equal("B", error.Column);
    }

    [Fact]
    public void A_class_label_written_as_negative_zero_reads_as_class_zero()
    {
        string path = Write("negzero.csv", "A,B,Kind\n1,2,-0\n");

        Assert.Equal(0, CsvFile.Read<UReading>(path).Single().Kind);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-inf")]
    public void A_non_finite_class_label_is_refused_naming_the_label_column(string label)
    {
        string path = Write("nan-label.csv", $"A,B,Kind\n1,2,{label}\n");

        CsvDataException error = RefusedAt<UReading>(path, 2);

        Assert.Equal("Kind", error.Column);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void A_non_finite_regression_label_is_refused_naming_the_label_column(string label)
    {
        string path = Write("nan-price.csv", $"A,Price\n1,{label}\n");

        CsvDataException error = RefusedAt<UPrice>(path, 2);

        Assert.Equal("Price", error.Column);
    }

    [Fact]
    public void An_empty_regression_label_is_refused_or_kept_as_missing_never_read_as_zero()
    {
        string path = Write("empty-price.csv", "A,Price\n1,\n");

        Exception? error = Record.Exception(() =>
        {
            UPrice row = CsvFile.Read<UPrice>(path).Single();
            Assert.True(float.IsNaN(row.Price), $"an empty label was read as {row.Price}");
        });

        if (error is not null)
        {
            var refusal = Assert.IsType<CsvDataException>(error);
            Assert.Equal("Price", refusal.Column);
        }
    }

    [Fact]
    public void A_regression_label_written_as_negative_zero_reads_as_zero()
    {
        string path = Write("negzero-price.csv", "A,Price\n1,-0\n");

        Assert.Equal(0f, CsvFile.Read<UPrice>(path).Single().Price);
    }

    [Fact]
    public void A_nul_byte_between_records_is_refused_naming_its_line_not_read_as_a_row()
    {
        string path = WriteBytes("nul-line.csv", Encoding.ASCII.GetBytes("A,B,Kind\n1,2,0\n\0\n3,4,1\n"));

        RefusedAt<UReading>(path, 3);
    }

    [Fact]
    public void A_header_with_spaces_around_its_names_reads_each_column_by_name_or_is_refused_naming_it()
    {
        string path = Write("spaced.csv", "A , B ,Kind\n1,2,1\n");

        Exception? error = Record.Exception(() => Assert.Equal(new[] { new UReading { A = 1, B = 2, Kind = 1 } }, CsvFile.Read<UReading>(path)));

        if (error is not null)
        {
            var refusal = Assert.IsType<CsvDataException>(error);
            Assert.Contains("spaced.csv", refusal.Message);
        }
    }
}
