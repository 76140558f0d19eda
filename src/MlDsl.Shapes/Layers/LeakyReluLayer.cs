namespace MlDsl.Shapes.Layers;

/// <summary>LeakyReLU, element-wise: x for x ≥ 0, slope·x below (PyTorch's default slope 0.01; Keras 3's is 0.3).</summary>
public sealed class LeakyReluLayer : LayerDefinition<LeakyReluLayer.Options>
{
    public sealed record Options(double NegativeSlope);

    public override Options Read(LayerArguments arguments) => new(arguments.Double("NegativeSlope", 0.01));

    /// <summary>ONNX's LeakyRelu with the same slope.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) => $"LeakyRelu(x, slope: {Number(options.NegativeSlope)})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input) =>
        Resolved(spec, input, input, 0, $"global::MlDsl.Layers.LeakyReluModule.LeakyReLU(negative_slope: {Number(options.NegativeSlope)})", "LeakyReLU");
}
