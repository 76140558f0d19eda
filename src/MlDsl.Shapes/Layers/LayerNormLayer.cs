namespace MlDsl.Shapes.Layers;

/// <summary>
/// LayerNorm: normalises each example over its last <c>Dimensions</c> axes (1 by default, the feature
/// axis, as Keras LayerNormalization(axis=-1) and a Transformer's LayerNorm(d) do; 3 on (c, h, w)
/// normalises the whole map, PyTorch's LayerNorm([c, h, w])). Shape unchanged; no batch statistics;
/// parameters 2 * the product of the normalised sizes (weight and bias per element). A declared
/// <c>NormalizedShape</c> (PyTorch's <c>nn.LayerNorm(512)</c>: one size, the last axis) is checked against the inferred width.
/// </summary>
public sealed class LayerNormLayer : LayerDefinition<LayerNormLayer.Options>
{
    /// <param name="Dimensions">How many trailing axes are normalised together.</param>
    /// <param name="NormalizedShape">The declared size of the last axis; null infers it.</param>
    public sealed record Options(int Dimensions, int? NormalizedShape);

    public override bool HasParameters => true;
    public override bool Normalizes => true;

    public override Options Read(LayerArguments arguments) => new(arguments.Int("Dimensions", 1), arguments.Declared("NormalizedShape"));

    /// <summary>LayerNormalization (opset 17) over the last Dimensions axes.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) => $"LayerNormalization(x, {Module(layer)}, dimensions: {options.Dimensions})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        int dimensions = options.Dimensions;
        if (dimensions < 1 || dimensions > input.Rank)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} normalises the last {dimensions} axes of {input}, which has {input.Rank}; Dimensions must lie in [1, {input.Rank}]");
        if (options.NormalizedShape is not null && dimensions != 1)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} declares NormalizedShape = {options.NormalizedShape}, one size (the last axis, PyTorch's LayerNorm(n)), and Dimensions = {dimensions}; "
                + "leave NormalizedShape out to normalise several axes (their sizes are inferred)");
        int[] normalized = new int[dimensions];
        for (int i = 0; i < dimensions; i++) normalized[i] = input[input.Rank - dimensions + i];
        long elements = 1;
        foreach (int size in normalized) elements *= size;
        string factory = dimensions == 1 ? $"LayerNorm({normalized[0]})" : $"LayerNorm(new long[] {{ {string.Join(", ", normalized)} }})";
        LayerOutcome outcome = Resolved(spec, input, input, 2 * elements, factory, "LayerNorm");
        int width = input[input.Rank - 1];
        return options.NormalizedShape is { } declared && declared != width
            ? Mismatch(outcome, spec, "NormalizedShape", declared, width, input, "features in its last axis")
            : outcome;
    }
}
