using System.Linq;

namespace MlDsl.Shapes.Layers;

/// <summary>Squeeze: removes axis <c>Dim</c> of one example, which must have size 1 (a spectrogram's channel before reading its frames).</summary>
public sealed class SqueezeLayer : LayerDefinition<SqueezeLayer.Options>
{
    public sealed record Options(int Dim);

    public override Options Read(LayerArguments arguments) => new(arguments.Int("Dim", 0));

    /// <summary>ONNX's Squeeze of that axis.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) =>
        $"Squeeze(x, axis: {(options.Dim < 0 ? options.Dim + layer.Input.Rank : options.Dim)})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        int dim = options.Dim < 0 ? options.Dim + input.Rank : options.Dim;
        if (input.Rank < 2 || dim < 0 || dim >= input.Rank || input[dim] != 1)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} removes axis {options.Dim} of {input}; it must name an axis of size 1 of a tensor of rank 2 or more");
        int[] output = input.Dimensions.Where((_, axis) => axis != dim).ToArray();
        return Resolved(spec, input, TensorShape.Of(output), 0, $"new global::MlDsl.Layers.SqueezeModule({dim})", "Squeeze");
    }
}
