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

namespace MlDsl.Tests.Adversarial.SetI;

/// <summary>
/// Artifacts with a folder or file in the wrong place, and complete forgeries (checksums recomputed) of the fitted
/// transform, the reference sample and the weights. Each is an <see cref="ArtifactException"/> or
/// <see cref="ModelFileException"/> naming the file and what differs, before anything is served.
/// </summary>
public sealed class ArtifactAttackTests() : TemporaryFolder("mldsl-seti-artifact")
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

    private static void ForgeTransform(string path, Action<JsonObject> edit)
    {
        JsonObject json = JsonNode.Parse(File.ReadAllText(Version(path, "transform.json")))!.AsObject();
        edit(json);
        ArtifactFiles.Forge(path, "transform.json", Encoding.UTF8.GetBytes(json.ToJsonString()));
    }

    /// <summary>Opening, loading the weights and deploying: the first refusal, which must be MlDsl's own and name <paramref name="file"/>.</summary>
    private static void Refused(string path, string file)
    {
        Exception? error = Record.Exception(() =>
        {
            using var deployed = DeployedModel<Tumour, TumourMlp>.Open(path, TumourMlp.Load);
            Tumour[] rows = BreastCancerRows.Load().Take(50).ToArray();
            deployed.Predict(rows[0]);
            deployed.Monitor(rows);
        });

        Assert.NotNull(error);
        Assert.True(error is ArtifactException or ModelFileException, $"expected ArtifactException or ModelFileException, got {error.GetType().Name}: {error.Message}");
        Assert.Contains(file, error.Message);
    }

    [Fact]
    public void A_folder_in_place_of_the_pointer_is_refused_naming_it()
    {
        string path = Export();
        File.Delete(Path.Combine(path, "CURRENT"));
        Directory.CreateDirectory(Path.Combine(path, "CURRENT"));

        Assert.StartsWith(Path.Combine(path, "CURRENT"), Assert.Throws<ArtifactException>(() => ModelArtifact.Open(path)).Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_artifact_path_that_is_a_file_or_missing_is_refused_naming_it(bool asFile)
    {
        string path = Path.Combine(Root, "artifact");
        if (asFile) File.WriteAllText(path, "not a folder");

        Assert.Contains(path, Assert.Throws<ArtifactException>(() => ModelArtifact.Open(path)).Message);
    }

    [Fact]
    public void A_forged_transform_with_fewer_shifts_than_features_is_refused_naming_it()
    {
        string path = Export();
        ForgeTransform(path, json => json["Shift"]!.AsArray().RemoveAt(0));

        Refused(path, "transform.json");
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void A_forged_transform_whose_scale_would_make_every_row_non_finite_is_refused_naming_it(string scale)
    {
        string path = Export();
        string transform = File.ReadAllText(Version(path, "transform.json"));
        JsonObject json = JsonNode.Parse(transform)!.AsObject();
        JsonArray scales = json["Scale"]!.AsArray();
        string first = scales[0]!.ToJsonString();
        int at = transform.IndexOf("\"Scale\"", StringComparison.Ordinal);
        int value = transform.IndexOf(first, at, StringComparison.Ordinal);
        string forged = transform[..value] + $"\"{scale}\"" + transform[(value + first.Length)..];
        ArtifactFiles.Forge(path, "transform.json", Encoding.UTF8.GetBytes(forged));

        Refused(path, "transform.json");
    }

    [Fact]
    public void A_forged_reference_sample_of_the_wrong_shape_is_refused_naming_it()
    {
        string path = Export();
        ArtifactFiles.Forge(path, "reference.json", Encoding.UTF8.GetBytes("{}"));

        Refused(path, "reference.json");
    }

    [Fact]
    public void Forged_weights_cut_short_with_matching_checksums_are_refused_naming_them()
    {
        string path = Export();
        byte[] weights = File.ReadAllBytes(Version(path, "model.mldsl"));
        ArtifactFiles.Forge(path, "model.mldsl", weights[..(weights.Length / 2)]);

        Refused(path, "model.mldsl");
    }
}
