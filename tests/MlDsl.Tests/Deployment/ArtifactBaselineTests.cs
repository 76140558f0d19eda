using System.Text;
using System.Text.Json.Nodes;
using MlDsl.Analysis;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Deployment;

/// <summary>
/// The artifact's drift baseline. A reference.json of no rows, or holding 1e999 (which reads as infinity), used to open and be monitored against; it is refused naming the
/// file, and an export of no training rows, which would write such a baseline, is refused up front.
/// </summary>
public sealed class ArtifactBaselineTests() : TemporaryFolder("mldsl-artifact-baseline")
{
    private static readonly string[] Classes = ["malignant", "benign"];

    private static readonly Lazy<DataSplit<Tumour>> Split = new(() =>
        BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 }));

    private static void Export(string path, IReadOnlyList<Tumour> training)
    {
        using var model = new TumourMlp(seed: 3);
        var report = ClassificationReport.Compute(Split.Value.Test, model.Predict(Split.Value.Test), Classes);
        ModelArtifact.Export(path, model, TumourMlp.ModelName, new ArtifactContents<Tumour>(training, report, Classes, Standardizer.Fit(Split.Value)));
    }

    private string Exported()
    {
        string path = Path.Combine(Root, "artifact");
        Export(path, Split.Value.Train);
        return path;
    }

    private static string Reference(string path) => Path.Combine(ArtifactFiles.CurrentVersion(path), "reference.json");

    private static void ForgeFirstColumn(string path, Func<JsonArray, JsonArray> edit)
    {
        JsonArray columns = JsonNode.Parse(File.ReadAllText(Reference(path)))!.AsArray();
        columns[0] = edit(columns[0]!.AsArray());
        ArtifactFiles.Forge(path, "reference.json", Encoding.UTF8.GetBytes(columns.ToJsonString()));
    }

    [Fact]
    public void An_export_of_no_training_rows_is_refused_before_anything_is_written()
    {
        string path = Path.Combine(Root, "artifact");

        var error = Assert.Throws<ArgumentException>(() => Export(path, []));

        Assert.Equal("contents", error.ParamName);
        Assert.StartsWith("TrainingRows is empty; the artifact's drift reference needs at least one training row", error.Message);
        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public void A_baseline_whose_first_column_is_empty_is_refused_naming_the_column()
    {
        string path = Exported();
        ForgeFirstColumn(path, _ => []);

        var error = Assert.Throws<ArtifactException>(() => ModelArtifact.Open(path));

        Assert.StartsWith($"{Reference(path)}: column 0 holds 0 values", error.Message);
    }

    [Fact]
    public void A_baseline_value_beyond_double_range_is_refused_naming_its_place()
    {
        string path = Exported();
        string json = File.ReadAllText(Reference(path));
        int at = json.IndexOf("[[", StringComparison.Ordinal) + 2;
        ArtifactFiles.Forge(path, "reference.json", Encoding.UTF8.GetBytes(json[..at] + "-1e999" + json[json.IndexOf(',', at)..]));

        var error = Assert.Throws<ArtifactException>(() => ModelArtifact.Open(path));

        Assert.Equal($"{Reference(path)}: column 0 value 0 is not a finite number (beyond double range); expected the training value", error.Message);
    }

    [Fact]
    public void A_baseline_of_one_row_of_large_finite_values_opens_and_monitors()
    {
        string path = Exported();
        JsonArray columns = JsonNode.Parse(File.ReadAllText(Reference(path)))!.AsArray();
        var single = new JsonArray(columns.Select((_, i) => (JsonNode?)new JsonArray(i == 0 ? 1e308 : 0.5)).ToArray());
        ArtifactFiles.Forge(path, "reference.json", Encoding.UTF8.GetBytes(single.ToJsonString()));

        DriftReport report = ModelArtifact.Open(path).Monitor(Split.Value.Test);

        Assert.Equal(1, report.ReferenceRows);
    }
}
