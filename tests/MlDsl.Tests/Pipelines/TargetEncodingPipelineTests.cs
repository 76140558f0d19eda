using System.Text.RegularExpressions;
using MlDsl.Data;
using MlDsl.Data.Encoding;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Deployment;
using MlDsl.Pipelines;
using MlDsl.Tests.Deployment;

namespace MlDsl.Tests.Pipelines;

/// <summary>Two categorical members target-encoded as pipeline stages (issue #15 §2), one smoothed, one auto with shuffled folds.</summary>
[Pipeline(typeof(ShopVisitNet), ClassNames = new[] { "left", "bought" })]
[Split(Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.2, Seed = 3)]
[TargetEncode(nameof(ShopVisit.City), Into = nameof(ShopVisit.CityEncoded), Smooth = 5)]
[TargetEncode(nameof(ShopVisit.Day), Into = nameof(ShopVisit.DayEncoded), Folds = 4, Shuffle = true, Seed = 9)]
[Transform(TransformKind.Standardize)]
[Train(Epochs = 3, BatchSize = 32, LearningRate = 1e-2, Seed = 3)]
[Export("artifacts/shop-visits")]
public sealed partial class ShopVisitPipeline
{
    [Ingest] private static IReadOnlyList<ShopVisit> Load() => ShopVisits.Rows();
}

public sealed class TargetEncodingPipelineTests() : TemporaryFolder("mldsl-target-encoding-pipeline")
{
    // Written by hand, not taken from the generated Definition: the run must agree with TargetEncoder used directly.
    private static readonly CategoricalColumn<ShopVisit> City = new("City", row => row.City, (row, value) => row with { CityEncoded = value });
    private static readonly CategoricalColumn<ShopVisit> Day = new("Day", row => row.Day, (row, value) => row with { DayEncoded = value });
    private static readonly TargetEncoderOptions CityOptions = new() { Smooth = 5 };
    private static readonly TargetEncoderOptions DayOptions = new() { Folds = 4, Shuffle = true, Seed = 9 };

    private PipelineRun Run(string name, PipelineDefinition<ShopVisit, ShopVisitNet>? definition = null) =>
        PipelineRunner.Run((definition ?? ShopVisitPipeline.Definition) with { ExportDirectory = Path.Combine(Root, name, "artifact") },
            new PipelineOptions { OutputDirectory = Path.Combine(Root, name, "out"), Quiet = true });

    /// <summary>The pipeline's split, encoded by hand: city then day, each fitted on the training rows only.</summary>
    private static (DataSplit<ShopVisit> Split, TargetEncoded<ShopVisit> City, TargetEncoded<ShopVisit> Day) ByHand()
    {
        DataSplit<ShopVisit> split = ShopVisits.Rows().Split(ShopVisitPipeline.Definition.Split);
        TargetEncoded<ShopVisit> city = TargetEncoder.FitApply(split.Train, City, CityOptions);
        TargetEncoded<ShopVisit> day = TargetEncoder.FitApply(city.Train, Day, DayOptions);
        return (split, city, day);
    }

    private static ShopVisit[] EncodeByHand(TargetEncoded<ShopVisit> city, TargetEncoded<ShopVisit> day, IReadOnlyList<ShopVisit> rows) =>
        day.Encoder.Apply(city.Encoder.Apply(rows));

    private static int FeatureIndex<TRow>(string name) where TRow : IDatasetRow<TRow> => TRow.FeatureNames.ToList().IndexOf(name);

    [Fact]
    public void The_generator_builds_one_step_per_attribute_that_reads_the_category_and_writes_the_feature()
    {
        IReadOnlyList<TargetEncodingStep<ShopVisit>> steps = ShopVisitPipeline.Definition.TargetEncodings;

        Assert.Equal(new[] { "City", "Day" }, steps.Select(step => step.Column.Name));
        Assert.Equal(CityOptions, steps[0].Options);
        Assert.Equal(DayOptions, steps[1].Options);
        var row = new ShopVisit { City = "Oslo", Day = "Sun", Minutes = 3 };
        Assert.Equal("Oslo", steps[0].Column.Category(row));
        Assert.Equal(row with { CityEncoded = 0.25f }, steps[0].Column.Write(row, 0.25f));
        Assert.Equal(row with { DayEncoded = 0.75f }, steps[1].Column.Write(row, 0.75f));
    }

