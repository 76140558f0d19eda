using MlDsl.Analysis;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Pipelines;

namespace MlDsl.Tests.Pipelines;

/// <summary>The generated breast-cancer pipeline, run end to end on the real CSV.</summary>
public sealed class PipelineTests() : TemporaryFolder("mldsl-pipeline")
{
    private PipelineRun Run(string name, PipelineDefinition<Tumour, TumourMlp>? definition = null, int? seed = null) =>
        PipelineRunner.Run((definition ?? TumourPipeline.Definition) with { ExportDirectory = Path.Combine(Root, name, "artifact") },
            new PipelineOptions { OutputDirectory = Path.Combine(Root, name, "out"), Quiet = true, Seed = seed });

    [Fact]
    public void A_run_goes_through_every_stage_and_exports_a_verified_artifact_with_report_and_plots()
    {
        PipelineRun run = Run("full");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new[] { "ingest", "split", "validate", "transform", "train", "analyze", "gate", "export" }, run.Stages.Select(stage => stage.Stage));
        Assert.Equal("standardize fitted on the training split", run.Stages[3].Outcome);
        var test = Assert.IsType<ClassificationReport>(run.Test);
        Assert.True(test.Accuracy > run.Training!.BaselineAccuracy + 0.2);
        Assert.InRange(test.RocAuc!.Value, 0.95, 1.0); // binary task: ROC-AUC from the predicted probabilities
        OpenedArtifact artifact = ModelArtifact.Open(run.ArtifactDirectory!);
        Assert.Equal("TumourPipeline", artifact.Manifest.Settings["pipeline"]);
        // Measured: the two curves colour 0.7% of their figure, the confusion matrix's cells 60% of theirs.
        PngFiles.AssertPicture(Path.Combine(Root, "full", "out", "learning-curves.png"), width: 800, height: 500, minimumColouredShare: 0.002);
        PngFiles.AssertPicture(Path.Combine(Root, "full", "out", "confusion.png"), width: 800, height: 500, minimumColouredShare: 0.25);
        // TumourMlp holds 30*32+32 + 32*16+16 + 16*2+2 = 1,554 floats: 6,216 bytes in memory.
        Assert.Matches(@"\| gate \| passed \(single-row latency \d+\.\d\d ms, model file \d+\.\d kB, weights in memory 6\.2 kB\) \|",
            File.ReadAllText(Path.Combine(Root, "full", "out", "report.md")));
    }

    [Fact]
    public void The_same_seed_gives_identical_metrics()
    {
        PipelineRun first = Run("first", seed: 5), second = Run("second", seed: 5);

        Assert.Equal(first.Training!.Epochs.Select(epoch => epoch.TrainLoss), second.Training!.Epochs.Select(epoch => epoch.TrainLoss));
        Assert.Equal(first.Test!.Metrics, second.Test!.Metrics);
        Assert.Equal(((ClassificationReport)first.Test).Confusion, ((ClassificationReport)second.Test).Confusion);
    }

    [Fact]
    public void A_failed_gate_stops_before_export_and_says_by_how_much()
    {
        PipelineRun run = Run("strict", TumourPipeline.Definition with { Gate = new Gate().MinimumAccuracy(0.9999) });

        Assert.Equal(4, run.ExitCode);
        Assert.Null(run.ArtifactDirectory);
        Assert.False(Directory.Exists(Path.Combine(Root, "strict", "artifact")));
        Assert.Matches(@"^accuracy \d+\.\d\d% is below the minimum 99\.99% by \d+\.\d\d%$", Assert.Single(run.Gate!.Failures));
        Assert.DoesNotContain(run.Stages, stage => stage.Stage == "export");
    }
}
