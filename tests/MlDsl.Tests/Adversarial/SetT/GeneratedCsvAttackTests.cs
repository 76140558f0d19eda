using System.Text;
using MlDsl.Data.Csv;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Adversarial.SetT;

/// <summary>
/// The generated CSV readers given values their members cannot hold and SetI did not try: a category or class name
/// outside the declared set, empty or blank fields for numbers, dates and group keys, a fraction for an integer label, hex.
/// Each is a <see cref="CsvDataException"/> naming the file, the line and the column, never a row with a silently empty
/// one-hot, a zero or a default date.
/// </summary>
public sealed class GeneratedCsvAttackTests() : TemporaryFolder("mldsl-sett-csv")
{
    private const string FruitHeader = "Color,Weight,Kind\n";
    private const string VisitHeader = "Heart,Age,Sick,Patient,Seen,Clinic\n";

    private string Write(string text, string name = "rows.csv")
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static CsvDataException Refused<TRow>(string path, long line, string column) where TRow : ICsvRow<TRow>
    {
        Exception? error = Record.Exception(() => CsvFile.Read<TRow>(path));
        Assert.True(error is CsvDataException, $"expected a CsvDataException at line {line} naming {column}, got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        var problem = (CsvDataException)error!;
        Assert.Equal((path, line), (problem.File, problem.Line));
        Assert.Contains(column, problem.Message);
        return problem;
    }

    /// <summary>
    /// A value outside a member's declared set: refused by the reader (naming file, line and member), or, as the README
    /// documents for categories and class names, by collation naming the row, the member and the value. Never fed as a
    /// one-hot of zeros or a class index nobody declared.
    /// </summary>
    private static void RefusedAtReadOrCollation(string path, long line, string member, string value)
    {
        Exception? error = Record.Exception(() =>
        {
            IReadOnlyList<Fruit> rows = CsvFile.Read<Fruit>(path);
            (var features, var labels) = MlDsl.Data.BatchCollator.Collate(rows, 0, rows.Count);
            features.Dispose();
            labels.Dispose();
        });
        Assert.True(error is CsvDataException or MlDsl.Data.RowDataException,
            $"expected a CsvDataException at line {line} or a RowDataException naming {member}, got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        if (error is CsvDataException problem) Assert.Equal((path, line), (problem.File, problem.Line));
        Assert.Contains(member, error!.Message);
        // The README promises the row, the member and the allowed values; the reader names the value as well.
        if (error is CsvDataException) Assert.Contains(value, error.Message);
    }

    [Fact]
    public void A_category_outside_the_declared_set_is_refused_naming_the_member()
    {
        RefusedAtReadOrCollation(Write(FruitHeader + "red,150,apple\npurple,140,apple\n"), 3, "Color", "purple");
    }

    [Fact]
    public void A_class_name_outside_the_declared_names_is_refused_naming_the_label()
    {
        RefusedAtReadOrCollation(Write(FruitHeader + "red,150,apple\nyellow,120,cherry\n"), 3, "Kind", "cherry");
    }

    [Fact]
    public void An_empty_category_is_refused_naming_the_member()
    {
        RefusedAtReadOrCollation(Write(FruitHeader + ",150,apple\n"), 2, "Color", "");
    }

    [Fact]
    public void A_category_in_other_letter_case_is_refused_naming_the_member()
    {
        RefusedAtReadOrCollation(Write(FruitHeader + "Red,150,apple\n"), 2, "Color", "Red");
    }

    [Fact]
    public void An_empty_number_is_read_as_missing_as_documented()
    {
        Assert.True(float.IsNaN(CsvFile.Read<Fruit>(Write(FruitHeader + "red,,apple\n"))[0].Weight));
    }

    [Fact]
    public void A_blank_number_is_read_as_missing_or_refused_naming_the_member()
    {
        string path = Write(VisitHeader + "80,40,0,1,2026-01-01,a\n   ,41,1,2,2026-01-02,b\n");

        Exception? error = Record.Exception(() => Assert.True(float.IsNaN(CsvFile.Read<Visit>(path)[1].Heart)));

        if (error is not null and not CsvDataException) throw error;
        if (error is CsvDataException problem) Assert.Equal((path, 3L, true), (problem.File, problem.Line, problem.Message.Contains("Heart")));
    }

    [Fact]
    public void An_empty_group_key_is_refused_naming_the_member()
    {
        Refused<Visit>(Write(VisitHeader + "80,40,0,,2026-01-01,a\n"), 2, "Patient");
    }

    [Fact]
    public void An_empty_timestamp_is_refused_naming_the_member()
    {
        Refused<Visit>(Write(VisitHeader + "80,40,0,1,,a\n"), 2, "Seen");
    }

    [Fact]
    public void A_fraction_for_an_integer_label_is_refused_not_rounded()
    {
        Refused<Visit>(Write(VisitHeader + "80,40,0.6,1,2026-01-01,a\n"), 2, "Sick");
    }

    [Fact]
    public void A_hexadecimal_number_is_refused_naming_the_member()
    {
        Refused<Visit>(Write(VisitHeader + "0x50,40,0,1,2026-01-01,a\n"), 2, "Heart");
    }
}
