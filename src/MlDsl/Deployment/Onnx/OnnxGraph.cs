using Google.Protobuf;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Deployment.Onnx;

/// <summary>
/// Builds the ONNX graph (opset <see cref="Opset"/>) of a generated model's forward pass. The
/// generator emits one call per layer, in forward order, each taking the name of the previous
/// output and returning its own (<c>x = graph.Conv(x, conv1, ...)</c>); weights are copied from the
/// TorchSharp modules. The graph's input is <c>input</c> (N, feature dims...) with a dynamic batch
/// dimension <c>N</c>, its output <c>output</c>. Built with OnnxSharp's protobuf types.
/// </summary>
public sealed partial class OnnxGraph
{
    /// <summary>The ONNX operator set the graph declares: 17 has every operator used here with the semantics relied on.</summary>
    public const int Opset = 17;

    private readonly GraphProto graph = new();
    private readonly string modelName;
    private int counter;

    /// <param name="modelName">The model's name, recorded as the graph's name.</param>
    /// <param name="featureShape">One example's feature shape, without the batch dimension.</param>
    public OnnxGraph(string modelName, params long[] featureShape)
    {
        this.modelName = modelName;
        graph.Name = modelName;
        graph.Input.Add(Value(Input, featureShape));
    }

    /// <summary>The graph input's name.</summary>
    public string Input => "input";

    /// <summary>Finishes the graph with <paramref name="last"/> as its output of one example's shape <paramref name="outputShape"/> and writes it.</summary>
    public void Save(Stream destination, string last, params long[] outputShape)
    {
        graph.Node.Add(Node("Identity", new[] { last }, "output"));
        graph.Output.Add(Value("output", outputShape));
        var model = new ModelProto
        {
            IrVersion = 8, // ONNX 1.10+, what opset 17 needs
            ProducerName = "MlDsl",
            ProducerVersion = typeof(OnnxGraph).Assembly.GetName().Version?.ToString() ?? "",
            Graph = graph,
            DocString = $"{modelName}: forward pass exported by MlDsl",
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        model.WriteTo(destination);
    }

    // ---- Operators, named as ONNX names them. Each returns its output's name. ----

    /// <summary>Conv over (N, C, H, W) with a Conv2d module's weight and bias.</summary>
    public string Conv(string x, nn.Module module, int kernel, int stride, int padding) =>
        Add("Conv", new[] { x, Weight(module, "weight"), Weight(module, "bias") },
            Ints("kernel_shape", kernel, kernel), Ints("strides", stride, stride), Ints("pads", padding, padding, padding, padding));

    public string MaxPool(string x, int kernel, int stride, int padding) =>
        Add("MaxPool", new[] { x }, Ints("kernel_shape", kernel, kernel), Ints("strides", stride, stride), Ints("pads", padding, padding, padding, padding));

    /// <summary>AveragePool counting padded zeros in the mean, as PyTorch's AvgPool2d does by default.</summary>
    public string AveragePool(string x, int kernel, int stride, int padding) =>
        Add("AveragePool", new[] { x }, Ints("kernel_shape", kernel, kernel), Ints("strides", stride, stride),
            Ints("pads", padding, padding, padding, padding), Int("count_include_pad", 1));

    /// <summary>BatchNormalization with the module's running statistics (inference), PyTorch's epsilon 1e-5.</summary>
    public string BatchNormalization(string x, nn.Module module) =>
        Add("BatchNormalization", new[] { x, Weight(module, "weight"), Weight(module, "bias"), Weight(module, "running_mean"), Weight(module, "running_var") },
            Float("epsilon", 1e-5f));

    /// <summary>Gemm computing x·Wᵀ + b with a Linear module's weight (out, in) and bias.</summary>
    public string Gemm(string x, nn.Module module) =>
        Add("Gemm", new[] { x, Weight(module, "weight"), Weight(module, "bias") }, Int("transB", 1));

    public string Flatten(string x) => Add("Flatten", new[] { x }, Int("axis", 1));

    /// <summary>An element-wise operator without attributes: Relu, Sigmoid, Tanh.</summary>
    public string Unary(string op, string x) => Add(op, new[] { x });

    /// <summary>GELU, exactly (not the tanh approximation): x · ½ · (1 + erf(x / √2)). Opset 17 has no Gelu operator.</summary>
    public string Gelu(string x)
    {
        string scaled = Add("Div", new[] { x, Constant((float)Math.Sqrt(2)) });
        string erf = Add("Erf", new[] { scaled });
        string shifted = Add("Add", new[] { erf, Constant(1f) });
        string half = Add("Mul", new[] { x, Constant(0.5f) });
        return Add("Mul", new[] { half, shifted });
    }

    /// <summary>A regression model's outputs back in the label's units: x · scale + shift, from its fitted <c>TargetScaling</c>.</summary>
    public string Unscale(string x, nn.Module targetScaling)
    {
        string scaled = Add("Mul", new[] { x, Weight(targetScaling, "scale") });
        return Add("Add", new[] { scaled, Weight(targetScaling, "shift") });
    }

    public string Softmax(string x, int axis) => Add("Softmax", new[] { x }, Int("axis", axis));

    public string LogSoftmax(string x, int axis) => Add("LogSoftmax", new[] { x }, Int("axis", axis));

    // ---- Graph plumbing ----

    private string Add(string op, string[] inputs, params AttributeProto[] attributes)
    {
        string output = $"{op.ToLowerInvariant()}_{++counter}";
        NodeProto node = Node(op, inputs, output);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
        return output;
    }

    private NodeProto Node(string op, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = $"{op}_{counter}" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    /// <summary>A module's parameter or buffer as an initializer.</summary>
    /// <exception cref="InvalidOperationException">The module has no such tensor.</exception>
    private string Weight(nn.Module module, string name)
    {
        Tensor tensor = module.state_dict().TryGetValue(name, out Tensor? found) ? found
            : module.named_buffers().Where(buffer => buffer.name == name).Select(buffer => buffer.buffer).FirstOrDefault()
            ?? throw new InvalidOperationException($"Cannot export '{module.GetName()}' to ONNX: it has no tensor '{name}'");
        return Initializer(tensor);
    }

    private string Initializer(Tensor tensor)
    {
        using Tensor values = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous();
        var proto = new TensorProto { Name = $"w_{++counter}", DataType = (int)TensorProto.Types.DataType.Float };
        proto.Dims.AddRange(values.shape);
        proto.RawData = ByteString.CopyFrom(values.bytes);
        graph.Initializer.Add(proto);
        return proto.Name;
    }

    private string Initializer(float[] values, params long[] shape)
    {
        var proto = new TensorProto { Name = $"c_{++counter}", DataType = (int)TensorProto.Types.DataType.Float };
        proto.Dims.AddRange(shape);
        proto.FloatData.AddRange(values);
        graph.Initializer.Add(proto);
        return proto.Name;
    }

    private string Int64s(params long[] values)
    {
        var proto = new TensorProto { Name = $"i_{++counter}", DataType = (int)TensorProto.Types.DataType.Int64 };
        proto.Dims.Add(values.Length);
        proto.Int64Data.AddRange(values);
        graph.Initializer.Add(proto);
        return proto.Name;
    }

    /// <summary>A scalar constant, broadcast against any tensor.</summary>
    private string Constant(float value) => Initializer(new[] { value });

    private static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    private static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    private static ValueInfoProto Value(string name, long[] shape)
    {
        var tensorShape = new TensorShapeProto();
        tensorShape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        foreach (long size in shape) tensorShape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = size });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = tensorShape } },
        };
    }
}
