using MlDsl.Analysis;
using MlDsl.Deployment;
using MlDsl.Examples.Mnist;
using MlDsl.Pipelines;
using MlDsl.Training;

namespace MlDsl.Tests.Labels;

/// <summary>A multi-label model through the whole pipeline: subset accuracy gated, label names exported, predictions as label sets.</summary>
public sealed class MultiLabelPipelineTests() : TemporaryFolder("mldsl-multilabel")
{
    private static IReadOnlyList<DigitTraits> Rows()
    {
        Digit[] digits = MnistDigits.Load().ToArray();
        new Random(2).Shuffle(digits);
        return digits[..2500].Select(DigitTraits.Of).ToArray();
    }

    [Fact]
    public void A_multi_label_pipeline_gates_on_subset_accuracy_and_predicts_label_sets()
    {
        var pipeline = new PipelineDefinition<DigitTraits, TraitNet>("TraitPipeline", Rows, seed => new TraitNet(seed), TraitNet.Load, TraitNet.ModelName)
        {
            Training = new FitOptions { Epochs = 2, Seed = 2 },
            // Measured: subset accuracy 60.6%, micro F1 0.816; the minimums leave room for thread-count rounding.
            Gate = new Gate().Minimum("subset_accuracy", 0.5).Minimum("micro_f1", 0.7),
            ClassNames = DigitTraits.Names,
            ExportDirectory = Path.Combine(Root, "artifact"),
        };

        PipelineRun run = PipelineRunner.Run(pipeline, new PipelineOptions { OutputDirectory = Path.Combine(Root, "out"), Quiet = true });

        Assert.True(run.ExitCode == 0, run.ToString());
        // The gate judged both named metrics (a gate that skipped them would pass too).
        Assert.Contains(run.Gate!.Checks, check => check.StartsWith("pass  subset accuracy ", StringComparison.Ordinal) && check.EndsWith("(the minimum is 50.00%)", StringComparison.Ordinal));
        Assert.Contains(run.Gate.Checks, check => check.StartsWith("pass  micro F1 ", StringComparison.Ordinal) && check.EndsWith("(the minimum is 0.7)", StringComparison.Ordinal));
        var test = Assert.IsType<MultiLabelReport>(run.Test);
        OpenedArtifact artifact = ModelArtifact.Open(run.ArtifactDirectory!);
        Assert.Equal(DigitTraits.Names, artifact.Manifest.ClassNames);
        Assert.Equal(test.SubsetAccuracy, artifact.Manifest.Metrics["subset_accuracy"], 9);
        using DeployedModel<DigitTraits, TraitNet> deployed = pipeline.Deploy();
        DigitTraits[] some = Rows().Take(50).ToArray();
        string[] described = deployed.Describe(some);
        Assert.Equal(4, deployed.Predict(some[0]).Length); // typed: a multi-label model predicts a bool per label
        // Most digits' predicted trait sets are exactly their true sets, written as names joined by '|'.
        Assert.True(described.Where((text, i) => text == string.Join("|", some[i].Traits)).Count() > 35, string.Join(", ", described));
    }
}
