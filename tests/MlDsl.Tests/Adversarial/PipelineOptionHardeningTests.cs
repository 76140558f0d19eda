using MlDsl.Examples.BreastCancer;
using MlDsl.Pipelines;

namespace MlDsl.Tests.Adversarial;

/// <summary>
/// Command-line options a user gets wrong that the pipeline accepted until late: an <c>--out</c> where a file stands (an
/// IOException after the data was read: exit 70, "a bug", naming neither the option nor the fix), and a <c>doctor --folds</c>
/// beyond the training rows (a DataStepException, exit 70, naming no option), and a <c>--threads</c> so large that libtorch's
/// thread pool aborts the process ("Out of memory.", measured with 100000); and a <c>--data</c> naming a folder was "no such CSV file". Each is now one line naming the option, exit 1.
/// </summary>
public sealed class PipelineOptionHardeningTests() : TemporaryFolder("mldsl-option-hardening")
{
    private static (int Exit, string Errors) Cli(params string[] args)
    {
        var errors = new StringWriter();
        int exit = PipelineCommandLine.Run(TumourPipeline.Definition with { ExportDirectory = Path.Combine(Path.GetTempPath(), "unused") }, args, new StringWriter(), errors);
        return (exit, errors.ToString().Trim());
    }

    [Theory]
    [InlineData("run")]
    [InlineData("doctor")]
    public void An_out_folder_where_a_file_stands_is_refused_naming_the_option(string command)
    {
        string file = Path.Combine(Root, "report");
        File.WriteAllText(file, "a file, not a folder");
        string inside = Path.Combine(file, "nested");

        (int exit, string errors) = Cli(command, "--out", file);
        (int insideExit, string insideErrors) = Cli(command, "--out", inside);

        Assert.Equal(1, exit);
        Assert.Equal($"error: --out {file}: is a file; expected a folder (made when missing)", errors);
        Assert.Equal(1, insideExit);
        Assert.Equal($"error: --out {inside}: {file} is a file, so the folder cannot be made inside it; expected a folder path", insideErrors);
        Assert.Equal("a file, not a folder", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("predict")]
    [InlineData("evaluate")]
    public void A_thread_count_that_would_abort_libtorch_is_refused_before_libtorch_is_told(string command)
    {
        int before = TorchSharp.torch.get_num_threads();
        string[] args = command == "predict"
            ? [command, "--threads", "100000", "--data", SklearnData.BreastCancerCsv(), "--artifact", Root]
            : [command, "--threads", "100000", "--out", Path.Combine(Root, "out")];
        if (command == "evaluate") args = [command, "--threads", "100000", "--artifact", Root];
        int most = Math.Max(64, 4 * Environment.ProcessorCount);

        (int exit, string errors) = Cli(args);
        (int edgeExit, string edgeErrors) = Cli(command == "predict"
            ? [command, "--threads", (most + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", SklearnData.BreastCancerCsv(), "--artifact", Root]
            : [command, "--threads", (most + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), command == "run" ? "--out" : "--artifact", Path.Combine(Root, "out")]);

        Assert.Equal(1, exit);
        Assert.Equal($"error: --threads: expected at most {most} (4 per logical processor, at least 64; this machine has {Environment.ProcessorCount}) but got 100000", errors);
        Assert.Equal(1, edgeExit);
        Assert.EndsWith($"but got {most + 1}", edgeErrors);
        Assert.Equal(before, TorchSharp.torch.get_num_threads());
    }

    [Theory]
    [InlineData("run")]
    [InlineData("predict")]
    public void Data_naming_a_folder_says_it_is_a_folder(string command)
    {
        string folder = Directory.CreateDirectory(Path.Combine(Root, "rows.csv")).FullName;

        (int exit, string errors) = Cli(command == "run" ? [command, "--data", folder, "--out", Path.Combine(Root, "out")] : [command, "--data", folder, "--artifact", Root]);

        Assert.Equal(1, exit);
        Assert.Equal($"error: {folder}: is a folder; expected a CSV file", errors);
    }

    [Fact]
    public void Doctor_folds_beyond_the_training_rows_is_one_line_naming_the_option_and_exit_code_1()
    {
        (int exit, string errors) = Cli("doctor", "--folds", "100000", "--fold-epochs", "1", "--out", Path.Combine(Root, "doctor"));

        Assert.Equal(1, exit);
        Assert.Matches(@"^error: --folds 100000: Folds: Folds = 100000 but there are only \d+ rows; expected at most \d+ folds$", errors);
    }
}
