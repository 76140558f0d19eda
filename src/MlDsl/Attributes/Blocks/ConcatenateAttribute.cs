namespace MlDsl;

/// <summary>
/// Joins branches: the member's layers (if any) read the named earlier members' outputs concatenated
/// along the feature axis (a vector's only axis, a map's channels, a sequence's last axis), as Keras's
/// <c>Concatenate</c> and <c>torch.cat(..., dim: 1)</c> do. Every other size must agree (MLDSL0039):
/// <c>[Concatenate(nameof(audio), nameof(meta))] Layer join;</c>. The output width is the sum of the widths.
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class ConcatenateAttribute(params string[] sources) : Attribute
{
    /// <summary>The members joined, in order (use <c>nameof</c>).</summary>
    public string[] Sources { get; } = sources;
}
