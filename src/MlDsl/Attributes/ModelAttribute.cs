namespace MlDsl;

/// <summary>
/// Marks a partial class whose annotated members are layers, in declaration order. Input and label
/// shapes come from <paramref name="dataset"/>, a <see cref="DatasetAttribute"/> type.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ModelAttribute(Type dataset) : Attribute
{
    public Type Dataset { get; } = dataset;
}
