namespace MlDsl.Shapes.Layers;

/// <summary>
/// Embedding: token ids (steps) -> a sequence (steps, width); parameters vocabulary*width. The ids
/// come from an <c>int[]</c> feature with a declared vocabulary, which must fit in the table.
/// </summary>
public sealed class EmbeddingLayer : LayerDefinition<EmbeddingLayer.Options>
{
    /// <param name="PaddingIndex">The id whose row stays zero and gets no gradient; -1 for none.</param>
    public sealed record Options(int NumEmbeddings, int EmbeddingDim, int PaddingIndex);

    public override bool HasParameters => true;
    public override bool ReadsTokenIds => true;

    public override Options Read(LayerArguments arguments) => new(
        arguments.Int("NumEmbeddings", 0), arguments.Int("EmbeddingDim", 0), arguments.Int("PaddingIndex", -1));

    /// <summary>The ids cast to int64 and gathered from the table.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) => $"Embedding(x, {Module(layer)})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        (int vocabulary, int width, int padding) = options;
        if (vocabulary <= 0 || width <= 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} needs a positive vocabulary size and width, not {vocabulary} and {width}");
        if (padding < -1 || padding >= vocabulary)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} has padding index {padding}; it must be an id below the vocabulary size {vocabulary}, or -1 for none");
        if (input.Layout != TensorLayout.Tokens)
            return Fail(input.Rank == 1 ? ShapeProblemKind.TokenMismatch : ShapeProblemKind.RankMismatch, spec,
                $"{spec.Describe()} looks up integer token ids (steps) but receives "
                + (input.Rank == 1 ? $"floats {input}" : $"{input.Describe()}, a rank-{input.Rank} tensor")
                + "; feed it an int[] feature declared with [Shape(steps), Vocabulary(n)], as the model's first layer");

        string factory = $"new global::MlDsl.Layers.EmbeddingModule({vocabulary}, {width}"
            + (padding >= 0 ? $", paddingIndex: {padding}" : "")
            // The dataset checks every id against the declared vocabulary while collating, and the check
            // below makes that vocabulary fit the table, so the module need not scan each batch again.
            + ", checkIds: false)";
        LayerOutcome outcome = Resolved(spec, input, TensorShape.Sequence(input[0], width), (long)vocabulary * width, factory, "Embedding");
        return input.Vocabulary > vocabulary
            ? outcome with
            {
                Problem = new ShapeProblem(ShapeProblemKind.TokenMismatch, spec,
                    $"{spec.Describe()} has {vocabulary} rows but receives {input.Describe()}; ids {vocabulary} to {input.Vocabulary - 1} have no row (set NumEmbeddings to at least {input.Vocabulary})",
                    input.Vocabulary, "NumEmbeddings"),
            }
            : outcome;
    }
}
