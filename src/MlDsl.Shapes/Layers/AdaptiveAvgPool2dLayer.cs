namespace MlDsl.Shapes.Layers;

/// <summary>AdaptiveAvgPool2d: (c, h, w) -> (c, output size, output width), averaging windows PyTorch sizes to fit; no parameters.</summary>
public sealed class AdaptiveAvgPool2dLayer : LayerDefinition<AdaptiveAvgPool2dLayer.Options>
{
    /// <param name="OutputSize">The output height (and width, unless <paramref name="OutputWidth"/> is given).</param>
    /// <param name="OutputWidth">Null means the same as the height: a square output.</param>
    public sealed record Options(int OutputSize, int? OutputWidth);

    public override Options Read(LayerArguments arguments) => new(arguments.Int("OutputSize", 1), arguments.Declared("OutputWidth"));

    /// <summary>Averaging matrices over height and width (PyTorch's bins, equal or not).</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) => AdaptivePool(layer);

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (RequireRank(spec, input, 3, "(channels, height, width)", SignalHints.ForMap(input, "AdaptiveAvgPool1d")) is { } rank)
            return rank;
        int height = options.OutputSize, width = options.OutputWidth ?? height;
        if (height <= 0 || width <= 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} needs a positive output size, not ({height}, {width})");
        string factory = height == width ? $"AdaptiveAvgPool2d({height})" : $"AdaptiveAvgPool2d(new long[] {{ {height}, {width} }})";
        return Resolved(spec, input, TensorShape.Of(input[0], height, width), 0, factory, "AdaptiveAvgPool2d");
    }
}
