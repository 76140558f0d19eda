using Google.Protobuf;
using MlDsl.Analysis;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Deployment;
using MlDsl.Deployment.Onnx;
using MlDsl.Examples.BreastCancer;
using MlDsl.Serving;
using MlDsl.Tests.Data;
using Onnx;

namespace MlDsl.Tests.Deployment;

/// <summary>
/// <see cref="OnnxPredictor.Open"/> checks that <c>model.onnx</c> is the graph its artifact describes. A graph whose input or
/// output was renamed used to fail with a raw KeyNotFoundException, and one of another model's width opened and failed (or
/// served) on the first request; each is now a <see cref="ServingException"/> at open naming the file, what was expected and
/// what the graph holds.
/// </summary>
public sealed class OnnxGraphCheckTests() : TemporaryFolder("mldsl-onnx-graph-check")
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

    private static string Onnx(string path) => Path.Combine(ArtifactFiles.CurrentVersion(path), "model.onnx");

    private static void Rename(string path, string from, string to)
    {
        ModelProto graph = ModelProto.Parser.ParseFrom(File.ReadAllBytes(Onnx(path)));
        foreach (ValueInfoProto value in graph.Graph.Input.Concat(graph.Graph.Output))
            if (value.Name == from) value.Name = to;
        foreach (NodeProto node in graph.Graph.Node)
        {
            for (int i = 0; i < node.Input.Count; i++) if (node.Input[i] == from) node.Input[i] = to;
            for (int i = 0; i < node.Output.Count; i++) if (node.Output[i] == from) node.Output[i] = to;
        }
        ArtifactFiles.Forge(path, "model.onnx", graph.ToByteArray());
    }

    [Fact]
    public void A_renamed_input_is_refused_naming_the_name_found_and_the_one_expected()
    {
        string path = Export();
        Rename(path, "input", "features");

        var error = Assert.Throws<ServingException>(() => OnnxPredictor.Open(path));

        Assert.Equal(Onnx(path), error.Path);
        Assert.Equal("is not the graph this artifact describes: the graph's inputs are ['features']; expected one input, 'input'", error.Problem);
    }

    [Fact]
    public void A_renamed_output_is_refused_naming_the_name_found_and_the_one_expected()
    {
        string path = Export();
        Rename(path, "output", "logits");

        var error = Assert.Throws<ServingException>(() => OnnxPredictor.Open(path));

        Assert.Equal("is not the graph this artifact describes: the graph's outputs are ['logits']; expected an output 'output'", error.Problem);
    }

    [Fact]
    public void A_graph_of_another_width_is_refused_naming_both_widths()
    {
        string path = Export();
        using var point = new PointMlp(seed: 1);
        using var stream = new MemoryStream();
        ((IOnnxExportable)point).ExportOnnx(stream);
        ArtifactFiles.Forge(path, "model.onnx", stream.ToArray());

        var error = Assert.Throws<ServingException>(() => OnnxPredictor.Open(path));

        Assert.StartsWith("is not the graph this artifact describes: input 'input' is Float (", error.Problem);
        Assert.EndsWith("4 floats a row; manifest.json lists 30 features, so expected (N, ...) floats of 30 a row", error.Problem);
    }

    [Fact]
    public void The_exported_graph_opens_with_the_manifests_width()
    {
        string path = Export();

        using OnnxPredictor served = OnnxPredictor.Open(path);

        Assert.Equal(30, served.RowLength);
        Assert.Equal([30L], served.ExampleShape);
        Assert.InRange(Assert.Single(served.PredictClass([new float[30]])), 0, 1);
    }
}
