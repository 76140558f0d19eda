namespace MlDsl;

/// <summary>
/// A string [Feature] taking one of these values, fed to the model one-hot (one float per category).
/// Any other value is refused with the row and member named.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class CategoriesAttribute(params string[] values) : Attribute
{
    public string[] Values { get; } = values;
}
