using System.Text;
using MlDsl.Data.Csv;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Adversarial.SetI;

/// <summary>
/// Hostile CSV files for <see cref="CsvFile"/>: quoting edge cases, ragged and empty layouts, encodings, and values a
/// member cannot hold. Each is a <see cref="CsvDataException"/> naming the file and line, or (for legal files) the right rows.
/// </summary>
public sealed class CsvAttackTests() : TemporaryFolder("mldsl-seti-csv")
{
    private const string Header = "Heart,Age,Sick,Patient,Seen,Clinic\n";
    private const string Good = "80,40,0,1,2026-01-01,a\n";

    private string Write(string text, string name = "visits.csv")
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private string WriteBytes(byte[] bytes, string name = "visits.csv")
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static CsvDataException Refused(string path, long line)
    {
        var error = Assert.Throws<CsvDataException>(() => CsvFile.Read<Visit>(path));
        Assert.Equal((path, line), (error.File, error.Line));
        Assert.StartsWith($"{path}, line {line}, column ", error.Message);
        return error;
    }

    [Fact]
    public void An_unterminated_quote_at_the_end_of_the_file_is_refused_naming_its_line()
    {
        string path = Write(Header + Good + "81,41,1,2,2026-01-02,\"north\n");

        Refused(path, 3);
    }

    [Fact]
    public void A_quoted_line_break_keeps_its_record_whole_and_later_lines_keep_their_physical_numbers()
    {
        string good = Write(Header + "80,40,0,1,2026-01-01,\"north\neast\"\n" + Good);
        string bad = Write(Header + "80,40,0,1,2026-01-01,\"north\neast\"\n81,forty,1,2,2026-01-02,b\n", "bad.csv");

        IReadOnlyList<Visit> rows = CsvFile.Read<Visit>(good);
        CsvDataException error = Refused(bad, 4);

        Assert.Equal(2, rows.Count);
        Assert.Equal("north\neast", rows[0].Clinic);
        Assert.Equal("Age", error.Column);
    }

    [Fact]
    public void A_row_shorter_than_the_header_is_refused_naming_its_line()
    {
        Refused(Write(Header + Good + "81,41,1\n"), 3);
    }

    [Fact]
    public void An_empty_first_line_is_refused_naming_the_header_it_expected()
    {
        CsvDataException error = Refused(Write("\n" + Good), 2);

        Assert.Contains("no header named 'Heart'", error.Problem);
    }

