namespace MlDsl;

/// <summary>
/// Starts a parallel path: the member's layers (or the block it holds) read the named earlier member's output
/// instead of the previous member's, and the members after it continue that path, as Keras's functional API
/// calls a layer on an earlier tensor (<c>branch = Conv2D(8, 1)(x)</c>) and an Inception block runs its paths on
/// one input. Inside a <see cref="BlockAttribute"/> block it may name the block's input,
/// <see cref="BlockAttribute.Input"/>: <c>[From(BlockAttribute.Input), Conv2d(8, Kernel = 1)] Layer p2;</c>.
/// In a model it names an earlier member (a fork after the stem); a path whose output nothing reads is reported (MLDSL0040).
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class FromAttribute(string source) : Attribute
{
    /// <summary>The earlier member whose output the path reads (use <c>nameof</c>), or <see cref="BlockAttribute.Input"/>.</summary>
    public string Source { get; } = source;
}
