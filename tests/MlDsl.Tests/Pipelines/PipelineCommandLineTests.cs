using MlDsl.Examples.BreastCancer;
using MlDsl.Pipelines;

namespace MlDsl.Tests.Pipelines;

/// <summary>The pipeline command line: run, validate, evaluate, predict and monitor against an exported artifact.</summary>
public sealed class PipelineCommandLineTests() : TemporaryFolder("mldsl-cli")
{
    private (int Exit, string Output) Cli(PipelineDefinition<Tumour, TumourMlp> definition, params string[] args)
    {
        (int exit, string output, _) = CliWithErrors(definition, args);
        return (exit, output);
    }

    private static (int Exit, string Output, string Errors) CliWithErrors(PipelineDefinition<Tumour, TumourMlp> definition, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int exit = PipelineCommandLine.Run(definition, args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    /// <summary>A file like scikit-learn's: its count line, then the given rows of the real data (each with its diagnosis unless <paramref name="dropLabel"/>).</summary>
    private string DataFile(string name, int rows, bool dropLabel = false, Func<int, string, string>? edit = null)
    {
        string[] lines = File.ReadAllLines(SklearnData.BreastCancerCsv());
        IEnumerable<string> kept = lines.Skip(1).Take(rows).Select((line, i) => edit?.Invoke(i, line) ?? line)
            .Select(line => dropLabel ? line[..line.LastIndexOf(',')] : line);
        string path = Path.Combine(Root, name);
        File.WriteAllLines(path, lines.Take(1).Concat(kept));
        return path;
    }

    private static void AssertOneLineError(string errors, string expected)
    {
        string[] lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, errors);
        Assert.Equal("error: " + expected, lines[0].TrimEnd('\r'));
    }

    [Fact]
    public void A_file_with_no_rows_is_one_line_naming_it_and_exit_code_1()
    {
        string empty = Path.Combine(Root, "empty.csv");
        File.WriteAllText(empty, "");
        string countLineOnly = DataFile("count-line-only.csv", rows: 0);

        (int runExit, _, string runErrors) = CliWithErrors(TumourPipeline.Definition, "run", "--data", empty, "--out", Path.Combine(Root, "out"), "--quiet");
        (int predictExit, _, string predictErrors) = CliWithErrors(TumourPipeline.Definition, "predict", "--data", countLineOnly, "--artifact", Root);

        Assert.Equal(1, runExit);
        AssertOneLineError(runErrors, $"{empty}: no rows; expected Tumour rows (30 feature values and the label Diagnosis each)");
        Assert.Equal(1, predictExit);
        AssertOneLineError(predictErrors, $"{countLineOnly}: no rows; expected Tumour rows (30 feature values and the label Diagnosis each)");
    }

    [Fact]
    public void Too_few_rows_to_split_is_one_line_with_the_part_sizes_and_exit_code_1()
    {
        string four = DataFile("four.csv", rows: 4);
        // The MNIST pipeline's split: a tenth of 4 rows rounds to no validation rows at all.
        var definition = TumourPipeline.Definition with { Split = TumourPipeline.Definition.Split with { Validation = 0.1, Test = 0.2 } };

        (int exit, _, string errors) = CliWithErrors(definition, "run", "--data", four, "--out", Path.Combine(Root, "out"), "--quiet");
        (int validateExit, _, string validateErrors) = CliWithErrors(definition, "validate", "--data", four);

        Assert.Equal(1, exit);
        Assert.Matches($@"^error: {System.Text.RegularExpressions.Regex.Escape(four)}: 4 rows are too few for the split \(Stratified, validation 0\.1, test 0\.2\): it gives \d training, 0 validation and \d test rows; each part needs at least one row\s*$", errors);
        Assert.Equal((1, errors), (validateExit, validateErrors));
    }

    [Fact]
    public void A_label_out_of_range_is_one_line_naming_the_line_and_exit_code_1()
    {
        string bad = DataFile("bad-label.csv", rows: 40, edit: (i, line) => i == 6 ? line[..(line.LastIndexOf(',') + 1)] + "7" : line);

        (int exit, _, string errors) = CliWithErrors(TumourPipeline.Definition, "run", "--data", bad, "--out", Path.Combine(Root, "out"), "--quiet");

        Assert.Equal(1, exit);
        // The CSV reader refuses it (line 8: the header is line 1), with the 0-based hint.
        AssertOneLineError(errors, $"{bad}, line 8, column #30: expected a class index in [0, 1] for Diagnosis but found '7'; labels are 0-based: the 2 classes are 0 to 1");
    }

    [Theory]
    [InlineData("0", "--epochs: expected a whole number of at least 1 but got 0")]
    [InlineData("-3", "--epochs: expected a whole number of at least 1 but got -3")]
    public void A_bad_option_value_is_one_line_naming_the_option_and_exit_code_1(string epochs, string expected)
    {
        (int exit, _, string errors) = CliWithErrors(TumourPipeline.Definition, "run", "--epochs", epochs, "--out", Path.Combine(Root, "out"));

        Assert.Equal(1, exit);
        AssertOneLineError(errors, expected);
    }

    [Theory]
    [InlineData("run", "--threads", "0", "--threads: expected a whole number of at least 1 but got 0")]
    [InlineData("predict", "--threads", "-2", "--threads: expected a whole number of at least 1 but got -2")]
    [InlineData("run", "--device", "gpu", "--device: expected cpu, cuda or cuda:N (N a device index) but got 'gpu'")]
    [InlineData("evaluate", "--device", "cpu:1", "--device: expected cpu, cuda or cuda:N (N a device index) but got 'cpu:1'")]
    public void A_bad_threads_or_device_value_is_one_line_naming_the_option_and_exit_code_1(string command, string option, string value, string expected)
    {
        string[] args = command == "run" ? ["run", option, value, "--out", Path.Combine(Root, "out")] : [command, option, value, "--data", SklearnData.BreastCancerCsv(), "--artifact", Root];

        (int exit, _, string errors) = CliWithErrors(TumourPipeline.Definition, args);

        Assert.Equal(1, exit);
        AssertOneLineError(errors, expected);
    }

    [Theory]
    [InlineData("run", "cuda")]
    [InlineData("predict", "cuda:1")]
    public void A_CUDA_device_without_a_CUDA_libtorch_is_one_line_naming_the_option_and_the_installed_libtorch(string command, string device)
    {
        Assert.False(TorchSharp.torch.cuda.is_available(), "this test needs the CPU libtorch the tests reference");
        bool ingested = false;
        var definition = TumourPipeline.Definition with { Ingest = () => { ingested = true; return TumourPipeline.Definition.Ingest(); } };
        string[] args = command == "run" ? ["run", "--device", device, "--out", Path.Combine(Root, "out")] : [command, "--device", device, "--data", SklearnData.BreastCancerCsv(), "--artifact", Root];

        (int exit, _, string errors) = CliWithErrors(definition, args);

        Assert.Equal(1, exit);
        AssertOneLineError(errors, $"--device {device}: this program's libtorch has no CUDA (installed: libtorch-cpu-linux-x64 2.10.0); "
            + "reference TorchSharp-cuda-linux or TorchSharp-cuda-windows instead of the CPU libtorch package, or use --device cpu");
        Assert.False(ingested, "the device is checked before any work starts");
    }

    [Fact]
    public void Threads_sets_libtorchs_threads_while_a_command_runs_serving_defaults_to_one_and_the_count_is_restored()
    {
        int before = TorchSharp.torch.get_num_threads();
        int other = before == 3 ? 2 : 3;
        var seen = new List<(string Where, int Threads)>();
        var definition = TumourPipeline.Definition with
        {
            ExportDirectory = Path.Combine(Root, "artifact"),
            Training = TumourPipeline.Definition.Training with { OnEpoch = _ => seen.Add(("fit", TorchSharp.torch.get_num_threads())) },
            Ingest = () => { seen.Add(("ingest", TorchSharp.torch.get_num_threads())); return TumourPipeline.Definition.Ingest(); },
            LoadModel = path => { seen.Add(("load", TorchSharp.torch.get_num_threads())); return TumourPipeline.Definition.LoadModel(path); },
        };

        (int runExit, string runOutput) = Cli(definition, "run", "--threads", other.ToString(System.Globalization.CultureInfo.InvariantCulture), "--device", "cpu", "--out", Path.Combine(Root, "out"), "--quiet");
        int afterRun = TorchSharp.torch.get_num_threads();
        (int servedExit, _) = Cli(definition, "predict", "--data", SklearnData.BreastCancerCsv());
        (int twoExit, _) = Cli(definition, "evaluate", "--threads", "2");

        Assert.True(runExit == 0, runOutput);
        Assert.Equal((0, 0), (servedExit, twoExit));
        // evaluate without --data ingests the pipeline's rows for its test split, at its --threads.
        Assert.Equal(new[] { ("ingest", other), ("fit", other), ("ingest", 2) }, seen.Where(entry => entry.Where != "load").Distinct().ToArray());
        Assert.Equal(new[] { 1, 2 }, seen.Where(entry => entry.Where == "load").Skip(seen.Count(entry => entry.Where == "load") - 2).Select(entry => entry.Threads));
        Assert.Equal(before, afterRun);
        Assert.Equal(before, TorchSharp.torch.get_num_threads());
    }

    [Fact]
    public void Help_documents_the_exit_codes()
    {
        (int exit, string help, _) = CliWithErrors(TumourPipeline.Definition, "--help");

        Assert.Equal(0, exit);
        Assert.Contains("Exit codes: 0 success; 1 unusable input", help);
        Assert.Contains("2 data validation failed; 3 drift detected; 4 gate failed; 5 a doctor check failed; 70 unexpected failure", help);
    }

    [Fact]
    public void Run_then_predict_evaluate_and_monitor_the_exported_artifact()
    {
        var definition = TumourPipeline.Definition with { ExportDirectory = Path.Combine(Root, "artifact") };
        string csv = SklearnData.BreastCancerCsv();
        string[] lines = File.ReadAllLines(csv);
        string shifted = Path.Combine(Root, "shifted.csv");
        // Every tumour's first measurement (mean radius) doubled: a drift the monitor must see.
        File.WriteAllLines(shifted, lines.Take(1).Concat(lines.Skip(1).Select(line =>
        {
            string[] fields = line.Split(',');
            fields[0] = (double.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture) * 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return string.Join(',', fields);
        })));

        (int runExit, string runOutput) = Cli(definition, "run", "--out", Path.Combine(Root, "out"), "--quiet");
        (int predictExit, string predictions) = Cli(definition, "predict", "--data", csv);
        (int evaluateExit, string evaluation) = Cli(definition, "evaluate");
        (int sameExit, string same) = Cli(definition, "monitor", "--data", csv);
        // Serving data has no diagnosis column.
        string unlabelled = DataFile("unlabelled.csv", rows: 569, dropLabel: true);
        (int servedExit, string served) = Cli(definition, "predict", "--data", unlabelled);
        (int servedMonitorExit, string servedMonitor) = Cli(definition, "monitor", "--data", unlabelled);
        (int driftExit, string drift) = Cli(definition, "monitor", "--data", shifted);
        // The pipeline's [Monitor] thresholds decide: any KS difference at all, however insignificant, counts here
        // (a significance level of 1, the top of its range: DriftMonitor refuses one above 1, which makes every feature drift).
        var hairTrigger = definition with { Monitoring = new MlDsl.Deployment.DriftThresholds { KsPValue = 1, KsStatistic = 0, Psi = 0 } };
        (int touchyExit, _) = Cli(hairTrigger, "monitor", "--data", csv);

        Assert.True(runExit == 0, runOutput);
        Assert.StartsWith("exported ", runOutput);
        Assert.Equal(0, predictExit);
        string[] rows = predictions.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(569, rows.Length);
        Assert.All(rows, row => Assert.Matches(@"^\d+\t(malignant|benign)$", row));
        Assert.Equal((0, predictions), (servedExit, served));
        Assert.Equal((0, same), (servedMonitorExit, servedMonitor));
        Assert.Equal(0, evaluateExit);
        Assert.Contains("malignant", evaluation);
        Assert.Equal((0, 3, 3), (sameExit, driftExit, touchyExit));
        Assert.Contains("no drift", same);
        Assert.Contains("Measurements[0]", drift);
        Assert.Contains("DRIFTED", drift);
    }

    [Fact]
    public void Validate_prints_the_report_and_a_missing_artifact_is_a_clear_error()
    {
        var definition = TumourPipeline.Definition with { ExportDirectory = Path.Combine(Root, "nowhere") };

        (int validateExit, string report) = Cli(definition, "validate");
        (int predictExit, _) = Cli(definition, "predict", "--data", SklearnData.BreastCancerCsv());

        Assert.Equal(0, validateExit);
        Assert.Contains("data validation passed", report);
        Assert.Equal(1, predictExit);
    }
}
