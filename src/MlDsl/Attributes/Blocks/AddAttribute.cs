namespace MlDsl;

/// <summary>
/// Joins branches by element-wise sum, as Keras's <c>Add</c>: the member's layers (if any) read the sum
/// of the named earlier members' outputs, which must have equal shapes (MLDSL0039):
/// <c>[Add(nameof(audio), nameof(meta))] Layer join;</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class AddAttribute(params string[] sources) : Attribute
{
    /// <summary>The members added (use <c>nameof</c>).</summary>
    public string[] Sources { get; } = sources;
}
