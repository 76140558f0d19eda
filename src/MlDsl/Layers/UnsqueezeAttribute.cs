namespace MlDsl;

/// <summary>Inserts an axis of size 1 at <paramref name="dim"/> (counted without the batch axis): a waveform (L) -> a (1, L) signal.</summary>
public sealed class UnsqueezeAttribute(int dim) : LayerAttribute
{
    public int Dim { get; } = dim;
}
