using System;
using System.Linq;

namespace MlDsl.Shapes;

/// <summary>The shape of one example, without the batch dimension, e.g. (1, 28, 28).</summary>
public sealed record TensorShape(EquatableArray<int> Dimensions)
{
    public static TensorShape Of(params int[] dimensions) => new(dimensions.ToEquatableArray());

    public int Rank => Dimensions.Count;

    public int this[int index] => Dimensions[index];

    public long ElementCount => Dimensions.Aggregate(1L, (product, size) => product * size);

    public override string ToString() =>
        Rank == 1 ? $"({Dimensions[0]})" : "(" + string.Join(", ", Dimensions) + ")";

    /// <summary>The same shape with the batch dimension in front, as TorchSharp reports it.</summary>
    public string ToBatchedString() => "(N, " + string.Join(", ", Dimensions) + ")";
}
