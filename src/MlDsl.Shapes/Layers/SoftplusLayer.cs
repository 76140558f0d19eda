namespace MlDsl.Shapes.Layers;

/// <summary>Softplus, element-wise: log(1 + e^(beta·x)) / beta, linear above <c>Threshold</c> (PyTorch's beta 1, threshold 20).</summary>
public sealed class SoftplusLayer : LayerDefinition<SoftplusLayer.Options>
{
    public sealed record Options(double Beta, double Threshold);

    public override Options Read(LayerArguments arguments) => new(arguments.Double("Beta", 1.0), arguments.Double("Threshold", 20.0));

    /// <summary>PyTorch's Softplus with beta and threshold, from ONNX's Softplus and a Where.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) => $"Softplus(x, beta: {Number(options.Beta)}, threshold: {Number(options.Threshold)})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input) =>
        options.Beta <= 0
            ? Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} has beta {Number(options.Beta)}; it must be positive")
            : Resolved(spec, input, input, 0, $"global::MlDsl.Layers.SoftplusModule.Softplus(beta: {Number(options.Beta)}, threshold: {Number(options.Threshold)})", "Softplus");
}
