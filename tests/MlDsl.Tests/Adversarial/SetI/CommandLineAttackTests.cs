using MlDsl.Examples.BreastCancer;
using MlDsl.Pipelines;

namespace MlDsl.Tests.Adversarial.SetI;

/// <summary>
/// Command-line options out of range or malformed. Each is exit code 1 with one error line naming the option, before any
/// stage runs (never exit 70, "a bug", never a run that starts with a nonsense setting).
/// </summary>
public sealed class CommandLineAttackTests() : TemporaryFolder("mldsl-seti-cli")
{
    private (int Exit, string Errors, string Output) Cli(params string[] args)
    {
        var errors = new StringWriter();
        var output = new StringWriter();
        int exit = PipelineCommandLine.Run(TumourPipeline.Definition with { ExportDirectory = Path.Combine(Root, "artifact") }, args, output, errors);
        return (exit, errors.ToString().Trim(), output.ToString());
    }

    private void RefusedNaming(string option, params string[] args)
    {
        (int exit, string errors, string output) = Cli(args);

        Assert.True(exit == 1, $"exit {exit}; errors: {errors}; output: {output[..Math.Min(400, output.Length)]}");
        Assert.Contains(option, errors);
        Assert.False(Directory.Exists(Path.Combine(Root, "artifact")), "the pipeline exported despite the bad option");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("99999999999")]
    [InlineData("ten")]
    public void An_epoch_count_that_is_not_a_positive_integer_is_refused_naming_it(string epochs)
    {
        RefusedNaming("--epochs", "run", "--epochs", epochs, "--out", Path.Combine(Root, "out"), "--quiet");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999")]
    public void A_seed_that_is_not_an_integer_is_refused_naming_it(string seed)
    {
        RefusedNaming("--seed", "run", "--seed", seed, "--out", Path.Combine(Root, "out"), "--quiet");
    }

    [Theory]
    [InlineData("tpu")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    [InlineData("")]
    public void A_device_that_is_no_device_is_refused_naming_the_option(string device)
    {
        RefusedNaming("--device", "run", "--device", device, "--out", Path.Combine(Root, "out"), "--quiet");
    }

    [Fact]
    public void An_unknown_engine_is_refused_naming_the_option()
    {
        RefusedNaming("--engine", "evaluate", "--engine", "fast", "--artifact", Path.Combine(Root, "artifact"));
    }

    [Fact]
    public void An_empty_out_option_is_refused_naming_it()
    {
        RefusedNaming("--out", "run", "--out", "", "--quiet");
    }

    [Fact]
    public void An_empty_data_option_is_refused_naming_it()
    {
        RefusedNaming("--data", "run", "--data", "", "--out", Path.Combine(Root, "out"), "--quiet");
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("predict")]
    [InlineData("monitor")]
    public void An_empty_data_option_of_the_other_commands_is_refused_naming_it(string command)
    {
        RefusedNaming("--data", command, "--data", "");
    }

    [Fact]
    public void A_data_file_in_utf16_is_refused_naming_it()
    {
        string data = Path.Combine(Root, "rows.csv");
        File.WriteAllText(data, "a,b\n1,2\n", System.Text.Encoding.Unicode);

        (int exit, string errors, _) = Cli("run", "--data", data, "--out", Path.Combine(Root, "out"), "--quiet");

        Assert.Equal(1, exit);
        Assert.Contains(data, errors);
    }

    [Theory]
    [InlineData("--folds", "1")]
    [InlineData("--folds", "0")]
    [InlineData("--folds", "-3")]
    [InlineData("--fold-epochs", "0")]
    [InlineData("--fold-epochs", "-1")]
    public void A_doctor_option_out_of_range_is_refused_naming_it(string option, string value)
    {
        RefusedNaming(option, "doctor", option, value, "--out", Path.Combine(Root, "doctor"));
    }
}