    [Fact]
    public void Training_rows_are_encoded_out_of_fold_and_the_tables_fitted_on_them_alone_are_saved()
    {
        PipelineRun run = Run("run");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new[] { "ingest", "split", "encode", "validate", "transform", "train", "analyze", "gate", "export" }, run.Stages.Select(stage => stage.Stage));
        (DataSplit<ShopVisit> split, TargetEncoded<ShopVisit> city, TargetEncoded<ShopVisit> day) = ByHand();
        OpenedArtifact artifact = ModelArtifact.Open(run.ArtifactDirectory!);
        IReadOnlyList<TargetEncoding<ShopVisit>> saved = artifact.TargetEncodings(new[] { City, Day });
        Assert.Equal(new[] { "City", "Day" }, artifact.TargetEncodedColumns);
        foreach ((TargetEncoding<ShopVisit> bySaved, TargetEncoding<ShopVisit> byHand) in saved.Zip(new[] { city.Encoder, day.Encoder }))
        {
            Assert.Equal(byHand.Encodings.OrderBy(pair => pair.Key), bySaved.Encodings.OrderBy(pair => pair.Key));
            Assert.Equal(byHand.TargetMean, bySaved.TargetMean);
            Assert.Equal(byHand.Smooth, bySaved.Smooth);
        }
        // The table saw the training rows only: its unseen-category value is their label mean, not all rows'.
        Assert.Equal(split.Train.Average(row => (double)row.Bought), saved[0].TargetMean, 12);

