using Google.Protobuf;
using MlDsl.Analysis;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Deployment;
using MlDsl.Deployment.Onnx;
using MlDsl.Examples.BreastCancer;
using MlDsl.Serving;
using MlDsl.Tests.Data;
using MlDsl.Tests.Deployment;
using Onnx;

namespace MlDsl.Tests.Adversarial.SetT;

/// <summary>
/// Well-formed ONNX graphs that are not the graph the artifact describes, forged into <c>model.onnx</c> with every checksum
/// recomputed: another input name, another width, another element type, an extra input, a node reading a tensor nobody
/// writes. The serving predictor must refuse each at <see cref="OnnxPredictor.Open"/> as a <see cref="ServingException"/>
/// naming <c>model.onnx</c> and what it expected, never leak ONNX Runtime's or a dictionary's exception, never predict.
/// </summary>
public sealed class OnnxGraphAttackTests() : TemporaryFolder("mldsl-sett-onnx")
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

    private static string InVersion(string path, string file) => Path.Combine(ArtifactFiles.CurrentVersion(path), file);

    private static ModelProto Graph(string path) => ModelProto.Parser.ParseFrom(File.ReadAllBytes(InVersion(path, "model.onnx")));

    private static void ForgeGraph(string path, ModelProto graph) => ArtifactFiles.Forge(path, "model.onnx", graph.ToByteArray());

    private static ServingException Refused(string path, params string[] named)
    {
        Exception? error = Record.Exception(() =>
        {
            using OnnxPredictor served = OnnxPredictor.Open(path);
            served.PredictClass([new float[30]]);
        });
        Assert.True(error is ServingException, $"expected a ServingException naming model.onnx, got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        Assert.Contains("model.onnx", error!.Message);
        foreach (string name in named) Assert.Contains(name, error.Message);
        return (ServingException)error;
    }

    private static void Rename(ModelProto graph, string from, string to)
    {
        foreach (ValueInfoProto value in graph.Graph.Input.Concat(graph.Graph.Output))
            if (value.Name == from) value.Name = to;
        foreach (NodeProto node in graph.Graph.Node)
        {
            for (int i = 0; i < node.Input.Count; i++) if (node.Input[i] == from) node.Input[i] = to;
            for (int i = 0; i < node.Output.Count; i++) if (node.Output[i] == from) node.Output[i] = to;
        }
    }

    [Fact]
    public void A_graph_whose_input_is_named_otherwise_is_refused_naming_the_input_expected()
    {
        string path = Export();
        ModelProto graph = Graph(path);
        Rename(graph, "input", "x");
        ForgeGraph(path, graph);

        Refused(path, "'input'");
    }

    [Fact]
    public void A_graph_whose_output_is_named_otherwise_is_refused_naming_the_output_expected()
    {
        string path = Export();
        ModelProto graph = Graph(path);
        Rename(graph, "output", "logits");
        ForgeGraph(path, graph);

        Refused(path, "'output'");
    }

    [Fact]
    public void A_graph_of_another_models_width_is_refused_at_open_naming_both_widths()
    {
        string path = Export();
        using var point = new PointMlp(seed: 1);
        using var stream = new MemoryStream();
        ((IOnnxExportable)point).ExportOnnx(stream);
        ArtifactFiles.Forge(path, "model.onnx", stream.ToArray());

        Exception? error = Record.Exception(() => OnnxPredictor.Open(path).Dispose());

        Assert.True(error is ServingException, $"expected the open to refuse a 4-wide graph for 30 features, got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        Assert.Contains("model.onnx", error!.Message);
        Assert.Contains("30", error.Message);
    }

    [Fact]
    public void A_graph_whose_input_takes_doubles_is_refused_naming_it()
    {
        string path = Export();
        ModelProto graph = Graph(path);
        graph.Graph.Input[0].Type.TensorType.ElemType = (int)TensorProto.Types.DataType.Double;
        ForgeGraph(path, graph);

        Refused(path);
    }

    [Fact]
    public void A_graph_with_a_second_unused_input_is_refused_or_serves_the_same_classes()
    {
        string path = Export();
        float[][] rows = BreastCancerRows.Load().Take(20).Select(row => row.Measurements).ToArray();
        int[] before;
        using (OnnxPredictor original = OnnxPredictor.Open(path)) before = original.PredictClass(rows);
        ModelProto graph = Graph(path);
        ValueInfoProto extra = graph.Graph.Input[0].Clone();
        extra.Name = "extra";
        graph.Graph.Input.Add(extra);
        ForgeGraph(path, graph);

        Exception? error = Record.Exception(() =>
        {
            using OnnxPredictor served = OnnxPredictor.Open(path);
            Assert.Equal(before, served.PredictClass(rows));
        });

        if (error is Xunit.Sdk.XunitException) throw error;
        if (error is not null)
        {
            Assert.True(error is ServingException, $"got {error.GetType().FullName}: {error.Message}");
            Assert.Contains("extra", error.Message);
        }
    }

    [Fact]
    public void A_graph_whose_node_reads_a_tensor_nobody_writes_is_refused_naming_it()
    {
        string path = Export();
        ModelProto graph = Graph(path);
        graph.Graph.Node[^1].Input[0] = "nowhere";
        ForgeGraph(path, graph);

        Refused(path);
    }

    [Fact]
    public void A_graph_whose_weights_were_cut_short_is_refused_naming_it()
    {
        string path = Export();
        ModelProto graph = Graph(path);
        TensorProto weights = graph.Graph.Initializer.First(tensor => tensor.Dims.Count == 2);
        if (weights.RawData.Length > 0) weights.RawData = ByteString.CopyFrom(weights.RawData.Span[..(weights.RawData.Length / 2)]);
        else
        {
            float[] half = weights.FloatData.Take(weights.FloatData.Count / 2).ToArray();
            weights.FloatData.Clear();
            weights.FloatData.Add(half);
        }
        ForgeGraph(path, graph);

        Refused(path);
    }

    [Fact]
    public void No_rows_give_no_predictions()
    {
        string path = Export();
        using OnnxPredictor served = OnnxPredictor.Open(path);

        Assert.Empty(served.PredictClass([]));
    }

    [Fact]
    public void A_null_row_is_refused_naming_its_position()
    {
        string path = Export();
        using OnnxPredictor served = OnnxPredictor.Open(path);

        Exception? error = Record.Exception(() => served.PredictClass([new float[30], null!]));

        Assert.True(error is ServingException or ArgumentException, $"got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        Assert.Contains("rows[1]", error!.Message);
    }

    [Fact]
    public void An_onnx_deployment_of_a_renamed_input_graph_is_refused_naming_it_or_serves_as_torchsharp_does()
    {
        string path = Export();
        Tumour[] rows = BreastCancerRows.Load().Take(20).ToArray();
        int[] torch;
        using (var deployed = DeployedModel<Tumour, TumourMlp>.Open(path, TumourMlp.Load)) torch = deployed.Predict(rows);
        ModelProto graph = Graph(path);
        Rename(graph, "input", "x");
        ForgeGraph(path, graph);

        Exception? error = Record.Exception(() =>
        {
            using var deployed = DeployedModel<Tumour, TumourMlp>.Open(path, TumourMlp.Load, ServingEngine.OnnxRuntime);
            Assert.Equal(torch, deployed.Predict(rows));
        });

        if (error is Xunit.Sdk.XunitException) throw error;
        if (error is not null)
        {
            Assert.True(error is ArtifactException, $"got {error.GetType().FullName}: {error.Message}");
            Assert.Contains("model.onnx", error.Message);
        }
    }
}
