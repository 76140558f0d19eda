namespace MlDsl.Data.Splits;

/// <summary>Train, validation and test rows, and how they were split (so analyzers and reports can say).</summary>
public sealed record DataSplit<TRow>(IReadOnlyList<TRow> Train, IReadOnlyList<TRow> Validation, IReadOnlyList<TRow> Test, SplitOptions Options)
{
    /// <summary>What the split could not do as well as asked, e.g. a class too small to reach the test split; <c>DataReport</c> repeats them.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

    public void Deconstruct(out IReadOnlyList<TRow> train, out IReadOnlyList<TRow> validation, out IReadOnlyList<TRow> test)
    {
        train = Train;
        validation = Validation;
        test = Test;
    }
}