    [Fact]
    public void An_empty_delimiter_is_refused_naming_the_option()
    {
        string path = Write(Header + Good);

        Exception? error = Record.Exception(() => CsvFile.Read<Visit>(path, new CsvOptions { Delimiter = "" }));

        Assert.True(error is ArgumentException or CsvDataException, $"expected the delimiter to be refused, got {error?.GetType().Name ?? "no exception"}: {error?.Message}");
        Assert.Contains("Delimiter", error!.Message);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\"")]
    public void A_delimiter_that_cannot_separate_fields_is_refused_naming_the_option(string delimiter)
    {
        string path = Write(Header + Good);

        Exception? error = Record.Exception(() => CsvFile.Read<Visit>(path, new CsvOptions { Delimiter = delimiter }));

        Assert.True(error is ArgumentException or CsvDataException, $"expected the delimiter to be refused, got {error?.GetType().Name ?? "no exception"}: {error?.Message}");
        Assert.Contains("Delimiter", error!.Message);
    }

    [Theory]
    [InlineData(";")]
    [InlineData("\t")]
    [InlineData("||")]
    public void A_delimiter_that_separates_fields_still_reads(string delimiter)
    {
        IReadOnlyList<Visit> commas = CsvFile.Read<Visit>(Write(Header + Good, "commas.csv"));
        string path = Write((Header + Good).Replace(",", delimiter), "other.csv");

        Assert.Equal(commas, CsvFile.Read<Visit>(path, new CsvOptions { Delimiter = delimiter }));
    }

    [Fact]
    public void A_negative_skip_count_is_refused_naming_the_option()
    {
        string path = Write(Header + Good);

        Exception? error = Record.Exception(() => CsvFile.Read<Visit>(path, new CsvOptions { SkipLines = -1 }));

        Assert.True(error is ArgumentException or CsvDataException, $"expected SkipLines -1 to be refused, got {error?.GetType().Name ?? "no exception"}: {error?.Message}");
        Assert.Contains("SkipLines", error!.Message);
    }

    [Fact]
    public void Skipping_past_the_end_of_the_file_is_refused_naming_the_file_not_read_as_no_rows()
    {
        string path = Write(Header + Good);

        var error = Assert.Throws<CsvDataException>(() => CsvFile.Read<Visit>(path, new CsvOptions { SkipLines = 10 }));

        Assert.Equal(path, error.File);
    }

    [Fact]
    public void A_zero_byte_csv_file_is_refused_naming_the_file()
    {
        string path = Write("");

        var error = Assert.Throws<CsvDataException>(() => CsvFile.Read<Visit>(path));

        Assert.Equal(path, error.File);
    }

    [Fact]
    public void A_folder_where_a_csv_file_is_expected_is_refused_naming_it()
    {
        string path = Path.Combine(Root, "folder.csv");
        Directory.CreateDirectory(path);

        var error = Assert.Throws<CsvDataException>(() => CsvFile.Read<Visit>(path));

        Assert.Equal(path, error.File);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_no_part_of_the_first_column_name()
    {
        string path = WriteBytes(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Header + Good)).ToArray());

        Visit row = Assert.Single(CsvFile.Read<Visit>(path));

        Assert.Equal(80f, row.Heart);
    }

    [Fact]
    public void A_utf16_file_reads_right_or_is_refused_naming_the_file()
    {
        string path = WriteBytes(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header + Good)).ToArray());

        try
        {
            Visit row = Assert.Single(CsvFile.Read<Visit>(path));
            Assert.Equal((80f, 40f, "a"), (row.Heart, row.Age, row.Clinic));
        }
        catch (CsvDataException error)
        {
            Assert.Equal(path, error.File);
        }
    }

    [Fact]
    public void Carriage_returns_alone_as_line_ends_read_right_or_are_refused_never_misread()
    {
        string path = Write((Header + Good + "81,41,1,2,2026-01-02,b\n").Replace('\n', '\r'));

        try
        {
            IReadOnlyList<Visit> rows = CsvFile.Read<Visit>(path);
            Assert.Equal(["a", "b"], rows.Select(row => row.Clinic));
        }
        catch (CsvDataException error)
        {
            Assert.Equal(path, error.File);
        }
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("-infinity")]
    [InlineData("+Inf")]
    [InlineData("∞")]
    public void Non_finite_spellings_are_refused_naming_the_column(string value)
    {
        CsvDataException error = Refused(Write(Header + $"{value},40,0,1,2026-01-01,a\n"), 2);

        Assert.Equal("Heart", error.Column);
    }

    [Fact]
    public void A_number_beyond_float_range_is_refused_not_read_as_infinity()
    {
        CsvDataException error = Refused(Write(Header + "3.5e39,40,0,1,2026-01-01,a\n"), 2);

        Assert.Equal("Heart", error.Column);
    }

    [Theory]
    [InlineData("\"3,5\"")]   // a quoted decimal comma: 3.5 or 35?
    [InlineData("\"1,000\"")] // a quoted thousands separator
    [InlineData("1 000")]
    public void A_number_with_a_locale_separator_is_refused_not_guessed(string value)
    {
        CsvDataException error = Refused(Write(Header + $"{value},40,0,1,2026-01-01,a\n"), 2);

        Assert.Equal("Heart", error.Column);
    }

    [Theory]
    [InlineData("2147483648", "Patient")]      // one past int.MaxValue
    [InlineData("-99999999999", "Patient")]
    [InlineData("1.5", "Patient")]             // an int member given a fraction
    [InlineData("1e3", "Patient")]
    public void An_integer_out_of_the_members_range_is_refused_not_overflowed(string value, string column)
    {
        CsvDataException error = Refused(Write(Header + $"80,40,0,{value},2026-01-01,a\n"), 2);

        Assert.Equal(column, error.Column);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("-1")]
    [InlineData("4294967296")]
    public void A_class_label_out_of_range_is_refused_naming_the_label_column(string value)
    {
        CsvDataException error = Refused(Write(Header + $"80,40,{value},1,2026-01-01,a\n"), 2);

        Assert.Equal("Sick", error.Column);
    }

    [Theory]
    [InlineData("2026-13-45")]
    [InlineData("yesterday")]
    public void An_impossible_date_is_refused_naming_the_timestamp_column(string value)
    {
        CsvDataException error = Refused(Write(Header + $"80,40,0,1,{value},a\n"), 2);

        Assert.Equal("Seen", error.Column);
    }

    [Fact]
    public void A_nul_byte_in_a_number_is_refused_naming_the_line()
    {
        Refused(Write(Header + "8\u00000,40,0,1,2026-01-01,a\n"), 2);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_kept_or_refused_never_swallows_the_next_row()
    {
        string path = Write(Header + "80,40,0,1,2026-01-01,a\"b\n" + "81,41,1,2,2026-01-02,c\n");

        try
        {
            IReadOnlyList<Visit> rows = CsvFile.Read<Visit>(path);
            Assert.Equal(["a\"b", "c"], rows.Select(row => row.Clinic));
        }
        catch (CsvDataException error)
        {
            Assert.Equal((path, 2L), (error.File, error.Line));
        }
    }
}
