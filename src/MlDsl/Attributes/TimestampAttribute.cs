namespace MlDsl;

/// <summary>When the row was observed: a split by time puts training strictly before validation before test. Metadata, never a feature.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class TimestampAttribute : Attribute;
