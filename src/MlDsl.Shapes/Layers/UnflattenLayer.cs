using System.Linq;

namespace MlDsl.Shapes.Layers;

/// <summary>Unflatten: splits axis <c>Dim</c> of one example into the given sizes, as PyTorch's <c>nn.Unflatten</c> (axes counted without the batch).</summary>
public sealed class UnflattenLayer : LayerDefinition<UnflattenLayer.Options>
{
    public sealed record Options(int Dim, EquatableArray<int> Sizes);

    public override Options Read(LayerArguments arguments) => new(arguments.Int("Dim", 0), arguments.Ints("UnflattenedSize"));

    /// <summary>Reshape to the inferred shape, the batch dimension kept.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) => $"Reshape(x, {Sizes(layer.Output)})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        int dim = options.Dim < 0 ? options.Dim + input.Rank : options.Dim;
        if (dim < 0 || dim >= input.Rank)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} unflattens axis {options.Dim} of {input}, which has axes 0 to {input.Rank - 1}");
        int[] sizes = options.Sizes.ToArray();
        long product = sizes.Aggregate(1L, (total, size) => total * size);
        if (sizes.Length == 0 || sizes.Any(size => size <= 0) || product != input[dim])
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} splits axis {dim} of {input} (size {input[dim]}) into ({string.Join(", ", sizes)}); give positive sizes whose product is {input[dim]}");
        int[] output = input.Dimensions.Take(dim).Concat(sizes).Concat(input.Dimensions.Skip(dim + 1)).ToArray();
        return Resolved(spec, input, TensorShape.Of(output), 0,
            $"Unflatten({dim + 1}, new long[] {{ {string.Join(", ", sizes)} }})", "Unflatten");
    }
}
