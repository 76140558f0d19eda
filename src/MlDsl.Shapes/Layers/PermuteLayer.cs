using System.Linq;

namespace MlDsl.Shapes.Layers;

/// <summary>
/// Permute: reorders the axes of one example (the batch axis stays first), as Keras's <c>Permute</c>
/// but counted from 0. A rank-2 map permuted becomes a sequence (steps, features) and a sequence
/// permuted becomes a channels-first map again, so a spectrogram's (mels, frames) turns into frames.
/// </summary>
public sealed class PermuteLayer : LayerDefinition<PermuteLayer.Options>
{
    /// <param name="Order">For each output axis, the input axis it takes.</param>
    public sealed record Options(EquatableArray<int> Order);

    public override Options Read(LayerArguments arguments) => new(arguments.Ints("Dims"));

    /// <summary>Transpose, the batch axis first.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) => $"Permute(x, {string.Join(", ", options.Order)})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        EquatableArray<int> order = options.Order;
        string written = string.Join(", ", order);
        if (order.Count != input.Rank)
            return Fail(ShapeProblemKind.RankMismatch, spec,
                $"{spec.Describe()} orders {order.Count} axes ({written}) but receives {input}, a rank-{input.Rank} tensor; list each of its {input.Rank} axes once");
        if (!order.OrderBy(axis => axis).SequenceEqual(Enumerable.Range(0, input.Rank)))
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} has axes ({written}); they must list 0 to {input.Rank - 1} once each (the batch axis is not counted)");
        int[] sizes = order.Select(axis => input[axis]).ToArray();
        TensorLayout layout = input.Rank == 2 && !input.IsSequence ? TensorLayout.Sequence : TensorLayout.Unspecified;
        return Resolved(spec, input, TensorShape.Of(sizes) with { Layout = layout }, 0,
            $"new global::MlDsl.Layers.PermuteModule({written})", "Permute");
    }
}
