using MlDsl.Data.Streaming;
using MlDsl.Examples.BreastCancer;
using MlDsl.Pipelines;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Adversarial;

/// <summary>
/// Paths given to a streamed source that name no shard: an empty folder, or a <c>--data</c> of separators only. Both used to
/// end in "ArgumentException: no CSV files were given" (no path named; the command line's exit 70, "a bug").
/// </summary>
public sealed class StreamingSourceHardeningTests() : TemporaryFolder("mldsl-stream-hardening")
{
    private static (int Exit, string Errors) Cli(params string[] args)
    {
        var errors = new StringWriter();
        int exit = PipelineCommandLine.Run(TumourPipeline.Definition, args, new StringWriter(), errors);
        return (exit, errors.ToString().Trim());
    }

    [Fact]
    public void A_folder_without_csv_shards_is_refused_naming_the_folder()
    {
        string empty = Directory.CreateDirectory(Path.Combine(Root, "shards")).FullName;
        File.WriteAllText(Path.Combine(empty, "notes.txt"), "not a shard");

        var problem = Assert.Throws<FileNotFoundException>(() => RowSources.FromCsvFiles<Visit>([empty]));

        Assert.Equal(empty, problem.FileName);
        Assert.Equal($"{empty}: the folder holds no *.csv files; expected CSV shards", problem.Message);
    }

    [Fact]
    public void Run_stream_on_an_empty_folder_is_one_line_naming_it_and_exit_code_1()
    {
        string empty = Directory.CreateDirectory(Path.Combine(Root, "empty")).FullName;

        (int exit, string errors) = Cli("run", "--stream", "--data", empty, "--out", Path.Combine(Root, "out"), "--quiet");

        Assert.Equal(1, exit);
        Assert.Equal($"error: {empty}: the folder holds no *.csv files; expected CSV shards", errors);
    }

    [Fact]
    public void Run_stream_with_data_of_separators_only_is_one_line_naming_the_option_and_exit_code_1()
    {
        string separators = $"{Path.PathSeparator} {Path.PathSeparator}";

        (int exit, string errors) = Cli("run", "--stream", "--data", separators, "--out", Path.Combine(Root, "out"), "--quiet");

        Assert.Equal(1, exit);
        Assert.StartsWith($"error: --data '{separators}': names no file or folder; expected CSV files or folders of CSV shards", errors);
    }
}
