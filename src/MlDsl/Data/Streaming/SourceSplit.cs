using MlDsl.Data.Splits;

namespace MlDsl.Data.Streaming;

/// <summary>Train, validation and test parts of a lazy source, still undecoded.</summary>
public sealed record SourceSplit<TRow>(RowSource<TRow> Train, RowSource<TRow> Validation, RowSource<TRow> Test) where TRow : ITensorRow<TRow>;

/// <summary>
/// Seeded splits of a lazy source made from its references' metadata (<see cref="RowSource{TRow}.ClassOf"/>,
/// <see cref="RowSource{TRow}.GroupOf"/>), never by decoding features, with the sizes and guarantees
/// of <see cref="Splitter"/>: random, stratified (each class's share, exact totals) or grouped (whole groups).
/// </summary>
public static class SourceSplits
{
    /// <exception cref="SplitException">
    /// The split cannot be made: sizes out of range, no training rows left, a part asked for ends empty,
    /// a stratified split of a source whose references do not carry classes, a grouped split of one without groups,
    /// or a split by time (references carry no time: split the rows in memory).
    /// </exception>
    public static SourceSplit<TRow> Split<TRow>(this RowSource<TRow> source, SplitOptions? options = null) where TRow : ITensorRow<TRow>
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= new SplitOptions();
        (int validation, int test) = options.Counts(source.Count);
        int[][] parts = options.Kind switch
        {
            SplitKind.Random => Splitter.Cut(Splitter.Shuffled(Enumerable.Range(0, source.Count), options.Seed), validation, test),
            SplitKind.Stratified => StratifiedSplit.Make(Classes(source), validation, test, options.Seed),
            SplitKind.Grouped => Grouped(source, validation, test, options.Seed),
            _ => throw new SplitException(nameof(SplitOptions.Kind), $"a {options.Kind} split needs each row's [Timestamp], which a source's references do not carry; read the rows into memory to split them by time."),
        };
        if (parts[0].Length == 0)
            throw new SplitException(nameof(SplitOptions.Kind), $"a {options.Kind} split of {source.Count} rows leaves no training rows; ask for less validation and test data.");
        if (test > 0 && parts[2].Length == 0)
            throw new SplitException(nameof(SplitOptions.Test), $"{test} test rows were asked for, but a {options.Kind} split gives none.");
        if (validation > 0 && parts[1].Length == 0)
            throw new SplitException(nameof(SplitOptions.Validation), $"{validation} validation rows were asked for, but a {options.Kind} split gives none.");
        return new SourceSplit<TRow>(source.Subset(parts[0]), source.Subset(parts[1]), source.Subset(parts[2]));
    }

    private static int[] Classes<TRow>(RowSource<TRow> source) where TRow : ITensorRow<TRow>
    {
        if (TRow.LabelKind != LabelKind.Class)
            throw new SplitException(nameof(SplitOptions.Kind), $"a stratified split keeps each class's share, but {typeof(TRow).Name} has a {TRow.LabelKind} label: split randomly or by group.");
        var classes = new int[source.Count];
        for (int i = 0; i < classes.Length; i++)
            classes[i] = source.ClassOf(i)
                ?? throw new SplitException(nameof(SplitOptions.Kind), $"a stratified split needs each row's class from its reference, and {source.Describe(i)} carries none: use class folders or a manifest, or split randomly.");
        return classes;
    }

    private static int[][] Grouped<TRow>(RowSource<TRow> source, int validation, int test, int seed) where TRow : ITensorRow<TRow>
    {
        var groups = Enumerable.Range(0, source.Count)
            .GroupBy(i => source.GroupOf(i) ?? throw new SplitException(nameof(SplitOptions.Kind), $"a grouped split needs each row's group from its reference, and {source.Describe(i)} carries none: give RowSources a groupOf function."))
            .OrderBy(group => group.Key, StringComparer.Ordinal).ToArray();
        var parts = new[] { new List<int>(), new List<int>(), new List<int>() };
        // Whole groups, in seeded order, fill test, then validation; the rest train (as Splitter does).
        foreach (var group in Splitter.Shuffled(groups, seed))
        {
            int part = parts[2].Count < test ? 2 : parts[1].Count < validation ? 1 : 0;
            parts[part].AddRange(group);
        }
        return parts.Select(part => part.Order().ToArray()).ToArray();
    }
}
