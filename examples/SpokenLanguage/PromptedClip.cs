namespace MlDsl.Examples.SpokenLanguage;

/// <summary>
/// A clip with its prompt's category (digits, letters, phonetic, ...) as a second input, for the
/// metadata question: does knowing what kind of prompt was recorded help tell its language? The
/// category stays a slice too, so the worst-slice selection reads it as for <see cref="SpokenClip"/>.
/// </summary>
[Dataset]
public sealed partial record PromptedClip
{
    [Feature, Shape(SpokenClip.Length)] public required float[] Samples { get; init; }
    [Feature, Slice, Categories("prompts", "digits", "letters", "phonetic", "dictate", "followme")] public required string Category { get; init; }
    [Label(Classes = 5)] public required int Language { get; init; }
    [GroupKey] public required string Prompt { get; init; }

    public static PromptedClip From(SpokenClip clip) =>
        new() { Samples = clip.Samples, Category = clip.Category, Language = clip.Language, Prompt = clip.Prompt };
}
