namespace MlDsl.Shapes.Layers;

/// <summary>
/// Multi-head attention, PyTorch's <c>nn.MultiheadAttention(embed_dim, num_heads, dropout, bias, kdim, vdim, batch_first=True)</c>:
/// the query is the input (Lq, embedDim); keys and values are the input itself (self-attention) or the output (Lk, kdim) of
/// the earlier member named by <c>KeyValue</c> (cross-attention). Output (Lq, embedDim). Parameters: the query, key and value
/// projections E·(E + kdim + vdim), the output projection E², and with biases 3E + E.
/// </summary>
public sealed class MultiheadAttentionLayer : LayerDefinition<MultiheadAttentionLayer.Options>
{
    /// <param name="KeyDim">The declared key width (kdim); null is the embedding width, as in PyTorch.</param>
    /// <param name="KeyValue">The path of the member whose output gives the keys and values; null for self-attention.</param>
    public sealed record Options(int EmbedDim, int Heads, double Dropout, bool Bias, int? KeyDim, int? ValueDim, string? KeyValue);

    public override bool HasParameters => true;

    public override string? MemberArgument => "KeyValue";

    public override Options Read(LayerArguments arguments) => new(
        arguments.Int("EmbedDim", 0), arguments.Int("Heads", 0), arguments.Double("Dropout", 0.0), arguments.Bool("Bias", true),
        arguments.Declared("KeyDim"), arguments.Declared("ValueDim"), arguments.Text("KeyValue"));

    /// <summary>The module's forward of two tensors: the query and the keys and values.</summary>
    public override string Forward(string field, string input, string member) =>
        $"((global::MlDsl.Layers.MultiheadAttentionModule){field}).forward({input}, {member})";

    /// <summary>Per-head Q·Kᵀ/√d, Softmax, ·V and the output projection written out, as TransformerEncoder's attention is.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) =>
        $"MultiheadAttention(x, {(options.KeyValue is { } source ? KeptOnnxOutput(source) : "x")}, {Module(layer)}, width: {options.EmbedDim}, heads: {options.Heads}, bias: {(options.Bias ? "true" : "false")})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input) => Attend(spec, options, input, input, null);

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input, TensorShape member) =>
        Attend(spec, options, input, member, options.KeyValue);

    /// <param name="keyValue">The keys' and values' shape: the input itself, or <paramref name="source"/>'s output.</param>
    private static LayerOutcome Attend(LayerSpec spec, Options options, TensorShape input, TensorShape keyValue, string? source)
    {
        if (RequireSequence(spec, input, "attention") is { } sequence) return sequence;
        (int width, int heads) = (options.EmbedDim, options.Heads);
        if (width <= 0 || heads <= 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} needs a positive embedding width and number of heads, not {width} and {heads}");
        if (options.Dropout < 0 || options.Dropout >= 1)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} has dropout {Number(options.Dropout)}; it must lie in [0, 1)");
        // libtorch splits the width evenly across the heads and aborts the process when it cannot.
        if (width % heads != 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} has {heads} heads but an embedding width of {width}: {width} is not divisible by {heads}; "
                + $"each head attends over width/heads features, so choose heads that divide {width}");
        string from = source is null ? "its input" : $"'{source}'";
        if (keyValue.Rank != 2)
            return Fail(ShapeProblemKind.RankMismatch, spec,
                $"{spec.Describe()} reads its keys and values from {from}, which gives {keyValue.Describe()}, a rank-{keyValue.Rank} tensor; "
                + "keys and values are a sequence (steps, features): keep every step (ReturnSequences = true, no SelectStep or pooling before it)");

        int keyDim = options.KeyDim ?? width, valueDim = options.ValueDim ?? width;
        long parameters = (long)width * (width + keyDim + valueDim) + (long)width * width + (options.Bias ? 4L * width : 0);
        string factory = $"new global::MlDsl.Layers.MultiheadAttentionModule({width}, {heads}"
            + (options.Dropout != 0 ? $", dropout: {Number(options.Dropout)}" : "")
            + (options.Bias ? "" : ", bias: false")
            + (options.KeyDim is { } k ? $", keyDim: {k}" : "")
            + (options.ValueDim is { } v ? $", valueDim: {v}" : "")
            + ")";
        LayerOutcome outcome = Resolved(spec, input, TensorShape.Sequence(input[0], width), parameters, factory, "MultiheadAttention");
        return Mismatch(spec, options, input, keyValue, from, width) is { } problem ? outcome with { Problem = problem } : outcome;
    }

    /// <summary>The first width that does not fit: the query's against embedDim, then the keys' and values' against KeyDim and ValueDim (embedDim when undeclared).</summary>
    private static ShapeProblem? Mismatch(LayerSpec spec, Options options, TensorShape query, TensorShape keyValue, string from, int width)
    {
        if (query[1] != width)
            return new ShapeProblem(ShapeProblemKind.InputSizeMismatch, spec,
                $"{spec.Describe()} declares an embedding width of {width} but its query is {query.Describe()}, which has {query[1]} features per step; "
                + $"set the width to {query[1]} or project the query with [Linear({width})] first",
                query[1], "EmbedDim");
        int features = keyValue[1];
        foreach ((string argument, string name, int? declared) in new[] { ("KeyDim", "key", options.KeyDim), ("ValueDim", "value", options.ValueDim) })
        {
            if (declared is { } size && size != features)
                return new ShapeProblem(ShapeProblemKind.InputSizeMismatch, spec,
                    $"{spec.Describe()} declares {argument} = {size} but its keys and values come from {from}, {keyValue.Describe()}, which has {features} features per step",
                    features, argument);
            if (declared is null && features != width)
                return new ShapeProblem(ShapeProblemKind.BranchMismatch, spec,
                    $"{spec.Describe()} attends from {query.Describe()} over keys and values from {from}, {keyValue.Describe()}: "
                    + $"the {name} width ({argument}, PyTorch's {(name == "key" ? "kdim" : "vdim")}) defaults to the embedding width {width}, not {features}; "
                    + $"declare {argument} = {features}" + (options.KeyDim is null && options.ValueDim is null ? $" and ValueDim = {features}" : "")
                    + $", or project {from} to {width} features with [Linear({width})]");
        }
        return null;
    }
}
