namespace MlDsl;

/// <summary>Removes axis <paramref name="dim"/> (counted without the batch axis), which must have size 1: (1, mels, frames) -> (mels, frames).</summary>
public sealed class SqueezeAttribute(int dim) : LayerAttribute
{
    public int Dim { get; } = dim;
}
