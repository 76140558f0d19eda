namespace MlDsl;

/// <summary>
/// Makes a <see cref="BlockAttribute"/> block residual: its output is body(x) + shortcut(x). The
/// shortcut is the identity when the body keeps the shape, and a 1×1 projection (Conv2d with kernel 1
/// and the stride that matches, or Linear for flat features) when channels or strides change. A body
/// whose shape no projection reaches is a compile-time error naming both shapes (MLDSL0034).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ResidualAttribute : Attribute
{
    /// <summary>Which shortcut to use; <see cref="Shortcut.Inferred"/> picks the identity when it fits.</summary>
    public Shortcut Shortcut { get; set; } = Shortcut.Inferred;
}

/// <summary>The shortcut of a residual block.</summary>
public enum Shortcut
{
    /// <summary>The identity when the body keeps the shape, otherwise a 1×1 projection.</summary>
    Inferred,
    /// <summary>Always the identity; a body that changes the shape is an error.</summary>
    Identity,
    /// <summary>Always a 1×1 projection, even when the shapes agree.</summary>
    Projection,
}
