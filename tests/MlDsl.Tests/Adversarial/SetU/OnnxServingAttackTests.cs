using Google.Protobuf;
using MlDsl.Analysis;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Serving;
using MlDsl.Tests.Data;
using MlDsl.Tests.Deployment;
using Onnx;

namespace MlDsl.Tests.Adversarial.SetU;

/// <summary>
/// Forged <c>model.onnx</c> graphs (checksums recomputed) that ONNX Runtime loads or runs differently from the exported
/// one: a fixed batch of 0 or 2 instead of the dynamic one, an operator or opset that does not exist, an extra output,
/// a double output. The serving predictor must give the exported classes or refuse as a <see cref="ServingException"/>
/// naming <c>model.onnx</c>; never ONNX Runtime's own exception at the first prediction.
/// </summary>
public sealed class OnnxServingAttackTests() : TemporaryFolder("mldsl-setu-onnx")
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

    private static ModelProto Graph(string path) =>
        ModelProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(ArtifactFiles.CurrentVersion(path), "model.onnx")));

    private static void ForgeGraph(string path, ModelProto graph) => ArtifactFiles.Forge(path, "model.onnx", graph.ToByteArray());

    private static float[][] Rows(int count) =>
        Enumerable.Range(0, count).Select(i => Enumerable.Range(0, 30).Select(j => (float)Math.Sin(i + j)).ToArray()).ToArray();

    private static int[]? Served(string path, int rows, out Exception? error)
    {
        int[]? classes = null;
        error = Record.Exception(() =>
        {
            using OnnxPredictor served = OnnxPredictor.Open(path);
            classes = served.PredictClass(Rows(rows));
        });
        return classes;
    }

    private static void Refused(Exception? error)
    {
        Assert.True(error is ServingException, $"expected a ServingException naming model.onnx, got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        Assert.Contains("model.onnx", error!.Message);
    }

    /// <summary>The forged graph serves the classes the exported one served, or is refused naming model.onnx.</summary>
    private static void ServesTheSameOrRefused(string path, int[] expected, int rows)
    {
        int[]? classes = Served(path, rows, out Exception? error);
        if (error is not null) Refused(error);
        else Assert.Equal(expected, classes);
    }

    private static void FixBatch(ValueInfoProto value, long size)
    {
        TensorShapeProto.Types.Dimension batch = value.Type.TensorType.Shape.Dim[0];
        batch.ClearDimParam();
        batch.DimValue = size;
    }

    [Theory]
    [InlineData(0L, 1)]
    [InlineData(2L, 1)]
    [InlineData(2L, 3)]
    public void A_fixed_batch_size_in_place_of_the_dynamic_one_is_refused_or_serves_every_row(long batch, int rows)
    {
        string path = Export();
        int[] expected = Served(path, rows, out Exception? baseline)!;
        Assert.Null(baseline);
        ModelProto graph = Graph(path);
        FixBatch(graph.Graph.Input[0], batch);
        FixBatch(graph.Graph.Output[0], batch);
        ForgeGraph(path, graph);

        ServesTheSameOrRefused(path, expected, rows);
    }

    [Fact]
    public void A_node_of_an_operator_that_does_not_exist_is_refused_naming_model_onnx()
    {
        string path = Export();
        ModelProto graph = Graph(path);
        graph.Graph.Node[0].OpType = "NoSuchOperator";
        ForgeGraph(path, graph);

        Served(path, 1, out Exception? error);
        Refused(error);
    }

    [Fact]
    public void An_opset_from_the_future_is_refused_naming_model_onnx()
    {
        string path = Export();
        ModelProto graph = Graph(path);
        foreach (OperatorSetIdProto opset in graph.OpsetImport) opset.Version = 999;
        ForgeGraph(path, graph);

        Served(path, 1, out Exception? error);
        Refused(error);
    }

    [Fact]
    public void An_ir_version_of_zero_is_refused_naming_model_onnx()
    {
        string path = Export();
        ModelProto graph = Graph(path);
        graph.IrVersion = 0;
        ForgeGraph(path, graph);

        Served(path, 1, out Exception? error);
        Refused(error);
    }

    [Fact]
    public void An_extra_output_beside_the_named_one_serves_the_same_classes_or_is_refused()
    {
        string path = Export();
        int[] expected = Served(path, 4, out Exception? baseline)!;
        Assert.Null(baseline);
        ModelProto graph = Graph(path);
        ValueInfoProto extra = graph.Graph.Input[0].Clone();
        graph.Graph.Output.Insert(0, extra);
        ForgeGraph(path, graph);

        ServesTheSameOrRefused(path, expected, 4);
    }

    [Fact]
    public void An_output_declared_as_doubles_is_refused_naming_model_onnx()
    {
        string path = Export();
        ModelProto graph = Graph(path);
        graph.Graph.Output[0].Type.TensorType.ElemType = (int)TensorProto.Types.DataType.Double;
        ForgeGraph(path, graph);

        Served(path, 1, out Exception? error);
        Refused(error);
    }
}
