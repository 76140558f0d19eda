namespace MlDsl;

/// <summary>Nearest-neighbour upsampling of a signal (C, L) or map (C, H, W): every length after the channels times <paramref name="scaleFactor"/>.</summary>
public sealed class UpsampleAttribute(int scaleFactor = 2) : LayerAttribute
{
    public int ScaleFactor { get; } = scaleFactor;
}
