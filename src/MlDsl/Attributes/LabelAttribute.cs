namespace MlDsl;

/// <summary>The class index an example belongs to, in [0, <see cref="Classes"/>). The loss follows from it: cross-entropy.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class LabelAttribute : Attribute
{
    public int Classes { get; set; }
}
