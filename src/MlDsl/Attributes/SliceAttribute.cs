namespace MlDsl;

/// <summary>A value to break metrics down by (country, device, prompt type). Kept for analysis, never a feature.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class SliceAttribute : Attribute;
