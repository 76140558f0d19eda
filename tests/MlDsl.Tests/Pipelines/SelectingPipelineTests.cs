using MlDsl.Data.Imputation;
using MlDsl.Data.Selection;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Pipelines;
using MlDsl.Tests.Data;
using MlDsl.Tests.Deployment;

namespace MlDsl.Tests.Pipelines;

/// <summary>The gappy breast-cancer rows, filled, then the 8 best of 30 measurements by chi² kept (issue #15 §2: feature selection as a pipeline stage).</summary>
[Pipeline(typeof(TumourMlp), ClassNames = new[] { "malignant", "benign" }, CsvHasHeader = false, CsvSkipLines = 1)]
[Split(Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.2, Seed = 5)]
[Transform(TransformKind.Standardize, Impute = ImputeStrategy.Median, SelectK = 8, SelectScore = ScoreFunction.ChiSquare)]
[Train(Epochs = 4, BatchSize = 32, LearningRate = 3e-3, Seed = 5)]
[Gate(MinAccuracy = 0.8)]
[Export("artifacts/selecting-tumour")]
public sealed partial class SelectingTumourPipeline
{
    [Ingest] private static IReadOnlyList<Tumour> Load() => GappyTumours.Rows();
}

public sealed class SelectingPipelineTests() : TemporaryFolder("mldsl-selecting-pipeline")
{
    private PipelineRun Run(string name, PipelineDefinition<Tumour, TumourMlp> definition) =>
        PipelineRunner.Run(definition with { ExportDirectory = Path.Combine(Root, name, "artifact") },
            new PipelineOptions { OutputDirectory = Path.Combine(Root, name, "out"), Quiet = true });

    private static DataSplit<Tumour> Split() => GappyTumours.Rows().Split(SelectingTumourPipeline.Definition.Split);

    [Fact]
    public void The_generator_reads_SelectK_and_SelectScore_from_the_transform_attribute()
    {
        Assert.Equal(8, SelectingTumourPipeline.Definition.SelectK);
        Assert.Equal(ScoreFunction.ChiSquare, SelectingTumourPipeline.Definition.SelectScore);
        Assert.Equal(ImputeStrategy.Median, SelectingTumourPipeline.Definition.Impute);
        // Look-alike: a pipeline that declares no selection keeps every feature.
        Assert.Equal(0, GappyTumourPipeline.Definition.SelectK);
        Assert.Null(GappyTumourPipeline.Definition.SelectScore);
    }

    [Fact]
    public void The_selector_is_fitted_on_the_filled_training_split_only_saved_reloaded_and_applied_by_predict()
    {
        PipelineRun run = Run("select", SelectingTumourPipeline.Definition);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new[] { "ingest", "split", "validate", "impute", "select", "transform", "train", "analyze", "gate", "export" },
            run.Stages.Select(stage => stage.Stage));

        // By hand, on the training rows only: the median imputer, then chi² on the filled rows.
        DataSplit<Tumour> split = Split();
        Imputer imputer = Imputer.Fit(split.Train, ImputeStrategy.Median);
        Tumour[] filledTrain = imputer.Apply(split.Train);
        SelectKBest byHand = SelectKBest.Fit(filledTrain, ScoreFunction.ChiSquare, 8);
        SelectKBest saved = ModelArtifact.Open(run.ArtifactDirectory!).Selector!;
        Assert.Equal(byHand.Selected, saved.Selected);
        Assert.Equal(byHand.Scores, saved.Scores);
        Assert.Equal(byHand.PValues, saved.PValues);
        Assert.Equal((ScoreFunction.ChiSquare, 8), (saved.Function, saved.K));
        // Fitted on all rows the choice or the scores would differ: the selector saw training rows only.
        SelectKBest onAllRows = SelectKBest.Fit(Imputer.Fit(GappyTumours.Rows(), ImputeStrategy.Median).Apply(GappyTumours.Rows()), ScoreFunction.ChiSquare, 8);
        Assert.NotEqual(onAllRows.Scores, saved.Scores);

