using MlDsl.Data.Csv;
using MlDsl.Examples.BreastCancer;

namespace MlDsl.Tests.Data;

public sealed class CsvTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("mldsl-csv").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string text)
    {
        string path = Path.Combine(directory, "visits.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_real_breast_cancer_csv_reads_into_typed_rows()
    {
        IReadOnlyList<Tumour> rows = BreastCancerRows.Load();

        Assert.Equal(569, rows.Count);
        Assert.Equal(17.99f, rows[0].Measurements[0]);
        Assert.Equal(0.1189f, rows[0].Measurements[29]);
        Assert.Equal(0, rows[0].Diagnosis);
        Assert.Equal(357, rows.Count(row => row.Diagnosis == 1)); // benign, as scikit-learn documents
    }

    [Fact]
    public void Members_are_read_by_header_name_in_any_column_order()
    {
        string path = Write("Clinic,Seen,Sick,Age,Heart,Patient\nnorth,2026-03-01T10:00:00,1,54,101.5,7\n");

        Visit visit = Assert.Single(CsvFile.Read<Visit>(path));

        Assert.Equal(new Visit { Heart = 101.5f, Age = 54, Sick = 1, Patient = 7, Seen = new DateTime(2026, 3, 1, 10, 0, 0), Clinic = "north" }, visit);
    }

    [Fact]
    public void A_bad_value_names_the_file_line_column_and_what_was_expected()
    {
        string path = Write("Heart,Age,Sick,Patient,Seen,Clinic\n80,40,0,1,2026-01-01,a\n90,forty,0,2,2026-01-02,b\n");

        var error = Assert.Throws<CsvDataException>(() => CsvFile.Read<Visit>(path));

        Assert.Equal($"{path}, line 3, column Age: expected a number for Age but found 'forty'", error.Message);
    }

    [Fact]
    public void Bad_rows_can_be_skipped_and_every_one_is_counted_with_its_reason()
    {
        string path = Write("Heart,Age,Sick,Patient,Seen,Clinic\n80,40,0,1,2026-01-01,a\n90,40,maybe,2,2026-01-02,b\n70,30,1,3,2026-01-03\n85,35,1,4,2026-01-04,c\n");

        CsvReadResult<Visit> result = CsvFile.ReadWithReport<Visit>(path, new CsvOptions { SkipBadRows = true });

        Assert.Equal(new[] { 1, 4 }, result.Rows.Select(row => row.Patient));
        Assert.Equal(new long[] { 3, 4 }, result.Skipped.Select(problem => problem.Line));
        Assert.Contains("expected a whole number for Sick but found 'maybe'", result.Skipped[0].Message);
        Assert.Contains("expected at least 6 columns but the row has 5", result.Skipped[1].Message);
    }

    [Fact]
    public void A_missing_header_lists_the_headers_that_exist()
    {
        string path = Write("Heart,Age,Sick,Seen,Clinic\n80,40,0,2026-01-01,a\n");

        var error = Assert.Throws<CsvDataException>(() => CsvFile.Read<Visit>(path));

        Assert.Contains("no header named 'Patient' for Patient; the headers are: Heart, Age, Sick, Seen, Clinic", error.Message);
    }

    [Fact]
    public void An_empty_numeric_field_is_kept_as_missing_not_dropped()
    {
        string path = Write("Heart,Age,Sick,Patient,Seen,Clinic\n,40,0,1,2026-01-01,a\n");

        Visit visit = Assert.Single(CsvFile.Read<Visit>(path));

        Assert.True(float.IsNaN(visit.Heart));
    }
}
