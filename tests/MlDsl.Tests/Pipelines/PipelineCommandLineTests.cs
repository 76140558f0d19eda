using MlDsl.Examples.BreastCancer;
using MlDsl.Pipelines;

namespace MlDsl.Tests.Pipelines;

/// <summary>The pipeline command line: run, validate, evaluate, predict and monitor against an exported artifact.</summary>
public sealed class PipelineCommandLineTests() : TemporaryFolder("mldsl-cli")
{
    private (int Exit, string Output) Cli(PipelineDefinition<Tumour, TumourMlp> definition, params string[] args)
    {
        var output = new StringWriter();
        int exit = PipelineCommandLine.Run(definition, args, output);
        return (exit, output.ToString());
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
        (int driftExit, string drift) = Cli(definition, "monitor", "--data", shifted);
        // The pipeline's [Monitor] thresholds decide: any KS difference at all, however insignificant, counts here.
        var hairTrigger = definition with { Monitoring = new MlDsl.Deployment.DriftThresholds { KsPValue = 1.01, KsStatistic = 0, Psi = 0 } };
        (int touchyExit, _) = Cli(hairTrigger, "monitor", "--data", csv);

        Assert.True(runExit == 0, runOutput);
        Assert.StartsWith("exported ", runOutput);
        Assert.Equal(0, predictExit);
        string[] rows = predictions.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(569, rows.Length);
        Assert.All(rows, row => Assert.Matches(@"^\d+\t(malignant|benign)$", row));
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
