using MlDsl.Analysis;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Pipelines;

namespace MlDsl.Tests.Labels;

/// <summary>A pipeline over a regression label: MAE/RMSE/R² per slice, gated, exported, evaluated from the artifact.</summary>
public sealed class RegressionPipelineTests() : TemporaryFolder("mldsl-regression")
{
    private PipelineRun Run(string name, Gate? gate = null) =>
        PipelineRunner.Run(ProgressionPipeline.Definition with { ExportDirectory = Path.Combine(Root, name, "artifact"), Gate = gate ?? ProgressionPipeline.Definition.Gate },
            new PipelineOptions { OutputDirectory = Path.Combine(Root, name, "out"), Quiet = true });

    [Fact]
    public void A_regression_pipeline_is_judged_by_its_errors_and_exports_them()
    {
        PipelineRun run = Run("full");

        Assert.Equal(0, run.ExitCode);
        var test = Assert.IsType<RegressionReport>(run.Test);
        Assert.True(test.MeanAbsoluteError < run.Training!.BaselineMeanAbsoluteError, $"{test} vs mean predictor {run.Training.BaselineMeanAbsoluteError}");
        Assert.Contains("mean predictor MAE", run.Stages.Single(stage => stage.Stage == "analyze").Outcome);
        Assert.Equal(new[] { "MAE", "R²", "worst slice MAE", "bias gap", "single-row latency" },
            run.Gate!.Checks.Select(check => string.Join(' ', check[6..].Split(' ').TakeWhile(word => !char.IsDigit(word[0])))));
        OpenedArtifact artifact = ModelArtifact.Open(run.ArtifactDirectory!);
        Assert.Equal(test.MeanAbsoluteError, artifact.Manifest.Metrics["mae"], 9);
        Assert.Equal(test.RSquared, artifact.Manifest.Metrics["r2"], 9);
        Assert.Empty(artifact.Manifest.ClassNames);
        PngFiles.AssertPicture(Path.Combine(Root, "full", "out", "slices.png"), width: 800, height: 500, minimumColouredShare: 0.25); // the bars: 57% measured
        Assert.False(File.Exists(Path.Combine(Root, "full", "out", "confusion.png")));

        using (DeployedModel<DiabetesPatient, ProgressionMlp> deployed = ProgressionPipeline.Definition.Deploy(run.ArtifactDirectory))
        {
            DiabetesPatient[] rows = ProgressionPipeline.Definition.Ingest().Take(3).ToArray();
            float one = deployed.Predict(rows[0]); // typed: a regression model predicts a float
            Assert.Equal(deployed.Predict(rows)[0], one, 1e-5f); // a batch of three and a batch of one may round differently
            Assert.Equal(deployed.Predict(rows)[0].ToString("G6", System.Globalization.CultureInfo.InvariantCulture), deployed.Describe(rows)[0]);
        }
        var output = new StringWriter();
        int exit = PipelineCommandLine.Run(ProgressionPipeline.Definition, new[] { "evaluate", "--artifact", run.ArtifactDirectory! }, output);
        Assert.Equal(0, exit);
        Assert.StartsWith(test.ToString().Split('\n')[0], output.ToString());
    }

    [Fact]
    public void A_classification_criterion_on_a_regression_model_fails_as_not_measured()
    {
        PipelineRun run = Run("wrong-metric", new Gate().MinimumAccuracy(0.9));

        Assert.Equal(4, run.ExitCode);
        Assert.Equal(new[] { "accuracy: not measured (this report has no metric 'accuracy'; it has bias_gap, mae, r2, rmse)" }, run.Gate!.Failures);
    }
}
