using MlDsl.Data.Imputation;
using MlDsl.Data.Resampling;
using MlDsl.Data.Splits;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Pipelines;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Pipelines;

/// <summary>The real breast-cancer rows with every seventh row missing one measurement.</summary>
[Pipeline(typeof(TumourMlp), ClassNames = new[] { "malignant", "benign" }, CsvHasHeader = false, CsvSkipLines = 1)]
[Split(Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.2, Seed = 7)]
[Transform(TransformKind.Standardize, Impute = ImputeStrategy.Median)]
[Train(Epochs = 12, BatchSize = 32, LearningRate = 3e-3, Seed = 7, Oversample = OversampleKind.Smote)]
[Gate(MinAccuracy = 0.9)]
[Export("artifacts/gappy-tumour")]
public sealed partial class GappyTumourPipeline
{
    [Ingest] private static IReadOnlyList<Tumour> Load() => GappyTumours.Rows();
}

internal static class GappyTumours
{
    public static IReadOnlyList<Tumour> Rows() =>
        BreastCancerRows.Load().Select((row, i) => i % 7 == 0 ? WithMissing(row, i % 30) : row).ToArray();

    public static Tumour WithMissing(Tumour row, int feature)
    {
        float[] measurements = row.Measurements.ToArray();
        measurements[feature] = float.NaN;
        return row with { Measurements = measurements };
    }
}

public sealed class ImputingPipelineTests() : TemporaryFolder("mldsl-imputing-pipeline")
{
    private PipelineRun Run(string name, PipelineDefinition<Tumour, TumourMlp> definition) =>
        PipelineRunner.Run(definition with { ExportDirectory = Path.Combine(Root, name, "artifact") },
            new PipelineOptions { OutputDirectory = Path.Combine(Root, name, "out"), Quiet = true });

    [Fact]
    public void The_generator_reads_impute_and_oversample_from_the_stage_attributes()
    {
        Assert.Equal(ImputeStrategy.Median, GappyTumourPipeline.Definition.Impute);
        Assert.Equal(OversampleKind.Smote, GappyTumourPipeline.Definition.Oversample);
        Assert.Equal(TransformKind.Standardize, GappyTumourPipeline.Definition.Transform);
        Assert.Equal(12, GappyTumourPipeline.Definition.Training.Epochs); // the other [Train] options still reach FitOptions
    }

    [Fact]
    public void Missing_values_are_filled_from_the_training_split_oversampled_and_filled_the_same_way_when_serving()
    {
        PipelineRun run = Run("gappy", GappyTumourPipeline.Definition);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new[] { "ingest", "split", "validate", "impute", "transform", "oversample", "train", "analyze", "gate", "export" },
            run.Stages.Select(stage => stage.Stage));
        DataSplit<Tumour> split = GappyTumours.Rows().Split(GappyTumourPipeline.Definition.Split);
        int largest = split.Train.GroupBy(row => row.Diagnosis).Max(group => group.Count());
        Assert.Equal($"Smote: {split.Train.Count} -> {2 * largest} training rows", run.Stages[5].Outcome);

        using DeployedModel<Tumour, TumourMlp> deployed = GappyTumourPipeline.Definition.Deploy(run.ArtifactDirectory);
        Imputer saved = ModelArtifact.Open(run.ArtifactDirectory!).Imputer!;
        Assert.Equal(Imputer.Fit(split.Train, ImputeStrategy.Median).Statistics, saved.Statistics);
        Tumour[] gappy = split.Test.Take(20).Select((row, i) => GappyTumours.WithMissing(row, i)).ToArray();
        Tumour[] filledByHand = gappy.Select(row => row with
            { Measurements = row.Measurements.Select((value, f) => float.IsNaN(value) ? saved.Statistics[f] : value).ToArray() }).ToArray();
        Assert.Equal(deployed.Predict(filledByHand), deployed.Predict(gappy));
        Assert.DoesNotContain(deployed.Prepare(gappy), row => row.Measurements.Any(float.IsNaN));
    }

    [Fact]
    public void Without_imputation_the_same_missing_values_fail_validation()
    {
        PipelineRun run = Run("strict", GappyTumourPipeline.Definition with { Impute = ImputeStrategy.None });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Data!.Failures, failure => failure.Contains("missing values in the training split"));
    }
}
