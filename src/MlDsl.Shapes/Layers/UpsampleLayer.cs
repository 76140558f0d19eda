using System.Linq;

namespace MlDsl.Shapes.Layers;

/// <summary>
/// Upsample (nearest neighbour): a signal (C, L) or map (C, H, W) with every length after the channels
/// multiplied by <c>ScaleFactor</c>, as PyTorch's <c>nn.Upsample</c>.
/// </summary>
public sealed class UpsampleLayer : LayerDefinition<UpsampleLayer.Options>
{
    public sealed record Options(int ScaleFactor);

    public override Options Read(LayerArguments arguments) => new(arguments.Int("ScaleFactor", 2));

    /// <summary>Resize, nearest, with PyTorch's coordinates.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) => $"Upsample(x, scale: {options.ScaleFactor}, spatialDimensions: {layer.Input.Rank - 1})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (input.Rank is not (2 or 3))
            return Fail(ShapeProblemKind.RankMismatch, spec,
                $"{spec.Describe()} expects a signal (channels, length) or a map (channels, height, width) but receives {input}, a rank-{input.Rank} tensor");
        if (options.ScaleFactor <= 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} needs a positive scale factor, not {options.ScaleFactor}");
        int scale = options.ScaleFactor;
        int[] output = input.Dimensions.Select((size, axis) => axis == 0 ? size : size * scale).ToArray();
        string factors = string.Join(", ", Enumerable.Repeat(scale + ".0", input.Rank - 1));
        return Resolved(spec, input, TensorShape.Of(output), 0, $"Upsample(scale_factor: new double[] {{ {factors} }})", "Upsample");
    }
}
