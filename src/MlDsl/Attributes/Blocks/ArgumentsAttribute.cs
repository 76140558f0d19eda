namespace MlDsl;

/// <summary>
/// The arguments a block member passes to its block, in the order the block declares its
/// <see cref="BlockArgumentAttribute"/> constants: <c>[Arguments(64, 0.2)] ConvBlock stage3;</c>.
/// Fewer values leave the rest at the block's defaults.
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class ArgumentsAttribute(params object[] values) : Attribute
{
    public object[] Values { get; } = values;
}
