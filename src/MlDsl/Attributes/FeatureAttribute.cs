namespace MlDsl;

/// <summary>A property that feeds the model: a float, a double, an int or a float array with a <see cref="ShapeAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class FeatureAttribute : Attribute;
