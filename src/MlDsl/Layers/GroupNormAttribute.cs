namespace MlDsl;

/// <summary>Group normalisation: the channels split into <paramref name="groups"/> groups (which must divide them), each normalised per example.</summary>
public sealed class GroupNormAttribute(int groups) : LayerAttribute
{
    public int Groups { get; } = groups;
    /// <summary>The channel count, checked against the inferred one; 0 means "infer it".</summary>
    public int NumChannels { get; set; }
}
