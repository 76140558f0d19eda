using MlDsl.Analysis;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Deployment;

/// <summary>
/// Where an artifact's folder goes. An export onto a path where a file (or a file above it) stands used to throw a raw
/// IOException; it is an <see cref="ArtifactException"/> naming the folder, and the file is left as it was.
/// </summary>
public sealed class ArtifactFolderTests() : TemporaryFolder("mldsl-artifact-folder")
{
    private static readonly string[] Classes = ["malignant", "benign"];

    private static readonly Lazy<DataSplit<Tumour>> Split = new(() =>
        BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 }));

    private static void Export(string path)
    {
        using var model = new TumourMlp(seed: 3);
        var report = ClassificationReport.Compute(Split.Value.Test, model.Predict(Split.Value.Test), Classes);
        ModelArtifact.Export(path, model, TumourMlp.ModelName, new ArtifactContents<Tumour>(Split.Value.Train, report, Classes, Standardizer.Fit(Split.Value)));
    }

    [Fact]
    public void An_export_under_a_file_is_refused_naming_the_folder_and_keeps_the_file()
    {
        string parent = Path.Combine(Root, "parent");
        File.WriteAllText(parent, "precious");
        string path = Path.Combine(parent, "artifact");

        var error = Assert.Throws<ArtifactException>(() => Export(path));

        Assert.StartsWith($"{path}: cannot be made as the artifact folder: ", error.Message);
        Assert.Equal("precious", File.ReadAllText(parent));
    }

    [Fact]
    public void An_export_onto_a_file_names_it_as_a_file()
    {
        string path = Path.Combine(Root, "artifact");
        File.WriteAllText(path, "precious");

        var error = Assert.Throws<ArtifactException>(() => Export(path));

        Assert.Equal($"{path}: is a file, not a folder; expected the artifact folder, or nothing there for one to be made", error.Message);
    }

    [Fact]
    public void An_export_into_a_folder_that_does_not_exist_yet_makes_it_and_opens()
    {
        string path = Path.Combine(Root, "new", "artifact");

        Export(path);

        Assert.Equal(TumourMlp.ModelName, ModelArtifact.Open(path).Manifest.ModelName);
    }
}
