namespace MlDsl;

/// <summary>
/// Declares an <c>int[]</c> feature as token or category ids, each in [0, <paramref name="size"/>):
/// <c>[Feature, Shape(64), Vocabulary(5000)] public required int[] Tokens { get; init; }</c>. Collation
/// refuses an id outside that range, naming the row; an <c>[Embedding]</c> must have at least that many rows.
/// </summary>
/// <param name="size">The number of distinct ids, at most 16,777,216 (2^24, the ids a float holds exactly).</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class VocabularyAttribute(int size) : Attribute
{
    public int Size { get; } = size;
}
