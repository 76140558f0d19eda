namespace MlDsl.Shapes.Layers;

/// <summary>ELU, element-wise: x for x > 0, alpha·(eˣ − 1) below (alpha 1.0, as in PyTorch and Keras).</summary>
public sealed class EluLayer : LayerDefinition<EluLayer.Options>
{
    public sealed record Options(double Alpha);

    public override Options Read(LayerArguments arguments) => new(arguments.Double("Alpha", 1.0));

    /// <summary>ONNX's Elu with the same alpha.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) => $"Elu(x, alpha: {Number(options.Alpha)})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input) =>
        options.Alpha < 0
            ? Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} has alpha {Number(options.Alpha)}; it must not be negative")
            : Resolved(spec, input, input, 0, $"global::MlDsl.Layers.EluModule.ELU(alpha: {Number(options.Alpha)})", "ELU");
}
