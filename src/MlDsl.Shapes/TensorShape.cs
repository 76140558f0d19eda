using System;
using System.Linq;

namespace MlDsl.Shapes;

/// <summary>
/// What the axes of a shape mean, where its rank alone does not say: a rank-2 (L, F) sequence is
/// read per position by Linear, while a rank-2 (C, L) map out of a convolution must be flattened
/// first. Set by the features and layers that produce a shape; layers that keep the shape keep it.
/// </summary>
public enum TensorLayout
{
    /// <summary>Nothing known beyond the sizes: a feature vector, an image or signal (channels first).</summary>
    Unspecified,
    /// <summary>A sequence (steps, features): the output of Embedding, a recurrent layer or a Transformer.</summary>
    Sequence,
    /// <summary>Integer token ids (steps), from an <c>int[]</c> feature with a declared vocabulary.</summary>
    Tokens,
}

/// <summary>The shape of one example, without the batch dimension, e.g. (1, 28, 28).</summary>
public sealed record TensorShape(EquatableArray<int> Dimensions)
{
    public static TensorShape Of(params int[] dimensions) => new(dimensions.ToEquatableArray());

    /// <summary>A sequence (steps, features).</summary>
    public static TensorShape Sequence(int steps, int features) => Of(steps, features) with { Layout = TensorLayout.Sequence };

    /// <summary>Token ids (steps), each below <paramref name="vocabulary"/>.</summary>
    public static TensorShape Tokens(int steps, int vocabulary) => Of(steps) with { Layout = TensorLayout.Tokens, Vocabulary = vocabulary };

    /// <summary>What the axes mean (see <see cref="TensorLayout"/>).</summary>
    public TensorLayout Layout { get; init; }

    /// <summary>For <see cref="TensorLayout.Tokens"/>: the number of distinct ids (every id lies in [0, Vocabulary)); 0 otherwise.</summary>
    public int Vocabulary { get; init; }

    public int Rank => Dimensions.Count;

    public int this[int index] => Dimensions[index];

    public long ElementCount => Dimensions.Aggregate(1L, (product, size) => product * size);

    public bool IsSequence => Layout == TensorLayout.Sequence && Rank == 2;

    public override string ToString() =>
        Rank == 1 ? $"({Dimensions[0]})" : "(" + string.Join(", ", Dimensions) + ")";

    /// <summary>The shape with what its axes mean, for messages: <c>a sequence (64, 32)</c>, <c>token ids (64)</c>.</summary>
    public string Describe() => Layout switch
    {
        TensorLayout.Sequence => $"a sequence {this} (steps, features)",
        TensorLayout.Tokens => $"token ids {this} (vocabulary {Vocabulary})",
        _ => ToString(),
    };

    /// <summary>The same shape with the batch dimension in front, as TorchSharp reports it.</summary>
    public string ToBatchedString() => "(N, " + string.Join(", ", Dimensions) + ")";
}
