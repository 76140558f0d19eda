using MlDsl.Examples.BreastCancer;
using MlDsl.Pipelines;

namespace MlDsl.Tests.Adversarial;

/// <summary>
/// Command-line options a user gets wrong that the pipeline accepted until late: an <c>--out</c> where a file stands (an
/// IOException after the data was read: exit 70, "a bug", naming neither the option nor the fix), and a <c>doctor --folds</c>
/// beyond the training rows (a DataStepException, exit 70, naming no option). Each is now one line naming the option, exit 1.
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

    [Fact]
    public void Doctor_folds_beyond_the_training_rows_is_one_line_naming_the_option_and_exit_code_1()
    {
        (int exit, string errors) = Cli("doctor", "--folds", "100000", "--fold-epochs", "1", "--out", Path.Combine(Root, "doctor"));

        Assert.Equal(1, exit);
        Assert.Matches(@"^error: --folds 100000: Folds: Folds = 100000 but there are only \d+ rows; expected at most \d+ folds$", errors);
    }
}
