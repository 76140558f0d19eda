namespace MlDsl.Examples.SpokenLanguage;

/// <summary>
/// Two seconds of a recorded telephone prompt at 8 kHz and the language spoken. The prompt's name
/// ("digits/7", "vm-goodbye") is the group key, so one prompt never sits in two splits across
/// languages; its sub-folder (digits, letters, ...) is a slice for the analysis.
/// </summary>
[Dataset]
public sealed partial record SpokenClip
{
    public const int SampleRate = 8000;
    public const int Length = 2 * SampleRate;

    [Feature, Shape(Length)] public required float[] Samples { get; init; }
    [Label(Classes = 5)] public required int Language { get; init; }
    [GroupKey] public required string Prompt { get; init; }
    [Slice] public required string Category { get; init; }
}
