using System.Linq;

namespace MlDsl.Shapes.Layers;

/// <summary>Reshape: one example to the given shape (the batch axis stays first); one size may be -1, inferred from the rest.</summary>
public sealed class ReshapeLayer : LayerDefinition<ReshapeLayer.Options>
{
    /// <param name="Target">The sizes, -1 at most once.</param>
    public sealed record Options(EquatableArray<int> Target);

    public override Options Read(LayerArguments arguments) => new(arguments.Ints("Shape"));

    /// <summary>Reshape to the inferred shape, the batch dimension kept.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) => $"Reshape(x, {Sizes(layer.Output)})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        int[] sizes = options.Target.ToArray();
        string written = string.Join(", ", sizes);
        int unknown = sizes.Count(size => size == -1);
        if (sizes.Length == 0 || unknown > 1 || sizes.Any(size => size == 0 || size < -1))
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} has shape ({written}); give positive sizes, with at most one -1 for the size to infer");
        long known = sizes.Where(size => size > 0).Aggregate(1L, (product, size) => product * size);
        if (unknown == 1)
        {
            if (input.ElementCount % known != 0)
                return Fail(ShapeProblemKind.InvalidArgument, spec,
                    $"{spec.Describe()} cannot reshape {input} ({input.ElementCount} values) to ({written}): {input.ElementCount} is not a multiple of {known}");
            sizes[System.Array.IndexOf(sizes, -1)] = (int)(input.ElementCount / known);
        }
        else if (known != input.ElementCount)
        {
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} cannot reshape {input} ({input.ElementCount} values) to ({written}) ({known} values)");
        }
        return Resolved(spec, input, TensorShape.Of(sizes), 0, $"new global::MlDsl.Layers.ReshapeModule({string.Join(", ", sizes)})", "Reshape");
    }
}
