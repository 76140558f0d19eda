namespace MlDsl;

/// <summary>The shape of one example's array feature, without the batch dimension, e.g. (1, 28, 28).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class ShapeAttribute(params int[] dimensions) : Attribute
{
    public int[] Dimensions { get; } = dimensions;
}
