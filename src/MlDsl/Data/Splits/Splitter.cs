namespace MlDsl.Data.Splits;

/// <summary>Seeded, reproducible train / validation / test splits of typed rows.</summary>
public static class Splitter
{
    public static DataSplit<TRow> Split<TRow>(this IReadOnlyList<TRow> rows, SplitOptions? options = null) where TRow : IDatasetRow<TRow>
    {
        options ??= new SplitOptions();
        (int validation, int test) = options.Counts(rows.Count);
        int[][] parts = options.Kind switch
        {
            SplitKind.Random => Cut(Shuffled(Enumerable.Range(0, rows.Count), options.Seed), validation, test),
            SplitKind.Stratified => Stratified(rows, validation, test, options.Seed),
            SplitKind.Grouped => Grouped(rows, validation, test, options.Seed),
            SplitKind.ByTime => ByTime(rows, validation, test),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Unknown split kind."),
        };
        return new DataSplit<TRow>(Pick(rows, parts[0]), Pick(rows, parts[1]), Pick(rows, parts[2]), options);
    }

    private static int[][] Cut(IReadOnlyList<int> order, int validation, int test) => new[]
    {
        order.Skip(validation + test).ToArray(),
        order.Skip(test).Take(validation).ToArray(),
        order.Take(test).ToArray(),
    };

    private static int[][] Stratified<TRow>(IReadOnlyList<TRow> rows, int validation, int test, int seed) where TRow : IDatasetRow<TRow>
    {
        if (TRow.LabelKind != LabelKind.Class)
            throw new ArgumentException($"A stratified split keeps each class's share, but {typeof(TRow).Name}.{TRow.LabelName} is a {TRow.LabelKind} label, not a class: split randomly, by group or by time.");
        var parts = new[] { new List<int>(), new List<int>(), new List<int>() };
        double validationShare = (double)validation / rows.Count, testShare = (double)test / rows.Count;
        foreach (var byClass in Enumerable.Range(0, rows.Count).GroupBy(i => TRow.ReadLabel(rows[i])).OrderBy(group => group.Key))
        {
            int[] members = Shuffled(byClass, seed + (int)byClass.Key);
            int classTest = (int)Math.Round(members.Length * testShare);
            int classValidation = (int)Math.Round(members.Length * validationShare);
            int[][] cut = Cut(members, classValidation, classTest);
            for (int part = 0; part < 3; part++) parts[part].AddRange(cut[part]);
        }
        return parts.Select(part => part.Order().ToArray()).ToArray();
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

    private static T[] Shuffled<T>(IEnumerable<T> items, int seed)
    {
        T[] array = items.ToArray();
        new Random(seed).Shuffle(array);
        return array;
    }

    private static IReadOnlyList<TRow> Pick<TRow>(IReadOnlyList<TRow> rows, int[] indices) => indices.Select(i => rows[i]).ToArray();
}
