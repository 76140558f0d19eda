using MlDsl.Analysis;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Serving;
using MlDsl.Tests.Data;
using MlDsl.Training;

namespace MlDsl.Tests.Deployment;

/// <summary>An artifact's model.onnx served by MlDsl.Serving (ONNX Runtime, no TorchSharp) predicts what the TorchSharp model predicts.</summary>
public sealed class OnnxServingTests() : TemporaryFolder("mldsl-serving")
{
    private (string Path, TumourMlp Model, Standardizer Scaler, DataSplit<Tumour> Split) Export()
    {
        DataSplit<Tumour> split = BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 5 });
        Standardizer scaler = Standardizer.Fit(split);
        var model = new TumourMlp(seed: 5);
        model.Fit(scaler.Apply(split.Train), options: new FitOptions { Epochs = 3, BatchSize = 32, Seed = 5 });
        Tumour[] test = scaler.Apply(split.Test);
        var report = ClassificationReport.Compute(test, model.Predict(test), new[] { "malignant", "benign" });
        string path = System.IO.Path.Combine(Root, "tumour-onnx");
        ModelArtifact.Export(path, model, TumourMlp.ModelName, new ArtifactContents<Tumour>(split.Train, report, new[] { "malignant", "benign" }, scaler));
        return (path, model, scaler, split);
    }

    private static float[][] RawFeatures(IReadOnlyList<Tumour> rows) =>
        rows.Select(row =>
        {
            var features = new float[Tumour.FeatureLength];
            Tumour.WriteFeatures(row, features);
            return features;
        }).ToArray();

    [Fact]
    public void Onnx_served_predictions_on_raw_rows_equal_the_torchsharp_models_on_transformed_rows()
    {
        (string path, TumourMlp model, Standardizer scaler, DataSplit<Tumour> split) = Export();
        using (model)
        using (OnnxPredictor served = OnnxPredictor.Open(path))
        {
            Assert.Equal(Tumour.FeatureNames, served.Features);
            Assert.Equal(new[] { "malignant", "benign" }, served.ClassNames);
            Assert.Equal(model.Predict(scaler.Apply(split.Test)), served.PredictClass(RawFeatures(split.Test)));

            float[][] torch = model.PredictProbabilities(scaler.Apply(split.Test));
            float[][] logits = served.Outputs(RawFeatures(split.Test));
            for (int r = 0; r < logits.Length; r++)
            {
                double[] softmax = logits[r].Select(v => Math.Exp(v - logits[r].Max())).ToArray();
                Assert.Equal(torch[r][1], softmax[1] / softmax.Sum(), 4);
            }
        }
    }

    [Fact]
    public void A_modified_onnx_file_is_refused_naming_the_file_and_both_checksums()
    {
        (string path, TumourMlp model, _, _) = Export();
        model.Dispose();
        string onnx = System.IO.Path.Combine(ArtifactFiles.CurrentVersion(path), "model.onnx");
        string before = ArtifactFiles.Sha256(onnx);
        File.AppendAllBytes(onnx, new byte[] { 0 });

        var error = Assert.Throws<ServingException>(() => OnnxPredictor.Open(path));

        Assert.Equal(onnx, error.Path);
        Assert.Equal($"SHA-256 is {ArtifactFiles.Sha256(onnx)}, manifest.json says {before}: the file was modified or damaged", error.Problem);
        Assert.Throws<ArtifactException>(() => ModelArtifact.Open(path)); // and MlDsl's own reader agrees
    }

    [Fact]
    public void A_row_of_the_wrong_width_is_refused_naming_the_row_and_the_width_expected()
    {
        (string path, TumourMlp model, _, _) = Export();
        model.Dispose();
        using OnnxPredictor served = OnnxPredictor.Open(path);

        var error = Assert.Throws<ServingException>(() => served.Outputs(new[] { new float[30], new float[29] }));

        Assert.Equal("rows[1]", error.Path);
        Assert.StartsWith("has 29 values; expected 30 (features ", error.Problem);
    }
}
