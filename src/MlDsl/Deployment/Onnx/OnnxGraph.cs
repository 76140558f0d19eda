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
/// dimension <c>N</c> — for a model of several inputs the collated row (N, row length), which each
/// branch narrows as the forward does — its output <c>output</c>. Built with OnnxSharp's protobuf types. The operators
/// are grouped by family in the partial files beside this one (Signals, Sequences, Shapes, Activations,
/// Audio, Branches); each layer kind's catalogue file says which call it emits.
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

    /// <summary>
    /// Conv with a Conv2d or Conv1d module's weight and bias: over (N, C, H, W) with <paramref name="dimensions"/> 2,
    /// over (N, C, L) with 1; the same kernel, stride, padding and dilation along each spatial axis. A module built
    /// without a bias (<c>bias: false</c>) gives Conv no B input.
    /// </summary>
    public string Conv(string x, nn.Module module, int kernel, int stride, int padding, int dilation = 1, int dimensions = 2, bool bias = true) =>
        Add("Conv", bias ? new[] { x, Weight(module, "weight"), Weight(module, "bias") } : new[] { x, Weight(module, "weight") },
            Ints("kernel_shape", Repeat(kernel, dimensions)), Ints("strides", Repeat(stride, dimensions)),
            Ints("pads", Repeat(padding, 2 * dimensions)), Ints("dilations", Repeat(dilation, dimensions)));

    /// <summary>
    /// Conv with sizes per spatial axis: <paramref name="kernel"/>, <paramref name="strides"/> and <paramref name="dilations"/>
    /// one a axis, <paramref name="pads"/> ONNX's begins then ends (top, left, bottom, right), so a non-square kernel,
    /// PyTorch's padding='same' with an even kernel (one more row at the end) and grouped convolutions export too.
    /// </summary>
    public string Conv(string x, nn.Module module, long[] kernel, long[] strides, long[] pads, long[] dilations, long groups = 1, bool bias = true) =>
        Add("Conv", bias ? new[] { x, Weight(module, "weight"), Weight(module, "bias") } : new[] { x, Weight(module, "weight") },
            Ints("kernel_shape", kernel), Ints("strides", strides), Ints("pads", pads), Ints("dilations", dilations), Int("group", groups));

    /// <summary>
    /// ConvTranspose with a ConvTranspose1d or ConvTranspose2d module's weight (in, out / groups, k... as ONNX's W) and
    /// bias; the same kernel, stride, padding, output padding and dilation along each of the <paramref name="dimensions"/> axes.
    /// </summary>
    public string ConvTranspose(string x, nn.Module module, int kernel, int stride, int padding, int outputPadding, int dilation,
        int groups = 1, int dimensions = 2, bool bias = true) =>
        ConvTranspose(x, module, Repeat(kernel, dimensions), Repeat(stride, dimensions), Repeat(padding, 2 * dimensions),
            Repeat(outputPadding, dimensions), Repeat(dilation, dimensions), groups, bias);

    /// <summary>
    /// ConvTranspose with sizes per spatial axis (a non-square kernel, stride, padding, output padding or dilation):
    /// <paramref name="pads"/> are ONNX's begins then ends (top, left, bottom, right).
    /// </summary>
    public string ConvTranspose(string x, nn.Module module, long[] kernel, long[] strides, long[] pads, long[] outputPadding, long[] dilations,
        long groups = 1, bool bias = true) =>
        Add("ConvTranspose", bias ? new[] { x, Weight(module, "weight"), Weight(module, "bias") } : new[] { x, Weight(module, "weight") },
            Ints("kernel_shape", kernel), Ints("strides", strides), Ints("pads", pads), Ints("output_padding", outputPadding),
            Ints("dilations", dilations), Int("group", groups));

    /// <summary>MaxPool with sizes per spatial axis; <paramref name="pads"/> are ONNX's begins then ends.</summary>
    public string MaxPool(string x, long[] kernel, long[] strides, long[] pads, bool ceilMode = false) =>
        Add("MaxPool", new[] { x }, Ints("kernel_shape", kernel), Ints("strides", strides), Ints("pads", pads), Int("ceil_mode", ceilMode ? 1 : 0));

    /// <summary>AveragePool with sizes per spatial axis, counting padded zeros as PyTorch does by default.</summary>
    public string AveragePool(string x, long[] kernel, long[] strides, long[] pads, bool ceilMode = false) =>
        Add("AveragePool", new[] { x }, Ints("kernel_shape", kernel), Ints("strides", strides), Ints("pads", pads), Int("count_include_pad", 1),
            Int("ceil_mode", ceilMode ? 1 : 0));

    /// <summary>MaxPool over (N, C, H, W), or over (N, C, L) with <paramref name="dimensions"/> 1; padding never wins the max, as in PyTorch.</summary>
    public string MaxPool(string x, int kernel, int stride, int padding, int dimensions = 2, bool ceilMode = false) =>
        Add("MaxPool", new[] { x }, Ints("kernel_shape", Repeat(kernel, dimensions)), Ints("strides", Repeat(stride, dimensions)),
            Ints("pads", Repeat(padding, 2 * dimensions)), Int("ceil_mode", ceilMode ? 1 : 0));

    /// <summary>AveragePool counting padded zeros in the mean, as PyTorch's AvgPool2d and AvgPool1d do by default.</summary>
    public string AveragePool(string x, int kernel, int stride, int padding, int dimensions = 2, bool ceilMode = false) =>
        Add("AveragePool", new[] { x }, Ints("kernel_shape", Repeat(kernel, dimensions)), Ints("strides", Repeat(stride, dimensions)),
            Ints("pads", Repeat(padding, 2 * dimensions)), Int("count_include_pad", 1), Int("ceil_mode", ceilMode ? 1 : 0));

    /// <summary>BatchNormalization with the module's running statistics (inference), PyTorch's epsilon 1e-5.</summary>
    public string BatchNormalization(string x, nn.Module module) =>
        Add("BatchNormalization", new[] { x, Weight(module, "weight"), Weight(module, "bias"), Weight(module, "running_mean"), Weight(module, "running_var") },
            Float("epsilon", 1e-5f));

    /// <summary>Gemm computing x·Wᵀ + b with a Linear module's weight (out, in) and bias; without a bias (<c>bias: false</c>) Gemm gets no C input (optional since opset 11).</summary>
    public string Gemm(string x, nn.Module module, bool bias = true) =>
        Add("Gemm", bias ? new[] { x, Weight(module, "weight"), Weight(module, "bias") } : new[] { x, Weight(module, "weight") }, Int("transB", 1));

    /// <summary>A Linear module applied per position of a sequence (N, L, F): MatMul with Wᵀ, then the bias (Gemm takes matrices only); the MatMul alone with <c>bias: false</c>.</summary>
    public string Dense(string x, nn.Module module, bool bias = true) => Dense(x, Parameter(module, "weight"), bias ? Parameter(module, "bias") : null);

    /// <summary>x·Wᵀ + b over the last axis of x, for any rank; x·Wᵀ without a bias.</summary>
    private string Dense(string x, Tensor weight, Tensor? bias)
    {
        using Tensor transposed = weight.t();
        string product = Add("MatMul", new[] { x, Initializer(transposed) });
        return bias is null ? product : Add("Add", new[] { product, Initializer(bias) });
    }

    public string Flatten(string x) => Add("Flatten", new[] { x }, Int("axis", 1));

    /// <summary>A residual block's output: its body's output plus its shortcut's (the block input or its projection).</summary>
    public string Residual(string body, string shortcut) => Add("Add", new[] { body, shortcut });

    /// <summary>
    /// The module registered under <paramref name="path"/> inside <paramref name="root"/> (<c>stage2.down.conv1</c>),
    /// as a generated model's export reaches the layers of its blocks.
    /// </summary>
    /// <exception cref="InvalidOperationException">No module is registered under that path.</exception>
    public static nn.Module Submodule(nn.Module root, string path) =>
        root.named_modules().Where(entry => entry.name == path).Select(entry => entry.module).FirstOrDefault()
        ?? throw new InvalidOperationException($"Cannot export '{root.GetName()}' to ONNX: it has no module '{path}'");

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

    private string Add(string op, string[] inputs, params AttributeProto[] attributes) => Add(op, inputs, 1, attributes)[0];

    /// <summary>A node with <paramref name="outputs"/> outputs (the leading ones of the operator's; later optional ones are left off).</summary>
    private string[] Add(string op, string[] inputs, int outputs, params AttributeProto[] attributes)
    {
        string[] names = Enumerable.Range(0, outputs).Select(index => $"{op.ToLowerInvariant()}_{++counter}").ToArray();
        var node = new NodeProto { OpType = op, Name = $"{op}_{counter}" };
        node.Input.AddRange(inputs);
        node.Output.AddRange(names);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
        return names;
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
    private string Weight(nn.Module module, string name) => Initializer(Parameter(module, name));

    /// <summary>
    /// A module's parameter or buffer by its state_dict key, or by the key's last parts when the module
    /// wraps TorchSharp's own (<c>weight_ih_l0</c> finds <c>lstm.weight_ih_l0</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The module has no such tensor; the message lists those it has.</exception>
    private static Tensor Parameter(nn.Module module, string name)
    {
        Dictionary<string, Tensor> tensors = module.state_dict();
        foreach ((string key, Tensor tensor) in module.named_buffers()) tensors.TryAdd(key, tensor);
        if (tensors.TryGetValue(name, out Tensor? exact)) return exact;
        Tensor[] suffixed = tensors.Where(entry => entry.Key.EndsWith("." + name, StringComparison.Ordinal)).Select(entry => entry.Value).ToArray();
        return suffixed.Length == 1 ? suffixed[0]
            : throw new InvalidOperationException(
                $"Cannot export '{module.GetName()}' ({module.GetType().Name}) to ONNX: it has no tensor '{name}' (it has {string.Join(", ", tensors.Keys)})");
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

    /// <summary>A 0-d int64 constant (Gather's index that removes the axis).</summary>
    private string Int64Scalar(long value)
    {
        var proto = new TensorProto { Name = $"i_{++counter}", DataType = (int)TensorProto.Types.DataType.Int64 };
        proto.Int64Data.Add(value);
        graph.Initializer.Add(proto);
        return proto.Name;
    }

    private static long[] Repeat(int value, int count) => Enumerable.Repeat((long)value, count).ToArray();

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
