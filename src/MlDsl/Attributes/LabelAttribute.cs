namespace MlDsl;

/// <summary>
/// The class an example belongs to: an int class index in [0, <see cref="Classes"/>), or a string
/// that is one of <see cref="Names"/> (its position is the class index). The loss follows: cross-entropy.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class LabelAttribute : Attribute
{
    public int Classes { get; set; }

    /// <summary>Class names for a string label, in class-index order; sets the class count.</summary>
    public string[]? Names { get; set; }
}
