namespace MlDsl.Data.Splits;

/// <summary>Seeded, reproducible train / validation / test splits of typed rows.</summary>
public static class Splitter
{
    /// <summary>Splits <paramref name="rows"/> as <paramref name="options"/> say (see <see cref="SplitOptions"/> for how sizes are met).</summary>
    /// <exception cref="SplitException">The split cannot be made as asked: sizes out of range, no training rows left, a part asked for ends empty, or a stratified split of a label that is not a class.</exception>
    /// <exception cref="InvalidOperationException">A grouped or time split of rows without a [GroupKey] or [Timestamp] member.</exception>
    public static DataSplit<TRow> Split<TRow>(this IReadOnlyList<TRow> rows, SplitOptions? options = null) where TRow : IDatasetRow<TRow>
    {
        options ??= new SplitOptions();
        (int validation, int test) = options.Counts(rows.Count);
        int[][] parts = options.Kind switch
        {
            SplitKind.Random => Cut(Shuffled(Enumerable.Range(0, rows.Count), options.Seed), validation, test),
            SplitKind.Stratified => StratifiedSplit.Make(rows, validation, test, options.Seed),
            SplitKind.Grouped => Grouped(rows, validation, test, options.Seed),
            SplitKind.ByTime => ByTime(rows, validation, test),
            _ => throw new SplitException(nameof(SplitOptions.Kind), $"unknown split kind {options.Kind}."),
        };
        Check(options, parts, validation, test, rows.Count);
        return new DataSplit<TRow>(Pick(rows, parts[0]), Pick(rows, parts[1]), Pick(rows, parts[2]), options) { Warnings = ClassWarnings(rows, parts) };
    }

    internal static int[][] Cut(IReadOnlyList<int> order, int validation, int test) => new[]
    {
        order.Skip(validation + test).ToArray(),
        order.Skip(test).Take(validation).ToArray(),
        order.Take(test).ToArray(),
    };

    // Grouped and time splits move whole groups or instants, so they can miss the sizes asked for;
    // what they must never do is leave training (or a part asked for) empty and carry on.
    private static void Check(SplitOptions options, int[][] parts, int validation, int test, int total)
    {
        string what = options.Kind switch
        {
            SplitKind.Grouped => "whole [GroupKey] groups",
            SplitKind.ByTime => "whole instants of the [Timestamp] (rows sharing a time stay together)",
            _ => "rows",
        };
        if (parts[0].Length == 0)
            throw new SplitException(nameof(SplitOptions.Kind),
                $"a {options.Kind} split of {total} rows into {what} leaves no training rows ({parts[1].Length} validation, {parts[2].Length} test); ask for less validation and test data or split another way.");
        if (test > 0 && parts[2].Length == 0)
            throw new SplitException(options.TestCount is null ? nameof(SplitOptions.Test) : nameof(SplitOptions.TestCount),
                $"{test} test rows were asked for, but a {options.Kind} split into {what} gives none; ask for more or split another way.");
        if (validation > 0 && parts[1].Length == 0)
            throw new SplitException(options.ValidationCount is null ? nameof(SplitOptions.Validation) : nameof(SplitOptions.ValidationCount),
                $"{validation} validation rows were asked for, but a {options.Kind} split into {what} gives none; ask for more or split another way.");
    }

    /// <summary>Classes that exist in the rows but miss a non-empty part: the model cannot learn them, or their recall there is undefined.</summary>
    private static IReadOnlyList<string> ClassWarnings<TRow>(IReadOnlyList<TRow> rows, int[][] parts) where TRow : IDatasetRow<TRow>
    {
        if (TRow.LabelKind != LabelKind.Class) return Array.Empty<string>();
        int[] labels = ClassLabels.Of(rows);
        var counts = new int[3, TRow.ClassCount];
        for (int part = 0; part < 3; part++)
            foreach (int i in parts[part]) counts[part, labels[i]]++;
        var warnings = new List<string>();
        string[] names = { "training", "validation", "test" };
        for (int c = 0; c < TRow.ClassCount; c++)
        {
            int total = counts[0, c] + counts[1, c] + counts[2, c];
            if (total == 0) continue;
            for (int part = 0; part < 3; part++)
            {
                if (parts[part].Length == 0 || counts[part, c] > 0) continue;
                warnings.Add(part == 0
                    ? $"class {c} has {total} rows and none reaches the training split; the model cannot learn it"
                    : $"class {c} has {total} rows and none reaches the {names[part]} split; its {names[part]} recall is undefined");
            }
        }
        return warnings;
    }

    private static int[][] Grouped<TRow>(IReadOnlyList<TRow> rows, int validation, int test, int seed) where TRow : IDatasetRow<TRow>
    {
        if (TRow.GroupKeyName is null)
            throw new InvalidOperationException($"A grouped split needs a [GroupKey] member, and {typeof(TRow).Name} has none.");
        var groups = Enumerable.Range(0, rows.Count).GroupBy(i => TRow.GroupOf(rows[i]) ?? "").OrderBy(group => group.Key, StringComparer.Ordinal).ToArray();
        var parts = new[] { new List<int>(), new List<int>(), new List<int>() };
        // Whole groups, in seeded order, fill test, then validation; the rest train.
        foreach (var group in Shuffled(groups, seed))
        {
            int part = parts[2].Count < test ? 2 : parts[1].Count < validation ? 1 : 0;
            parts[part].AddRange(group);
        }
        return parts.Select(part => part.Order().ToArray()).ToArray();
    }

    private static int[][] ByTime<TRow>(IReadOnlyList<TRow> rows, int validation, int test) where TRow : IDatasetRow<TRow>
    {
        if (TRow.TimestampName is null)
            throw new InvalidOperationException($"A split by time needs a [Timestamp] member, and {typeof(TRow).Name} has none.");
        int[] order = Enumerable.Range(0, rows.Count).OrderBy(i => TRow.TimeOf(rows[i])).ThenBy(i => i).ToArray();
        // Rows at one instant stay together, so every training row is strictly earlier than every validation row, and so on.
        int testStart = BoundaryAtOrBefore(rows, order, rows.Count - test);
        int validationStart = BoundaryAtOrBefore(rows, order, Math.Min(testStart, testStart - validation));
        return new[] { order[..validationStart], order[validationStart..testStart], order[testStart..] };
    }

    private static int BoundaryAtOrBefore<TRow>(IReadOnlyList<TRow> rows, int[] order, int position) where TRow : IDatasetRow<TRow>
    {
        position = Math.Clamp(position, 0, order.Length);
        while (position > 0 && position < order.Length && TRow.TimeOf(rows[order[position]]) == TRow.TimeOf(rows[order[position - 1]]))
            position--;
        return position;
    }

    internal static T[] Shuffled<T>(IEnumerable<T> items, int seed)
    {
        T[] array = items.ToArray();
        new Random(seed).Shuffle(array);
        return array;
    }

    private static IReadOnlyList<TRow> Pick<TRow>(IReadOnlyList<TRow> rows, int[] indices) => indices.Select(i => rows[i]).ToArray();
}
