using MlDsl.Data.Csv;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Adversarial.SetP;

/// <summary>
/// CSV layouts read without a word but wrongly: an unquoted thousands separator or decimal comma ("1,000") made a row one
/// field longer than the header, and every column after it was read one place off (Heart 1, Age 0 instead of Heart 1000,
/// Age 40); a header naming a column twice read the first and ignored the other. Both are now refused with the line.
/// </summary>
public sealed class CsvLayoutTests() : TemporaryFolder("mldsl-setp-csv")
{
    private const string Header = "Heart,Age,Sick,Patient,Seen,Clinic\n";

    private string Write(string text)
    {
        string path = Path.Combine(Root, "visits.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("1,000,40,0,1,2026-01-01,a")] // thousands separator
    [InlineData("80,3,5,0,1,2026-01-01,a")] // decimal comma
    [InlineData("80,40,0,1,2026-01-01,north,east")] // a comma in the last text column
    public void A_row_longer_than_the_header_is_refused_not_read_shifted(string row)
    {
        string path = Write(Header + "80,40,0,1,2026-01-01,a\n" + row + "\n");

        var error = Assert.Throws<CsvDataException>(() => CsvFile.Read<Visit>(path));

        Assert.Equal((path, 3L, "#7"), (error.File, error.Line, error.Column));
        Assert.Equal("expected 6 fields, as the header has, but the row has 7; a value holding the delimiter (a thousands separator or decimal comma) must be quoted", error.Problem);
    }

    [Fact]
    public void A_trailing_delimiter_and_a_quoted_comma_still_read()
    {
        string path = Write(Header + "80,40,0,1,2026-01-01,a,\n81,41,1,2,2026-01-02,\"north,east\"\n");

        IReadOnlyList<Visit> rows = CsvFile.Read<Visit>(path);

        Assert.Equal(2, rows.Count);
        Assert.Equal("north,east", rows[1].Clinic);
    }

    [Fact]
    public void A_skipped_long_row_is_reported_not_lost_silently()
    {
        string path = Write(Header + "80,40,0,1,2026-01-01,a\n1,000,40,0,1,2026-01-01,a\n");

        CsvReadResult<Visit> result = CsvFile.ReadWithReport<Visit>(path, new CsvOptions { SkipBadRows = true });

        Assert.Single(result.Rows);
        Assert.Equal(3L, Assert.Single(result.Skipped).Line);
    }

    [Fact]
    public void A_header_naming_a_column_twice_is_refused_naming_both_columns()
    {
        string path = Write("Heart,Age,Sick,Patient,Seen,Clinic,age\n80,40,0,1,2026-01-01,a,41\n");

        var error = Assert.Throws<CsvDataException>(() => CsvFile.Read<Visit>(path));

        Assert.Equal((path, 1L, "Age"), (error.File, error.Line, error.Column));
        Assert.Equal("columns 2 and 7 are both named 'Age'; expected one column for Age", error.Problem);
    }
}
