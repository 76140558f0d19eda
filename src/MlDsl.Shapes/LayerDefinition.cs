using System.Globalization;
using System.Linq;

namespace MlDsl.Shapes;

/// <summary>
/// Everything about one layer kind, in one place, as a Keras layer class holds its configuration,
/// <c>compute_output_shape</c> and parameter count: its shape rule, its parameter count, the
/// TorchSharp factory the generator emits and its traits. The kind is the class name without
/// "Layer" and is also the runtime attribute's name without "Attribute" (<c>Conv2dLayer</c> ↔
/// <c>Conv2dAttribute</c>). Adding a layer = its attribute + one subclass + its rule-page row; the
/// catalogue finds subclasses by reflection.
/// </summary>
public abstract class LayerDefinition
{
    protected LayerDefinition()
    {
        string name = GetType().Name;
        Name = name.EndsWith("Layer", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Layer".Length) : name;
    }

    /// <summary>The kind: <c>Conv2d</c>, <c>Linear</c>, ...</summary>
    public string Name { get; }

    /// <summary>Carries trainable parameters (weights, biases, scales).</summary>
    public virtual bool HasParameters => false;

    /// <summary>Normalizes activations (BatchNorm, LayerNorm, ...): has parameters but is never the model's output layer.</summary>
    public virtual bool Normalizes => false;

    /// <summary>Estimates statistics over the batch during training (BatchNorm), so a batch of one is a problem.</summary>
    public virtual bool UsesBatchStatistics => false;

    /// <summary>
    /// For a layer that <see cref="UsesBatchStatistics"/>: how many values of one example each statistic
    /// averages (BatchNorm: the elements beside the channel, 1 for a flat (F) row). A batch of one
    /// example then gives each statistic that many values; PyTorch refuses to train on a single one.
    /// </summary>
    public virtual long ValuesPerStatistic(TensorShape input) => input.Rank <= 1 ? 1 : input.ElementCount / input[0];

    /// <summary>Turns logits into probabilities or log-probabilities.</summary>
    public virtual bool SquashesOutput => false;

    /// <summary>Active only while training (dropout, augmentation); the identity at prediction.</summary>
    public virtual bool TrainOnly => false;

    /// <summary>Looks up integer token ids (Embedding); every other layer refuses them, since ids are indices, not quantities.</summary>
    public virtual bool ReadsTokenIds => false;

    /// <summary>The constructor argument that sets the layer's output width, when a code fix may rewrite it (<c>OutFeatures</c>).</summary>
    public virtual string? OutputWidthArgument => null;

    /// <summary>Infers the layer's output shape from one example's input shape (no batch dimension).</summary>
    public abstract LayerOutcome Infer(LayerSpec spec, TensorShape input);

    /// <summary>
    /// The attribute argument naming an earlier member whose output the layer reads besides its input (cross-attention's
    /// keys and values, <c>KeyValue</c>); null for a layer that reads only its input. The reader checks the name
    /// (MLDSL0038) and rewrites it to the member's path from the model, as a <c>[From]</c> path's source is.
    /// </summary>
    public virtual string? MemberArgument => null;

    /// <summary>The path of the other member this layer reads (see <see cref="MemberArgument"/>), or null.</summary>
    public string? ReadsMember(LayerSpec spec) => MemberArgument is { } argument ? spec.Arguments.Text(argument) : null;

    /// <summary>Infers the output of a layer that also reads <paramref name="member"/>, the output of the member <see cref="ReadsMember"/> names.</summary>
    public virtual LayerOutcome Infer(LayerSpec spec, TensorShape input, TensorShape member) => Infer(spec, input);

    /// <summary>
    /// The generated forward call of a layer that also reads another member's output: <paramref name="field"/> is its
    /// module, <paramref name="input"/> and <paramref name="member"/> C# locals. Null for a layer that reads only its input.
    /// </summary>
    public virtual string? Forward(string field, string input, string member) => null;

    /// <summary>The ONNX graph value a member's output is kept in, for the joins, paths and layers that read it: its path with '_' for '.' (<c>stage2_convOnnx</c>).</summary>
    public static string KeptOnnxOutput(string member) => member.Replace('.', '_') + "Onnx";

    /// <summary>
    /// The layer's ONNX export: a C# call on the runtime's <c>OnnxGraph</c> that takes the previous
    /// output's name <c>x</c> and returns its own (<c>Conv(x, conv1, kernel: 3, stride: 1, padding: 0)</c>,
    /// emitted as <c>x = graph.Conv(...)</c>); null when the kind cannot be lowered to ONNX operators
    /// (only <c>UserModule</c>: the generated export then throws <c>OnnxExportException</c> naming the
    /// member and its module type). Train-only layers are the identity: left out of the graph, never asked.
    /// </summary>
    public virtual string? Onnx(ResolvedLayer layer) => null;

    /// <summary>
    /// The C# expression, inside a generated model's <c>ExportOnnx</c>, for the layer's TorchSharp module:
    /// its field, or for a layer of a block (registered under a path such as <c>stage2.down.conv1</c>, a
    /// private field of the block's class) a lookup by that path.
    /// </summary>
    protected static string Module(ResolvedLayer layer) =>
        layer.Spec.FieldName.IndexOf('.') < 0
            ? layer.Spec.FieldName
            : $"global::MlDsl.Deployment.Onnx.OnnxGraph.Submodule(this, \"{layer.Spec.FieldName}\")";

    /// <summary>Adaptive average pooling from the input's trailing sizes to the output's: <c>AdaptiveAveragePool(x, new long[] { 12, 12 }, new long[] { 4, 3 })</c>.</summary>
    protected static string AdaptivePool(ResolvedLayer layer) =>
        $"AdaptiveAveragePool(x, new long[] {{ {string.Join(", ", layer.Input.Dimensions.Skip(1))} }}, new long[] {{ {string.Join(", ", layer.Output.Dimensions.Skip(1))} }})";

    /// <summary>One example's sizes as a C# argument list (<c>8, 4, 3</c>).</summary>
    protected static string Sizes(TensorShape shape) => string.Join(", ", shape.Dimensions);

    protected static LayerOutcome Resolved(LayerSpec spec, TensorShape input, TensorShape output, long parameters, string factory, string torchSharpType) =>
        new(new ResolvedLayer(spec, input, output, parameters, factory, torchSharpType), null);

    protected static LayerOutcome Fail(ShapeProblemKind kind, LayerSpec spec, string message, int? expected = null, string? argument = null) =>
        new(null, new ShapeProblem(kind, spec, message, expected, argument));

    /// <summary>
    /// A grouped convolution's channel check, shared by Conv1d and Conv2d: PyTorch refuses groups that do not divide
    /// both the in and the out channels. Null when they divide.
    /// </summary>
    protected static LayerOutcome? GroupsProblem(LayerSpec spec, TensorShape input, int inChannels, int outChannels, int groups)
    {
        bool inFails = inChannels % groups != 0, outFails = outChannels % groups != 0;
        if (!inFails && !outFails) return null;
        return Fail(ShapeProblemKind.InvalidArgument, spec,
            $"{spec.Describe()} splits its channels into {groups} groups, but "
            + (inFails ? $"its {inChannels} in channels (from {input})" : "")
            + (inFails && outFails ? " and " : "")
            + (outFails ? $"its {outChannels} out channels" : "")
            + $" are not divisible by {groups}; PyTorch refuses it");
    }

    /// <summary>A declared size that disagrees with the inferred one: reported, and inference goes on with the inferred size.</summary>
    protected static LayerOutcome Mismatch(LayerOutcome inferred, LayerSpec spec, string argument, int declared, int actual, TensorShape input, string what) =>
        inferred with
        {
            Problem = new ShapeProblem(ShapeProblemKind.InputSizeMismatch, spec,
                $"{spec.Describe()} declares {declared} {what} but receives {input}" + (input.Rank > 1 ? $", which has {actual}" : "")
                + (input.IsSequence && declared == input[1] ? $"; it is a sequence (steps, features), and PyTorch reads its {input[1]} features as {what} only after [Permute(1, 0)]" : ""),
                actual, argument),
        };

    protected static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A rank check with the message every layer uses: what it expects, what it got.</summary>
    protected static LayerOutcome? RequireRank(LayerSpec spec, TensorShape input, int rank, string expected, string? hint = null) =>
        input.Rank == rank
            ? null
            : Fail(ShapeProblemKind.RankMismatch, spec,
                $"{spec.Describe()} expects {expected} but receives {input}, a rank-{input.Rank} tensor" + (hint is null ? "" : "; " + hint));

    /// <summary>
    /// A check for layers that read a sequence (steps, features): a flat vector or a feature map is
    /// refused with the ways to make a sequence of it.
    /// </summary>
    protected static LayerOutcome? RequireSequence(LayerSpec spec, TensorShape input, string what)
    {
        if (input.Rank == 2) return null;
        string hint = input.Rank == 1
            ? $"{what} reads one vector per step: declare the feature as [Shape(steps, features)], put [Embedding] before it for token ids, or [Reshape(steps, features)]"
            : input.Rank == 3 && input[0] == 1
                ? "a spectrogram (1, frequency, time) becomes a sequence of frames with [Squeeze(0), Permute(1, 0)]"
                : "[Reshape] or [Permute] it to (steps, features)";
        return Fail(ShapeProblemKind.RankMismatch, spec,
            $"{spec.Describe()} expects a sequence (steps, features) but receives {input}, a rank-{input.Rank} tensor; {hint}");
    }

    /// <summary>Output size of a sliding window, PyTorch's floor((n + 2p - d(k - 1) - 1) / s) + 1.</summary>
    protected static int Slide(int size, int kernel, int stride, int padding, int dilation = 1) =>
        (int)System.Math.Floor((size + 2.0 * padding - dilation * (kernel - 1) - 1) / stride) + 1;

    /// <summary>
    /// A pooling window's slide with PyTorch's ceil_mode: the last, partial window counts, unless it would start in the
    /// right padding ((out − 1)·s ≥ n + p), which PyTorch drops.
    /// </summary>
    protected static int SlideCeil(int size, int kernel, int stride, int padding, int dilation = 1)
    {
        int output = (int)System.Math.Ceiling((size + 2.0 * padding - dilation * (kernel - 1) - 1) / stride) + 1;
        return (output - 1) * stride >= size + padding ? output - 1 : output;
    }

    /// <summary>A transposed convolution's output size along one axis, PyTorch's (n − 1)·s − 2p + d·(k − 1) + output_padding + 1.</summary>
    protected static int TransposedLength(int size, int kernel, int stride, int padding, int outputPadding, int dilation) =>
        (size - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1;
}

/// <summary>A layer kind whose attribute arguments are read into a typed options record first.</summary>
/// <typeparam name="TOptions">The layer's arguments with the attribute's defaults applied.</typeparam>
public abstract class LayerDefinition<TOptions> : LayerDefinition
{
    /// <summary>Reads the attribute's arguments; defaults mirror the attribute class's property initialisers.</summary>
    public abstract TOptions Read(LayerArguments arguments);

    protected abstract LayerOutcome Infer(LayerSpec spec, TOptions options, TensorShape input);

    public sealed override LayerOutcome Infer(LayerSpec spec, TensorShape input) => Infer(spec, Read(spec.Arguments), input);

    public sealed override LayerOutcome Infer(LayerSpec spec, TensorShape input, TensorShape member) => Infer(spec, Read(spec.Arguments), input, member);

    /// <summary>Inference for a layer that also reads another member's output; see <see cref="LayerDefinition.MemberArgument"/>.</summary>
    protected virtual LayerOutcome Infer(LayerSpec spec, TOptions options, TensorShape input, TensorShape member) => Infer(spec, options, input);

    public sealed override string? Onnx(ResolvedLayer layer) => Onnx(layer, Read(layer.Spec.Arguments));

    /// <summary>The ONNX export with the layer's options read; see <see cref="LayerDefinition.Onnx(ResolvedLayer)"/>.</summary>
    protected virtual string? Onnx(ResolvedLayer layer, TOptions options) => null;
}

/// <summary>What inferring one layer gave: the resolved layer, a problem, or both when the shape is still known.</summary>
public sealed record LayerOutcome(ResolvedLayer? Layer, ShapeProblem? Problem);
