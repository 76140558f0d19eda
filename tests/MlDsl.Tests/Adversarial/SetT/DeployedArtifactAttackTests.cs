using System.Text;
using System.Text.Json.Nodes;
using MlDsl.Analysis;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Persistence;
using MlDsl.Tests.Data;
using MlDsl.Tests.Deployment;

namespace MlDsl.Tests.Adversarial.SetT;

/// <summary>
/// Deployed artifacts that are tampered with (manifests of another version or shape, weights of another model, drift
/// baselines that cannot be compared against) or caught mid-export (a file where the folder goes, a folder where the
/// pointer goes, two exports racing). Each is refused as an <see cref="ArtifactException"/> or
/// <see cref="ModelFileException"/> naming the file, or leaves an artifact that opens whole.
/// </summary>
public sealed class DeployedArtifactAttackTests() : TemporaryFolder("mldsl-sett-artifact")
{
    private static readonly string[] Classes = ["malignant", "benign"];

    private static readonly Lazy<DataSplit<Tumour>> Split = new(() =>
        BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 }));

    private string Export(string name = "artifact", int seed = 3)
    {
        DataSplit<Tumour> split = Split.Value;
        using var model = new TumourMlp(seed: seed);
        var report = ClassificationReport.Compute(split.Test, model.Predict(split.Test), Classes);
        string path = Path.Combine(Root, name);
        ModelArtifact.Export(path, model, TumourMlp.ModelName, new ArtifactContents<Tumour>(split.Train, report, Classes, Standardizer.Fit(split)));
        return path;
    }

    private static string InVersion(string path, string file) => Path.Combine(ArtifactFiles.CurrentVersion(path), file);

    /// <summary>Deploying, predicting and monitoring: the first refusal, which must be MlDsl's own and name <paramref name="named"/>.</summary>
    private static Exception Refused(string path, string named, ServingEngine engine = ServingEngine.TorchSharp, int threads = 1)
    {
        Exception? error = Record.Exception(() =>
        {
            using var deployed = DeployedModel<Tumour, TumourMlp>.Open(path, TumourMlp.Load, engine, threads);
            Tumour[] rows = BreastCancerRows.Load().Take(40).ToArray();
            deployed.Predict(rows);
            deployed.Monitor(rows);
        });
        Assert.True(error is ArtifactException or ModelFileException,
            $"expected ArtifactException or ModelFileException naming {named}, got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        Assert.Contains(named, error!.Message);
        return error;
    }

    private static void ForgeReference(string path, string json) => ArtifactFiles.Forge(path, "reference.json", Encoding.UTF8.GetBytes(json));

    private static int ReferenceColumns(string path) => JsonNode.Parse(File.ReadAllText(InVersion(path, "reference.json")))!.AsArray().Count;

    [Fact]
    public void A_manifest_of_a_future_format_version_is_refused_naming_the_version_it_reads()
    {
        string path = Export();
        ArtifactFiles.EditManifest(path, manifest => manifest["FormatVersion"] = 99);

        Exception error = Refused(path, "manifest.json");

        Assert.Contains("99", error.Message);
        Assert.Contains(ModelArtifact.FormatVersion.ToString(), error.Message);
    }

    [Fact]
    public void Weights_of_another_model_forged_into_the_artifact_are_refused_naming_them()
    {
        string path = Export();
        string other = Path.Combine(Root, "point.mldsl");
        using (var point = new PointMlp(seed: 1)) point.Save(other);
        ArtifactFiles.Forge(path, "model.mldsl", File.ReadAllBytes(other));

        Refused(path, "model.mldsl");
    }

    [Fact]
    public void Weights_of_zero_bytes_forged_into_the_artifact_are_refused_naming_them()
    {
        string path = Export();
        ArtifactFiles.Forge(path, "model.mldsl", []);

        Refused(path, "model.mldsl");
    }

    [Fact]
    public void A_manifest_naming_a_feature_twice_is_refused_naming_it()
    {
        string path = Export();
        ArtifactFiles.EditManifest(path, manifest =>
        {
            JsonArray features = manifest["Features"]!.AsArray();
            features[1] = features[0]!.GetValue<string>();
        });

        Refused(path, "manifest.json");
    }

    [Fact]
    public void A_manifest_whose_class_names_are_null_is_refused_naming_it()
    {
        string path = Export();
        ArtifactFiles.EditManifest(path, manifest => manifest["ClassNames"] = null);

        Refused(path, "manifest.json");
    }

    [Fact]
    public void A_drift_baseline_of_zero_rows_is_refused_naming_it_not_compared_against()
    {
        string path = Export();
        int columns = ReferenceColumns(path);
        ForgeReference(path, "[" + string.Join(",", Enumerable.Repeat("[]", columns)) + "]");

        Refused(path, "reference.json");
    }

    [Fact]
    public void A_drift_baseline_holding_a_number_beyond_double_range_is_refused_naming_it()
    {
        string path = Export();
        JsonArray reference = JsonNode.Parse(File.ReadAllText(InVersion(path, "reference.json")))!.AsArray();
        string json = reference.ToJsonString();
        int at = json.IndexOf("[[", StringComparison.Ordinal) + 2;
        int end = json.IndexOf(',', at);
        ForgeReference(path, json[..at] + "1e999" + json[end..]);

        Refused(path, "reference.json");
    }

    [Fact]
    public void A_drift_baseline_holding_a_null_value_is_refused_naming_it()
    {
        string path = Export();
        string json = File.ReadAllText(InVersion(path, "reference.json"));
        int at = json.IndexOf("[[", StringComparison.Ordinal) + 2;
        int end = json.IndexOf(',', at);
        ForgeReference(path, json[..at] + "null" + json[end..]);

        Refused(path, "reference.json");
    }

    [Fact]
    public void A_pinned_digest_that_is_not_64_hex_digits_is_refused_naming_it()
    {
        string path = Export();

        Exception? error = Record.Exception(() => ModelArtifact.Open(path, "not-a-digest"));

        Assert.True(error is ArtifactException or ArgumentException, $"got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        Assert.Contains("not-a-digest", error!.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_pointer_whose_digest_was_cut_short_by_a_crash_is_refused_naming_it()
    {
        string path = Export();
        string pointer = Path.Combine(path, "CURRENT");
        string[] lines = File.ReadAllLines(pointer);
        File.WriteAllText(pointer, $"{lines[0]}\n{lines[1]}\n{lines[2][..31]}");

        Refused(path, "CURRENT");
    }

    [Fact]
    public void A_pointer_naming_a_version_killed_before_its_manifest_was_written_is_refused_naming_the_manifest()
    {
        string path = Export();
        File.Delete(InVersion(path, "manifest.json"));

        Refused(path, "manifest.json");
    }

    [Fact]
    public void A_version_completed_but_never_pointed_to_leaves_the_previous_export_served()
    {
        string path = Export();
        string digest = ModelArtifact.Open(path).Digest;
        string previous = File.ReadAllText(Path.Combine(path, "CURRENT"));
        Export("second", seed: 5);
        string orphan = ArtifactFiles.CurrentVersion(Path.Combine(Root, "second"));
        Directory.Move(orphan, Path.Combine(path, Path.GetFileName(orphan)));

        OpenedArtifact opened = ModelArtifact.Open(path);

        Assert.Equal(digest, opened.Digest);
        Assert.Equal(previous, File.ReadAllText(Path.Combine(path, "CURRENT")));
    }

    [Fact]
    public void An_export_onto_a_file_is_refused_naming_it_and_keeps_the_file()
    {
        string path = Path.Combine(Root, "artifact");
        File.WriteAllText(path, "precious");

        Exception? error = Record.Exception(() => Export());

        Assert.True(error is ArtifactException, $"expected an ArtifactException naming {path}, got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        Assert.Contains(path, error!.Message);
        Assert.Equal("precious", File.ReadAllText(path));
    }

    [Fact]
    public void An_export_where_a_folder_stands_in_place_of_the_pointer_is_refused_or_replaces_it_and_opens()
    {
        string path = Export();
        File.Delete(Path.Combine(path, "CURRENT"));
        Directory.CreateDirectory(Path.Combine(path, "CURRENT"));

        Exception? error = Record.Exception(() => Export());

        if (error is not null)
        {
            Assert.True(error is ArtifactException, $"got {error.GetType().FullName}: {error.Message}");
            Assert.Contains("CURRENT", error.Message);
        }
        else Assert.NotNull(ModelArtifact.Open(path).Manifest);
    }

    [Fact]
    public void Two_exports_racing_to_one_folder_leave_one_of_them_whole_and_served()
    {
        Exception?[] errors = new Exception?[2];
        Parallel.For(0, 2, run => errors[run] = Record.Exception(() => Export(seed: 3 + run)));

        Assert.Contains(errors, error => error is null);
        foreach (Exception? error in errors.Where(error => error is not null))
            Assert.True(error is ArtifactException, $"got {error!.GetType().FullName}: {error.Message}");
        using var deployed = DeployedModel<Tumour, TumourMlp>.Open(Path.Combine(Root, "artifact"), TumourMlp.Load);
        Assert.Equal(40, deployed.Predict(BreastCancerRows.Load().Take(40).ToArray()).Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public void An_onnx_deployment_thread_count_out_of_range_is_refused_naming_it(int threads)
    {
        string path = Export();

        Exception? error = Record.Exception(() =>
        {
            using var deployed = DeployedModel<Tumour, TumourMlp>.Open(path, TumourMlp.Load, ServingEngine.OnnxRuntime, threads);
        });

        Assert.True(error is ArgumentException or ArtifactException, $"got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        Assert.Contains("thread", error!.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_onnx_deployment_of_an_artifact_whose_graph_was_dropped_is_refused_naming_model_onnx()
    {
        string path = Export();
        File.Delete(InVersion(path, "model.onnx"));
        ArtifactFiles.EditManifest(path, manifest => manifest["Files"]!.AsObject().Remove("model.onnx"));

        Refused(path, "model.onnx", ServingEngine.OnnxRuntime);
    }
}