        // The drift reference holds the training rows as the model trained on them (before the transform): encoded out of fold,
        // exactly as TargetEncoder.FitApply encodes them, and not with the table fitted on those same rows.
        double[][] reference = System.Text.Json.JsonSerializer.Deserialize<double[][]>(File.ReadAllBytes(Path.Combine(ArtifactFiles.CurrentVersion(run.ArtifactDirectory!), "reference.json")))!;
        double[] cityColumn = reference[FeatureIndex<ShopVisit>("CityEncoded")], dayColumn = reference[FeatureIndex<ShopVisit>("DayEncoded")];
        Assert.Equal(day.Train.Select(row => (double)row.CityEncoded), cityColumn);
        Assert.Equal(day.Train.Select(row => (double)row.DayEncoded), dayColumn);
        ShopVisit[] inSample = EncodeByHand(city, day, split.Train);
        Assert.True(inSample.Select(row => (double)row.CityEncoded).Zip(cityColumn).Count(pair => pair.First != pair.Second) > split.Train.Count / 2,
            "most training rows' encodings should differ from the in-sample table's");
        Assert.Equal("City, Day", artifact.Manifest.Settings["encode"]);
    }

    [Fact]
    public void A_deployed_model_encodes_raw_rows_as_the_run_encoded_validation_and_test()
    {
        PipelineRun run = Run("deploy");
        (DataSplit<ShopVisit> split, TargetEncoded<ShopVisit> city, TargetEncoded<ShopVisit> day) = ByHand();
        Standardizer transform = Standardizer.Fit(day.Train);
        // Whatever raw rows hold in the encoded features is overwritten.
        ShopVisit[] raw = split.Test.Select(row => row with { CityEncoded = 999, DayEncoded = float.NaN }).ToArray();

        using DeployedModel<ShopVisit, ShopVisitNet> deployed = ShopVisitPipeline.Definition.Deploy(run.ArtifactDirectory);
        ShopVisit[] expected = transform.Apply(EncodeByHand(city, day, split.Test));

        Assert.Equal(expected, deployed.Prepare(raw));
        Assert.Equal(deployed.Model.Predict(expected), deployed.Predict(raw));
        Assert.Equal(run.Test!.Metrics["accuracy"], deployed.Evaluate(raw).Metrics["accuracy"]);
        using DeployedModel<ShopVisit, ShopVisitNet> onnx = ShopVisitPipeline.Definition.Deploy(run.ArtifactDirectory, ServingEngine.OnnxRuntime);
        Assert.Equal(deployed.Predict(raw), onnx.Predict(raw));
        // Monitoring encodes too: the garbage in the raw rows' encoded features changes nothing.
        Assert.Equal(deployed.Monitor(split.Test).ToString(), deployed.Monitor(raw).ToString());
    }

    [Fact]
    public void An_unseen_category_is_encoded_as_the_training_target_mean()
    {
        PipelineRun run = Run("unseen");
        (DataSplit<ShopVisit> split, TargetEncoded<ShopVisit> city, TargetEncoded<ShopVisit> day) = ByHand();
        Standardizer transform = Standardizer.Fit(day.Train);
        ShopVisit stranger = split.Test[0] with { City = "Atlantis", Day = "Caturday" };

        using DeployedModel<ShopVisit, ShopVisitNet> deployed = ShopVisitPipeline.Definition.Deploy(run.ArtifactDirectory);
        // Both tables were fitted on the same training rows, so both fall back to those rows' label mean.
        Assert.Equal(split.Train.Average(row => (double)row.Bought), city.Encoder.TargetMean, 12);
        Assert.Equal(city.Encoder.TargetMean, day.Encoder.TargetMean, 12);
        float unseen = (float)city.Encoder.TargetMean;
        Assert.Equal(transform.Apply(new[] { stranger with { CityEncoded = unseen, DayEncoded = unseen } }), deployed.Prepare(new[] { stranger }));
    }

    [Fact]
    public void A_tampered_or_malformed_target_encoding_file_is_refused_naming_it()
    {
        PipelineRun run = Run("tampered");
        string path = run.ArtifactDirectory!, file = Path.Combine(ArtifactFiles.CurrentVersion(path), "target_encoding.json");
        string json = File.ReadAllText(file);

        // Bytes changed behind the manifest's back: the checksum names the file.
        File.WriteAllText(file, json.Replace("\"Column\": \"City\"", "\"Column\": \"Town\""));
        Assert.Contains("target_encoding.json", Assert.Throws<ArtifactException>(() => ModelArtifact.Open(path)).Message);

        // Re-signed forgeries, refused by the encodings' own checks, naming the file.
        ArtifactException Forged(string forged, Action open)
        {
            ArtifactFiles.Forge(path, "target_encoding.json", System.Text.Encoding.UTF8.GetBytes(forged));
            ArtifactException error = Assert.Throws<ArtifactException>(open);
            Assert.Equal("target_encoding.json", error.File);
            return error;
        }
        void Open() => ModelArtifact.Open(path);
        void Deploy() => ShopVisitPipeline.Definition.Deploy(path).Dispose();
        Assert.Contains("non-finite", Forged(Regex.Replace(json, "\"TargetMean\": [-0-9.Ee+]+", "\"TargetMean\": \"NaN\""), Open).Message);
        Assert.Contains("no encodings", Forged("[]", Open).Message);
        Assert.Contains("not a saved TargetEncoder", Forged("{\"Column\": \"City\"}", Open).Message);
        Assert.Contains("City is encoded twice", Forged(json.Replace("\"Column\": \"Day\"", "\"Column\": \"City\""), Open).Message);
        // Well formed, but for another column than the pipeline's: refused when deployed for these rows.
        Assert.Contains("encodes [Town, Day], but ShopVisit rows are encoded by [City, Day]", Forged(json.Replace("\"Column\": \"City\"", "\"Column\": \"Town\""), Deploy).Message);
    }

    [Fact]
    public void Serving_without_the_categorical_columns_is_refused_rather_than_unencoded()
    {
        PipelineRun run = Run("plain");
        string path = run.ArtifactDirectory!;

        ArtifactException error = Assert.Throws<ArtifactException>(() => DeployedModel<ShopVisit, ShopVisitNet>.Open(path, ShopVisitNet.Load));
        Assert.Equal("target_encoding.json", error.File);
        Assert.Contains("pipeline's Deploy", error.Message);
        Assert.Equal("target_encoding.json", Assert.Throws<ArtifactException>(() => ModelArtifact.Open(path).Monitor(ShopVisits.Rows(20))).File);
        Assert.Contains("target_encoding.json", Assert.Throws<MlDsl.Serving.ServingException>(() => MlDsl.Serving.OnnxPredictor.Open(path)).Message);

        // And a pipeline that declares encodings refuses an artifact trained without them.
        PipelineRun unencoded = Run("unencoded", ShopVisitPipeline.Definition with { TargetEncodings = [] });
        Assert.Contains("missing, but ShopVisit rows are target-encoded by [City, Day]",
            Assert.Throws<ArtifactException>(() => ShopVisitPipeline.Definition.Deploy(unencoded.ArtifactDirectory)).Message);
    }

    [Fact]
    public void Target_encoding_needs_the_rows_in_memory_so_streaming_is_refused_naming_it()
    {
        var error = Assert.ThrowsAny<Exception>(() => PipelineRunner.Run(ShopVisitPipeline.Definition with
            {
                ExportDirectory = Path.Combine(Root, "stream", "artifact"),
                StreamData = _ => throw new InvalidOperationException("the refusal comes before any row is read"),
            },
            new PipelineOptions { OutputDirectory = Path.Combine(Root, "stream", "out"), Quiet = true, Stream = true, DataPath = "rows.csv" }));

        Assert.Contains("[TargetEncode(...)]", error.Message);
    }
}
