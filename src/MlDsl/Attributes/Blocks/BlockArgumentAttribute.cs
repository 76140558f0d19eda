namespace MlDsl;

/// <summary>
/// Marks a constant of a <see cref="BlockAttribute"/> block as one of its arguments: layer attributes
/// of the block that name it (<c>[Conv2d(Channels, Kernel = 3)]</c>, or an arithmetic expression of it)
/// take the value the use gives in <see cref="ArgumentsAttribute"/>, or the constant's own value.
/// Arguments are given in the order the block declares them.
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class BlockArgumentAttribute : Attribute;
