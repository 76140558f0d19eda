using MlDsl.Doctor;
using MlDsl.Examples.BreastCancer;
using MlDsl.Pipelines;

namespace MlDsl.Tests.Doctor;

/// <summary>The pipeline's <c>doctor</c> command on the real breast-cancer data: its training split, transformed as <c>run</c> transforms it.</summary>
public sealed class PipelineDoctorTests() : TemporaryFolder("mldsl-pipeline-doctor")
{
    private static (int Exit, string Output, string Errors) Cli(PipelineDefinition<Tumour, TumourMlp> definition, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int exit = PipelineCommandLine.Run(definition, args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Doctor_passes_the_healthy_breast_cancer_pipeline_and_writes_its_report_and_plots()
    {
        string folder = Path.Combine(Root, "doctor");

        (int exit, string output, string errors) = Cli(TumourPipeline.Definition, "doctor", "--out", folder, "--fold-epochs", "5");

        Assert.True(exit == 0, output + errors);
        Assert.DoesNotContain("FAIL", output);
        foreach (string check in new[] { "loss at initialisation", "input-independent baseline", "overfit one batch", "gradient flow", "learning-rate range test", "data as the model sees it", "label quality" })
            Assert.Contains(check, output);
        Assert.True(File.Exists(Path.Combine(folder, "doctor.md")));
        Assert.True(File.Exists(Path.Combine(folder, "lr-range-test.png")));
        Assert.True(File.Exists(Path.Combine(folder, "data-batch.png")));
    }

    [Fact]
    public void Doctor_exits_5_naming_the_checks_a_learning_rate_far_too_high_fails()
    {
        PipelineDefinition<Tumour, TumourMlp> broken = TumourPipeline.Definition with { Training = TumourPipeline.Definition.Training with { LearningRate = 50 } };

        (int exit, string output, _) = Cli(broken, "doctor", "--out", Path.Combine(Root, "broken"), "--fold-epochs", "2");

        Assert.Equal(5, exit);
        Assert.Contains("FAIL    learning-rate range test", output);
        Assert.Contains("FAIL    gradient flow", output);
    }

    [Fact]
    public void Doctor_refuses_a_fold_count_below_two_in_one_line()
    {
        (int exit, _, string errors) = Cli(TumourPipeline.Definition, "doctor", "--folds", "1", "--out", Path.Combine(Root, "x"));

        Assert.Equal(1, exit);
        Assert.Equal("error: --folds: expected a whole number of at least 2 but got 1", errors.Trim());
    }

    [Fact]
    public void The_generated_pipeline_offers_the_doctor_as_a_method()
    {
        DoctorReport report = TumourPipeline.Doctor(new DoctorOptions { Checks = DoctorCheck.InitialLoss | DoctorCheck.DataView });

        Assert.Equal(2, report.Findings.Count);
        Assert.True(report.Passed, report.ToString());
    }
}
