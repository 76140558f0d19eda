using MlDsl.Data.Csv;

namespace MlDsl.Tests.Data;

/// <summary>Values and layout that used to slip through the CSV reader, or were reported at the wrong line.</summary>
public sealed class CsvHardeningTests() : TemporaryFolder("mldsl-csv-hardening")
{
    private const string Header = "Heart,Age,Sick,Patient,Seen,Clinic\n";

    private string Write(string text, string name = "visits.csv")
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("NaN")]
    [InlineData("1e999")]
    [InlineData("-1e39")] // beyond float's range: parses to -∞
    [InlineData("∞")]
    [InlineData("-inf")]
    public void A_non_finite_number_is_refused_with_its_file_line_and_column(string text)
    {
        string path = Write(Header + "80,40,0,1,2026-01-01,a\n" + $"{text},41,0,2,2026-01-02,b\n");

        var error = Assert.Throws<CsvDataException>(() => CsvFile.Read<Visit>(path));

        Assert.Equal((path, 3L, "Heart"), (error.File, error.Line, error.Column));
        Assert.Contains($"'{text}'", error.Problem);
    }

    [Fact]
    public void Finite_extremes_and_an_empty_field_still_read()
    {
        string path = Write(Header + "3.4e38,-1e-45,0,1,2026-01-01,a\n,40,1,2,2026-01-02,b\n");

        IReadOnlyList<Visit> rows = CsvFile.Read<Visit>(path);

        Assert.Equal(3.4e38f, rows[0].Heart);
        Assert.True(float.IsNaN(rows[1].Heart)); // the documented missing value, reported by validation
    }

    [Theory]
    [InlineData("2", "labels are 0-based")]
    [InlineData("-1", "labels are 0-based")]
    public void A_class_label_out_of_range_is_refused_at_read_time_with_the_0_based_hint(string label, string hint)
    {
        string path = Write(Header + "80,40,1,1,2026-01-01,a\n" + $"90,41,{label},2,2026-01-02,b\n");

        var error = Assert.Throws<CsvDataException>(() => CsvFile.Read<Visit>(path));

        Assert.Equal((3L, "Sick"), (error.Line, error.Column));
        Assert.Contains($"expected a class index in [0, 1] for Sick but found '{label}'", error.Problem);
        Assert.Contains(hint, error.Problem);
    }

    [Fact]
    public void A_class_name_that_is_not_declared_is_refused_at_read_time()
    {
        string path = Write("Color,Weight,Kind\nred,150,apple\nyellow,120,Banana\n", "fruit.csv");

        var error = Assert.Throws<CsvDataException>(() => CsvFile.Read<Fruit>(path));

        Assert.Equal((3L, "Kind"), (error.Line, error.Column));
        Assert.Contains("one of the class names apple, banana", error.Problem);
    }

    [Fact]
    public void A_quoted_newline_does_not_shift_the_line_numbers_of_later_records()
    {
        string path = Write(Header + "80,40,0,1,2026-01-01,\"north\nwing\"\n90,forty,0,2,2026-01-02,b\n");

        var error = Assert.Throws<CsvDataException>(() => CsvFile.Read<Visit>(path));

        Assert.Equal(4, error.Line); // physical line 4; the record count would say 3
    }

    [Fact]
    public void Crlf_line_ends_and_blank_lines_are_counted_as_physical_lines()
    {
        string path = Write("Heart,Age,Sick,Patient,Seen,Clinic\r\n\r\n80,40,0,1,2026-01-01,\"a\r\nb\"\r\n\r\n90,x,0,2,2026-01-02,b\r\n");

        var error = Assert.Throws<CsvDataException>(() => CsvFile.Read<Visit>(path));

        Assert.Equal(6, error.Line);
    }

    [Fact]
    public void SkipLines_skips_raw_lines_even_when_they_hold_a_quote()
    {
        string path = Write("exported by \"tool\nversion 2\n" + Header + "80,40,0,1,2026-01-01,a\n90,40,x,2,2026-01-02,b\n");

        var error = Assert.Throws<CsvDataException>(() => CsvFile.Read<Visit>(path, new CsvOptions { SkipLines = 2 }));

        Assert.Equal(5, error.Line);
        Assert.Single(CsvFile.ReadWithReport<Visit>(path, new CsvOptions { SkipLines = 2, SkipBadRows = true }).Rows);
    }

    [Fact]
    public void A_stray_quote_is_a_csv_data_exception_naming_its_line()
    {
        string path = Write(Header + "80,40,0,1,2026-01-01,a\n90,41,0,2,2026-01-02,no\"rth\n");

        var error = Assert.Throws<CsvDataException>(() => CsvFile.Read<Visit>(path));

        Assert.Equal((3L, "#5"), (error.Line, error.Column));
        Assert.Contains("stray quote", error.Problem);
    }

    [Fact]
    public void Skipping_bad_rows_skips_a_stray_quote_and_keeps_reading()
    {
        string path = Write(Header + "80,40,0,1,2026-01-01,a\n90,41,0,2,2026-01-02,\"no\"rth\n70,42,1,3,2026-01-03,c\n");

        CsvReadResult<Visit> result = CsvFile.ReadWithReport<Visit>(path, new CsvOptions { SkipBadRows = true });

        Assert.Equal(new[] { 1, 3 }, result.Rows.Select(row => row.Patient));
        CsvDataException skipped = Assert.Single(result.Skipped);
        Assert.Equal(3, skipped.Line);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_at_the_line_it_opens_with_where_it_runs_to()
    {
        string path = Write(Header + "80,40,0,1,2026-01-01,\"a\n90,41,0,2,2026-01-02,b\n70,42,1,3,2026-01-03,c\n");

        CsvReadResult<Visit> result = CsvFile.ReadWithReport<Visit>(path, new CsvOptions { SkipBadRows = true });

        Assert.Empty(result.Rows);
        CsvDataException problem = Assert.Single(result.Skipped);
        Assert.Equal(2, problem.Line);
        Assert.Contains("never closed, so it runs on to line 4", problem.Problem);
    }
}
