namespace MlDsl;

/// <summary>Marks a partial record whose properties are the features and label of one example.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class DatasetAttribute : Attribute;