        // The transform is fitted on the selected training rows, and prediction applies imputer, selector and transform in that order.
        using DeployedModel<Tumour, TumourMlp> deployed = SelectingTumourPipeline.Definition.Deploy(run.ArtifactDirectory);
        Standardizer transform = Standardizer.Fit(byHand.Apply(filledTrain));
        Tumour[] gappy = split.Test.Take(20).Select((row, i) => GappyTumours.WithMissing(row, i)).ToArray();
        Tumour[] preparedByHand = transform.Apply(byHand.Apply(imputer.Apply(gappy)));
        Tumour[] prepared = deployed.Prepare(gappy);
        for (int i = 0; i < gappy.Length; i++) Assert.Equal(preparedByHand[i].Measurements, prepared[i].Measurements);

        // What an unselected measurement holds never reaches the model.
        bool[] kept = Enumerable.Range(0, 30).Select(f => saved.Selected.Contains(f)).ToArray();
        Tumour[] scrambled = gappy.Select((row, i) => row with
            { Measurements = row.Measurements.Select((value, f) => kept[f] ? value : 1000f + 37 * f + i).ToArray() }).ToArray();
        Assert.Equal(deployed.Predict(gappy), deployed.Predict(scrambled));
        Assert.All(deployed.Prepare(scrambled), row => Assert.All(Enumerable.Range(0, 30).Where(f => !kept[f]), f => Assert.Equal(0f, row.Measurements[f])));
        Assert.Equal("ChiSquare k=8", deployed.Manifest.Settings["select"]);
    }

    [Fact]
    public void Without_a_declared_score_a_class_label_is_scored_by_ANOVA_F()
    {
        PipelineRun run = Run("anova", SelectingTumourPipeline.Definition with { SelectScore = null, SelectK = 5 });

        Assert.Equal(0, run.ExitCode);
        SelectKBest saved = ModelArtifact.Open(run.ArtifactDirectory!).Selector!;
        DataSplit<Tumour> split = Split();
        SelectKBest byHand = SelectKBest.Fit(Imputer.Fit(split.Train, ImputeStrategy.Median).Apply(split.Train), ScoreFunction.AnovaF, 5);
        Assert.Equal(ScoreFunction.AnovaF, saved.Function);
        Assert.Equal(byHand.Selected, saved.Selected);
        Assert.Equal(byHand.Scores, saved.Scores);
    }

    [Fact]
    public void A_damaged_saved_selection_is_refused_naming_selection_json()
    {
        PipelineRun run = Run("damaged", SelectingTumourPipeline.Definition);
        string path = run.ArtifactDirectory!;
        string file = Path.Combine(ArtifactFiles.CurrentVersion(path), "selection.json");
        string json = File.ReadAllText(file);

        // Bytes changed behind the manifest's back: the checksum names the file.
        File.WriteAllText(file, json.Replace("\"K\": 8", "\"K\": 7"));
        Assert.Contains("selection.json", Assert.Throws<ArtifactException>(() => ModelArtifact.Open(path)).Message);

        // Re-signed, but inconsistent (k = 7 with eight kept features): refused by the selector's own check, naming the file.
        ArtifactFiles.Forge(path, "selection.json", System.Text.Encoding.UTF8.GetBytes(json.Replace("\"K\": 8", "\"K\": 7")));
        ArtifactException error = Assert.Throws<ArtifactException>(() => ModelArtifact.Open(path));
        Assert.Equal("selection.json", error.File);
        Assert.Contains("k = 7", error.Message);
    }

    [Fact]
    public void ONNX_serving_refuses_an_artifact_with_a_selection_instead_of_serving_unmasked_rows()
    {
        PipelineRun run = Run("onnx", SelectingTumourPipeline.Definition with { Ingest = () => BreastCancerRows.Load(), Impute = ImputeStrategy.None, SelectK = 6 });
        Assert.Equal(0, run.ExitCode);

        var error = Assert.Throws<MlDsl.Serving.ServingException>(() => MlDsl.Serving.OnnxPredictor.Open(run.ArtifactDirectory!));
        Assert.Contains("selection.json", error.Message);
    }

    [Fact]
    public void Selection_needs_the_rows_in_memory_so_streaming_is_refused_naming_it()
    {
        var error = Assert.ThrowsAny<Exception>(() => PipelineRunner.Run(SelectingTumourPipeline.Definition with { Impute = ImputeStrategy.None, ExportDirectory = Path.Combine(Root, "stream", "artifact") },
            new PipelineOptions { OutputDirectory = Path.Combine(Root, "stream", "out"), Quiet = true, Stream = true, DataPath = "rows.csv" }));

        Assert.Contains("SelectK", error.Message);
    }
}
