namespace MlDsl.Shapes.Layers;

/// <summary>AdaptiveAvgPool1d: (c, l) -> (c, output size), averaging windows PyTorch sizes to fit; no parameters.</summary>
public sealed class AdaptiveAvgPool1dLayer : LayerDefinition<AdaptiveAvgPool1dLayer.Options>
{
    public sealed record Options(int OutputSize);

    public override Options Read(LayerArguments arguments) => new(arguments.Int("OutputSize", 1));

    /// <summary>Averaging matrices over the length (PyTorch's bins, equal or not).</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) => AdaptivePool(layer);

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (SignalHints.RequireSignal(spec, input, "AdaptiveAvgPool2d") is { } rank)
            return rank;
        if (options.OutputSize <= 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} needs a positive output size, not {options.OutputSize}");
        return Resolved(spec, input, TensorShape.Of(input[0], options.OutputSize), 0, $"AdaptiveAvgPool1d({options.OutputSize})", "AdaptiveAvgPool1d");
    }
}
