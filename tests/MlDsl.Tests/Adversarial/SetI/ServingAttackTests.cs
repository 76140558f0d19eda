using System.Text;
using System.Text.Json.Nodes;
using MlDsl.Analysis;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Serving;
using MlDsl.Tests.Data;
using MlDsl.Tests.Deployment;

namespace MlDsl.Tests.Adversarial.SetI;

/// <summary>
/// MlDsl.Serving reads artifacts with its own parser (no TorchSharp), so it gets the same forged files: a garbage
/// <c>model.onnx</c> and damaged <c>transform.json</c> with their checksums recomputed, a pointer out of the folder,
/// rows a server should not answer, and thread counts out of range. Each is a <see cref="ServingException"/> naming the
/// file (or row, or option), never ONNX Runtime's own exception and never a prediction on garbage.
/// </summary>
public sealed class ServingAttackTests() : TemporaryFolder("mldsl-seti-serving")
{
    private static readonly string[] Classes = ["malignant", "benign"];

    private string Export()
    {
        DataSplit<Tumour> split = BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
        using var model = new TumourMlp(seed: 3);
        var report = ClassificationReport.Compute(split.Test, model.Predict(split.Test), Classes);
        string path = Path.Combine(Root, "artifact");
        ModelArtifact.Export(path, model, TumourMlp.ModelName, new ArtifactContents<Tumour>(split.Train, report, Classes, Standardizer.Fit(split)));
        return path;
    }

    private static string Version(string path, string file) => Path.Combine(ArtifactFiles.CurrentVersion(path), file);

    private static ServingException Refused(string path, string named)
    {
        Exception? error = Record.Exception(() =>
        {
            using OnnxPredictor served = OnnxPredictor.Open(path);
            served.PredictClass([new float[30]]);
        });
        Assert.True(error is ServingException, $"expected a ServingException naming {named}, got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        Assert.Contains(named, error!.Message);
        return (ServingException)error;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(-1)]
    public void A_forged_model_onnx_that_is_not_an_onnx_graph_is_refused_naming_it(int kind)
    {
        string path = Export();
        byte[] real = File.ReadAllBytes(Version(path, "model.onnx"));
        byte[] forged = kind switch
        {
            0 => [],
            16 => Encoding.ASCII.GetBytes("not a protobuf!!"),
            _ => real[..(real.Length / 2)],
        };
        ArtifactFiles.Forge(path, "model.onnx", forged);

        Refused(path, "model.onnx");
    }

    [Fact]
    public void A_forged_transform_with_fewer_shifts_than_features_is_refused_naming_it()
    {
        string path = Export();
        JsonObject json = JsonNode.Parse(File.ReadAllText(Version(path, "transform.json")))!.AsObject();
        json["Shift"]!.AsArray().RemoveAt(0);
        ArtifactFiles.Forge(path, "transform.json", Encoding.UTF8.GetBytes(json.ToJsonString()));

        Refused(path, "transform.json");
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("1e39")]
    public void A_forged_transform_with_a_non_finite_scale_is_refused_naming_it(string scale)
    {
        string path = Export();
        string text = File.ReadAllText(Version(path, "transform.json"));
        JsonObject json = JsonNode.Parse(text)!.AsObject();
        string first = json["Scale"]![0]!.ToJsonString();
        int at = text.IndexOf(first, text.IndexOf("\"Scale\"", StringComparison.Ordinal), StringComparison.Ordinal);
        ArtifactFiles.Forge(path, "transform.json", Encoding.UTF8.GetBytes(text[..at] + scale + text[(at + first.Length)..]));

        Refused(path, "transform.json");
    }

    [Fact]
    public void A_pointer_out_of_the_artifact_folder_is_refused_naming_it()
    {
        string path = Export();
        string version = ArtifactFiles.CurrentVersion(path);
        string outside = Path.Combine(Root, "elsewhere");
        Directory.Move(version, outside);
        string digest = ArtifactFiles.Sha256(Path.Combine(outside, "manifest.json"));
        File.WriteAllText(Path.Combine(path, "CURRENT"), $"mldsl-pointer 1\n../elsewhere\n{digest}\n");

        Refused(path, "CURRENT");
    }

    [Fact]
    public void A_missing_artifact_folder_is_refused_naming_it()
    {
        Refused(Path.Combine(Root, "nothing"), Path.Combine(Root, "nothing"));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void A_served_row_holding_a_non_finite_feature_is_refused_naming_the_row(float value)
    {
        string path = Export();
        using OnnxPredictor served = OnnxPredictor.Open(path);
        float[] bad = new float[30];
        bad[7] = value;

        Exception? error = Record.Exception(() => served.PredictClass([new float[30], bad]));

        Assert.True(error is ServingException, $"expected a ServingException naming row 1, got {error?.GetType().Name ?? "no exception (a class was predicted from garbage)"}: {error?.Message}");
        Assert.Contains("row 1", error!.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_thread_count_below_1_is_refused_naming_it(int threads) => ThreadCountRefused(threads);

    [Fact]
    public void A_thread_count_that_would_abort_onnx_runtime_is_refused_before_it_is_told() => ThreadCountRefused(100_000);

    [Fact]
    public void Thread_counts_from_1_to_the_bound_are_accepted_and_a_finite_transform_and_large_finite_rows_are_served()
    {
        string path = Export();
        int bound = Math.Max(64, 4 * Environment.ProcessorCount);
        float[] large = new float[30];
        large[7] = 1e6f;

        foreach (int threads in new[] { 1, 2, bound })
        {
            using OnnxPredictor served = OnnxPredictor.Open(path, threads);
            Assert.Equal(2, served.PredictClass([new float[30], large]).Length);
        }
    }

    [Fact]
    public void A_thread_count_one_above_the_bound_is_refused_naming_it() => ThreadCountRefused(Math.Max(64, 4 * Environment.ProcessorCount) + 1);

    [Theory]
    [InlineData("0.5")]
    [InlineData("3.4e38")]
    public void A_forged_transform_with_a_finite_scale_is_still_served(string scale)
    {
        string path = Export();
        string text = File.ReadAllText(Version(path, "transform.json"));
        JsonObject json = JsonNode.Parse(text)!.AsObject();
        string first = json["Scale"]![0]!.ToJsonString();
        int at = text.IndexOf(first, text.IndexOf("\"Scale\"", StringComparison.Ordinal), StringComparison.Ordinal);
        ArtifactFiles.Forge(path, "transform.json", Encoding.UTF8.GetBytes(text[..at] + scale + text[(at + first.Length)..]));

        using OnnxPredictor served = OnnxPredictor.Open(path);
        Assert.Single(served.PredictClass([new float[30]]));
    }

    private void ThreadCountRefused(int threads)
    {
        string path = Export();

        Exception? error = Record.Exception(() => { using OnnxPredictor served = OnnxPredictor.Open(path, threads); });

        Assert.True(error is ServingException or ArgumentOutOfRangeException { ParamName: "threads" },
            $"expected threads {threads} to be refused naming it, got {error?.GetType().Name ?? "no exception"}: {error?.Message}");
    }
}
