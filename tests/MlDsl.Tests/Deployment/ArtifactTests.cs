using MlDsl.Analysis;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Tests.Data;
using MlDsl.Training;

namespace MlDsl.Tests.Deployment;

public sealed class ArtifactTests() : TemporaryFolder("mldsl-artifacts")
{
    private (string Path, TumourMlp Model, Standardizer Scaler, DataSplit<Tumour> Split) Export()
    {
        DataSplit<Tumour> split = BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
        Standardizer scaler = Standardizer.Fit(split);
        var model = new TumourMlp(seed: 3);
        model.Fit(scaler.Apply(split.Train), options: new FitOptions { Epochs = 5, BatchSize = 32, Seed = 3 });
        Tumour[] test = scaler.Apply(split.Test);
        var report = ClassificationReport.Compute(test, model.Predict(test), new[] { "malignant", "benign" });
        string path = Path.Combine(Root, "tumour-mlp");
        ModelArtifact.Export(path, model, TumourMlp.ModelName, new ArtifactContents<Tumour>(split.Train, report, new[] { "malignant", "benign" }, scaler,
            new Dictionary<string, string> { ["seed"] = "3", ["epochs"] = "5" }));
        return (path, model, scaler, split);
    }

    [Fact]
    public void An_exported_artifact_reloads_its_model_and_transform_and_predicts_identically()
    {
        (string path, TumourMlp model, Standardizer scaler, DataSplit<Tumour> split) = Export();

        OpenedArtifact artifact = ModelArtifact.Open(path);
        using TumourMlp loaded = artifact.LoadModel(TumourMlp.Load);
        Tumour[] test = artifact.Transform!.Apply(split.Test);

        Assert.Equal(model.Predict(scaler.Apply(split.Test)), loaded.Predict(test));
        using (var deployed = DeployedModel<Tumour, TumourMlp>.Open(path, TumourMlp.Load))
            Assert.Equal(model.Predict(scaler.Apply(split.Test)), deployed.Predict(split.Test)); // raw rows in: the artifact's transform is applied
        Assert.Equal(new[] { "malignant", "benign" }, artifact.Manifest.ClassNames);
        Assert.Equal(30, artifact.Manifest.Features.Length);
        Assert.Equal("5", artifact.Manifest.Settings["epochs"]);
        Assert.InRange(artifact.Manifest.Metrics["accuracy"], 0.8, 1.0);
        Assert.Equal(new[] { ".lock", "CURRENT", Path.GetFileName(ArtifactFiles.CurrentVersion(path)) }, Directory.GetFileSystemEntries(path).Select(Path.GetFileName).Order());
        model.Dispose();
    }

    [Fact]
    public void A_modified_file_fails_the_checksum()
    {
        (string path, TumourMlp model, _, _) = Export();
        model.Dispose();
        string transform = Path.Combine(ArtifactFiles.CurrentVersion(path), "transform.json");
        string before = ArtifactFiles.Sha256(transform);
        File.AppendAllText(transform, " ");

        var error = Assert.Throws<ArtifactException>(() => ModelArtifact.Open(path));

        Assert.Equal($"{transform}: SHA-256 is {ArtifactFiles.Sha256(transform)}, manifest.json says {before}: the file was modified or damaged", error.Message);
    }

    [Fact]
    public void A_row_type_with_another_schema_is_refused()
    {
        (string path, TumourMlp model, _, _) = Export();
        model.Dispose();

        var error = Assert.Throws<ArtifactException>(() => ModelArtifact.Open(path).CheckSchema<Visit>());

        Assert.Contains("made for Tumour with 30 features, but Visit has 2 features", error.Message);
    }

    [Fact]
    public void Monitoring_flags_drifted_features_and_exits_non_zero()
    {
        (string path, TumourMlp model, _, DataSplit<Tumour> split) = Export();
        model.Dispose();
        OpenedArtifact artifact = ModelArtifact.Open(path);

        DriftReport same = artifact.Monitor(split.Test);
        Tumour[] shifted = split.Test.Select(row => row with { Measurements = row.Measurements.Select((value, i) => i == 3 ? value * 1.8f : value).ToArray() }).ToArray();
        DriftReport drifted = artifact.Monitor(shifted);

        Assert.Equal(0, same.ExitCode);
        Assert.Equal(3, drifted.ExitCode);
        Assert.Equal(new[] { "Measurements[3]" }, drifted.Features.Where(feature => feature.Drifted).Select(feature => feature.Feature));
        Assert.Contains("1 of 30 features drifted: retrain on recent data and re-run the gate", drifted.ToString());
    }

    [Fact]
    public void Wasserstein_distance_of_a_shifted_sample_is_the_shift()
    {
        double[] sample = Enumerable.Range(0, 100).Select(i => i / 100.0).ToArray();

        Assert.Equal(0.25, DriftMonitor.Wasserstein(sample, sample.Select(value => value + 0.25).ToArray()), 6);
        Assert.Equal(0, DriftMonitor.Wasserstein(sample, sample), 10);
    }

    [Fact]
    public void A_folder_without_a_manifest_is_not_an_artifact()
    {
        var error = Assert.Throws<ArtifactException>(() => ModelArtifact.Open(Root));

        Assert.Contains("no CURRENT pointer: not an MlDsl artifact", error.Message);
    }
}
