namespace MlDsl;

/// <summary>
/// Starts a branch of a model with several inputs: the member's layers (or the block it holds) read
/// the named <see cref="FeatureAttribute"/> members of the dataset instead of the previous member's
/// output. One feature keeps its declared shape (a spectrogram (1, 40, 101)); several numbers or
/// categories are concatenated into one vector in the order named:
/// <c>[Input(nameof(Clip.Prompt), nameof(Clip.Duration)), Linear(8), Relu] Layer meta;</c>.
/// Members after it continue the branch until the next [Input] or a <see cref="ConcatenateAttribute"/> /
/// <see cref="AddAttribute"/> join. Features no branch reads are reported (MLDSL0040).
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class InputAttribute(params string[] features) : Attribute
{
    /// <summary>The dataset members the branch reads, by name (use <c>nameof</c>).</summary>
    public string[] Features { get; } = features;
}
