using System.Linq;

namespace MlDsl.Shapes.Layers;

/// <summary>Unsqueeze: inserts an axis of size 1 at <c>Dim</c> of one example (a waveform (L) becomes a (1, L) signal).</summary>
public sealed class UnsqueezeLayer : LayerDefinition<UnsqueezeLayer.Options>
{
    public sealed record Options(int Dim);

    public override Options Read(LayerArguments arguments) => new(arguments.Int("Dim", 0));

    /// <summary>ONNX's Unsqueeze at that axis.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) =>
        $"Unsqueeze(x, axis: {(options.Dim < 0 ? options.Dim + layer.Input.Rank + 1 : options.Dim)})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        int dim = options.Dim < 0 ? options.Dim + input.Rank + 1 : options.Dim;
        if (dim < 0 || dim > input.Rank)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} inserts axis {options.Dim} into {input}; it must lie in [0, {input.Rank}]");
        int[] output = input.Dimensions.Take(dim).Concat(new[] { 1 }).Concat(input.Dimensions.Skip(dim)).ToArray();
        return Resolved(spec, input, TensorShape.Of(output), 0, $"new global::MlDsl.Layers.UnsqueezeModule({dim})", "Unsqueeze");
    }
}
