namespace MlDsl;

/// <summary>Neither read from files nor fed to the model.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class IgnoreAttribute : Attribute;
