using MlDsl.Data.Csv;
using MlDsl.Data.Streaming;
using MlDsl.Examples.BreastCancer;
using MlDsl.Pipelines;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Streaming;

/// <summary>
/// Many CSV files as one lazy source: records found by byte offset, decoded on demand by the row's generated
/// CSV reader; a malformed line names its shard and line; <c>run --stream</c> trains a pipeline from shards.
/// </summary>
public sealed class CsvShardSourceTests() : TemporaryFolder("mldsl-csv-shards")
{
    private static readonly CsvOptions Sklearn = new() { HasHeader = false, SkipLines = 1 };

    /// <summary>The real breast-cancer CSV cut into <paramref name="shards"/> files, each with scikit-learn's count line.</summary>
    private string Shards(string name, int shards, Func<int, int, string, string>? edit = null)
    {
        string[] lines = File.ReadAllLines(SklearnData.BreastCancerCsv());
        string folder = Directory.CreateDirectory(Path.Combine(Root, name)).FullName;
        string[] records = lines.Skip(1).ToArray();
        int size = (records.Length + shards - 1) / shards;
        for (int shard = 0; shard < shards; shard++)
        {
            IEnumerable<string> part = records.Skip(shard * size).Take(size).Select((line, i) => edit?.Invoke(shard, i, line) ?? line);
            File.WriteAllLines(Path.Combine(folder, $"part-{shard:D2}.csv"), lines.Take(1).Concat(part));
        }
        return folder;
    }

    private static string WithField(string line, int field, string value)
    {
        string[] fields = line.Split(',');
        fields[field] = value;
        return string.Join(',', fields);
    }

    [Fact]
    public void Shards_of_the_breast_cancer_csv_decode_on_demand_to_the_rows_of_the_whole_file()
    {
        IReadOnlyList<Tumour> whole = CsvFile.Read<Tumour>(SklearnData.BreastCancerCsv(), Sklearn);
        RowSource<Tumour> source = RowSources.FromCsvFiles<Tumour>([Shards("four", 4)], Sklearn);

        Assert.Equal(569, source.Count);
        Assert.Equal(new[] { 0, 143, 286, 429 }, source.ShardStarts);
        // Read out of order: each row is found by its offset, not by reading up to it.
        foreach (int index in new[] { 568, 0, 300, 143, 142, 429 })
        {
            Tumour row = source.Read(index);
            Assert.Equal(whole[index].Measurements, row.Measurements);
            Assert.Equal(whole[index].Diagnosis, row.Diagnosis);
        }
        Assert.Equal(Path.Combine(Root, "four", "part-01.csv") + ", line 3", source.Describe(144)); // line 1 is the count line
        Assert.Equal(whole.Select(row => row.Diagnosis), Enumerable.Range(0, source.Count).Select(index => source.ClassOf(index)!.Value));
    }

    [Fact]
    public void Quoted_fields_with_line_breaks_keep_records_whole_and_lines_physical()
    {
        string folder = Directory.CreateDirectory(Path.Combine(Root, "quoted")).FullName;
        File.WriteAllText(Path.Combine(folder, "a.csv"),
            "Heart,Age,Sick,Patient,Seen,Clinic\r\n80,40,0,1,2026-01-01,\"north\r\nwing\"\r\n\r\n90,41,1,2,2026-01-02,\"say \"\"hi\"\", then\"\r\n");
        File.WriteAllText(Path.Combine(folder, "b.csv"), "Clinic,Seen,Patient,Sick,Age,Heart\nsouth,2026-01-03,3,0,42,70.5");

        RowSource<Visit> source = RowSources.FromCsvFiles<Visit>([folder]);

        Assert.Equal(3, source.Count);
        Assert.Equal(new[] { 0, 2 }, source.ShardStarts);
        Assert.Equal("north\r\nwing", source.Read(0).Clinic);
        Assert.Equal("say \"hi\", then", source.Read(1).Clinic);
        Assert.Equal(Path.Combine(folder, "a.csv") + ", line 5", source.Describe(1)); // after a two-line record and a blank line
        Assert.Equal(new Visit { Heart = 70.5f, Age = 42, Sick = 0, Patient = 3, Seen = new DateTime(2026, 1, 3), Clinic = "south" }, source.Read(2));
    }

    [Fact]
    public void A_malformed_shard_line_fails_when_read_naming_its_file_and_line()
    {
        string folder = Shards("bad", 3, (shard, i, line) => shard == 1 && i == 4 ? WithField(line, 2, "2..5") : line);
        RowSource<Tumour> source = RowSources.FromCsvFiles<Tumour>([folder], Sklearn);
        string shard = Path.Combine(folder, "part-01.csv");

        // The index pass does not decode: the source is made, and good rows of the bad shard still read.
        Assert.Equal(569, source.Count);
        source.Read(190 + 3);
        var error = Assert.Throws<RowSourceException>(() => source.Read(190 + 4));
        Assert.StartsWith($"{shard}, line 6 (row 194 of the source): {shard}, line 6, column ", error.Message);
        Assert.EndsWith("expected a number for Measurements but found '2..5'", error.Message);
        // Training reaches it too, and stops with the same file and line.
        var streamed = Assert.Throws<RowSourceException>(() => SourceReport.Analyze(source));
        Assert.Contains($"{shard}, line 6", streamed.Message);
    }

    [Fact]
    public void Run_stream_trains_the_pipeline_from_csv_shards_and_a_malformed_line_is_one_error_naming_file_and_line()
    {
        var definition = TumourPipeline.Definition with { ExportDirectory = Path.Combine(Root, "artifact") };
        var output = new StringWriter();
        var errors = new StringWriter();
        int exit = PipelineCommandLine.Run(definition, ["run", "--stream", "--data", Shards("run", 4), "--out", Path.Combine(Root, "out")], output, errors);

        Assert.True(exit == 0, output + "\n" + errors);
        string log = output.ToString();
        Assert.Contains("[ingest] 569 Tumour rows referenced in 4 shard(s), decoded on demand", log);
        Assert.Matches(@"\[split\] Stratified: \d+ train / \d+ validation / \d+ test \(references\)", log);
        Assert.Contains("[transform] standardize fitted on the training split (streamed moments)", log);
        Assert.Matches(@"\[train\] \d+ epochs streamed", log);
        Assert.Contains("[gate] passed", log);
        Assert.True(File.Exists(Path.Combine(Root, "out", "report.md")));

        string bad = Shards("runbad", 4, (shard, i, line) => shard == 3 && i == 10 ? WithField(line, 5, "x") : line);
        var badErrors = new StringWriter();
        int badExit = PipelineCommandLine.Run(definition, ["run", "--stream", "--data", bad, "--epochs", "2", "--out", Path.Combine(Root, "outbad")], new StringWriter(), badErrors);
        Assert.Equal(1, badExit);
        Assert.Contains($"{Path.Combine(bad, "part-03.csv")}, line 12", badErrors.ToString());
        Assert.Contains("expected a number for Measurements but found 'x'", badErrors.ToString());
    }
}
