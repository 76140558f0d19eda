namespace MlDsl;

/// <summary>Splits axis <paramref name="dim"/> of one example into <paramref name="unflattenedSize"/>, as PyTorch's <c>nn.Unflatten</c> (axes counted without the batch).</summary>
public sealed class UnflattenAttribute(int dim, params int[] unflattenedSize) : LayerAttribute
{
    public int Dim { get; } = dim;
    public int[] UnflattenedSize { get; } = unflattenedSize;
}
