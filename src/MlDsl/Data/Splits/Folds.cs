using System.Globalization;
using System.Reflection;
using MlDsl.Data.Steps;

namespace MlDsl.Data.Splits;

/// <summary>
/// Cross-validation folds with scikit-learn's assignment (sklearn/model_selection/_split.py): without
/// shuffling, <see cref="FoldKind.KFold"/>, <see cref="FoldKind.Stratified"/>, <see cref="FoldKind.Grouped"/>
/// and <see cref="FoldKind.TimeSeries"/> give the same index sets as KFold, StratifiedKFold,
/// GroupKFold and TimeSeriesSplit. Cut the training rows only: the test split stays out of every fold.
/// </summary>
public static class Folds
{
    private const string StepName = nameof(Folds);

    /// <summary>The folds of <paramref name="rows"/>, each with ascending indices into it.</summary>
    /// <exception cref="DataStepException">
    /// Fewer than 2 folds, more folds than rows (groups, class members, time blocks), a dataset without
    /// the [GroupKey] / [Timestamp] / class label the kind needs, Shuffle on Grouped or TimeSeries folds
    /// (which have one order), or a negative Gap or a MaxTrainSize below 1.
    /// </exception>
    public static IReadOnlyList<Fold> Of<TRow>(IReadOnlyList<TRow> rows, FoldOptions? options = null) where TRow : IDatasetRow<TRow>
    {
        options ??= new FoldOptions();
        StepInput.NotEmpty(StepName, nameof(rows), rows);
        if (options.Folds < 2)
            throw new DataStepException(StepName, nameof(options.Folds), $"Folds = {options.Folds}; expected at least 2");
        if (options.Shuffle && options.Kind is FoldKind.Grouped or FoldKind.TimeSeries)
            throw new DataStepException(StepName, nameof(options.Shuffle),
                $"Shuffle = true, but {options.Kind} folds have one fixed order (scikit-learn's {(options.Kind == FoldKind.Grouped ? "GroupKFold" : "TimeSeriesSplit")} takes no shuffle); expected Shuffle = false, or KFold / Stratified folds");
        if (options.Kind == FoldKind.TimeSeries) return TimeSeries(rows, options);
        int[] foldOf = options.Kind switch
        {
            FoldKind.KFold => KFold(rows.Count, options),
            FoldKind.Stratified => Stratified(rows, options),
            FoldKind.Grouped => Grouped(rows, options.Folds),
            _ => throw new DataStepException(StepName, nameof(options.Kind), $"unknown fold kind {options.Kind}"),
        };
        return FromAssignment(foldOf, options.Folds);
    }

    /// <summary>Folds from each row's validation fold.</summary>
    internal static IReadOnlyList<Fold> FromAssignment(int[] foldOf, int folds)
    {
        int count = foldOf.Length;
        return Enumerable.Range(0, folds).Select(fold => new Fold(fold,
            Enumerable.Range(0, count).Where(i => foldOf[i] != fold).ToArray(),
            Enumerable.Range(0, count).Where(i => foldOf[i] == fold).ToArray())).ToArray();
    }

    /// <summary>scikit-learn's KFold over <paramref name="count"/> rows: the validation fold of each row.</summary>
    internal static int[] KFold(int count, FoldOptions options)
    {
        if (options.Folds > count)
            throw new DataStepException(StepName, nameof(options.Folds), $"Folds = {options.Folds} but there are only {count} rows; expected at most {count} folds");
        int[] order = Enumerable.Range(0, count).ToArray();
        if (options.Shuffle) new Random(options.Seed).Shuffle(order);
        // The first count % folds folds get one row more.
        var foldOf = new int[count];
        int position = 0;
        for (int fold = 0; fold < options.Folds; fold++)
            for (int size = count / options.Folds + (fold < count % options.Folds ? 1 : 0); size > 0; size--)
                foldOf[order[position++]] = fold;
        return foldOf;
    }

    /// <summary>
    /// scikit-learn's StratifiedKFold (0.22 and later): classes numbered in order of first appearance,
    /// the sorted class sequence dealt round-robin to decide how many of each class a fold gets, then
    /// each class's rows, in row order, fill the folds in turn.
    /// </summary>
    internal static int[] StratifiedByLabel(long[] labels, FoldOptions options)
    {
        int count = labels.Length, folds = options.Folds;
        if (folds > count)
            throw new DataStepException(StepName, nameof(options.Folds), $"Folds = {folds} but there are only {count} rows; expected at most {count} folds");
        var firstSeen = new Dictionary<long, int>();
        foreach (long label in labels) firstSeen.TryAdd(label, firstSeen.Count);
        int[] encoded = labels.Select(label => firstSeen[label]).ToArray();
        int classes = firstSeen.Count;
        var classCounts = new int[classes];
        foreach (int c in encoded) classCounts[c]++;
        if (classCounts.All(size => size < folds))
            throw new DataStepException(StepName, nameof(options.Folds),
                $"Folds = {folds} but no class has that many rows (largest: {classCounts.Max()}); expected at most {classCounts.Max()} folds");
        int[] sorted = encoded.Order().ToArray();
        var allocation = new int[folds, classes];
        for (int i = 0; i < count; i++) allocation[i % folds, sorted[i]]++;
        var foldOf = new int[count];
        var random = new Random(options.Seed);
        for (int c = 0; c < classes; c++)
        {
            int[] foldsForClass = Enumerable.Range(0, folds).SelectMany(fold => Enumerable.Repeat(fold, allocation[fold, c])).ToArray();
            if (options.Shuffle) random.Shuffle(foldsForClass);
            int next = 0;
            for (int i = 0; i < count; i++)
                if (encoded[i] == c) foldOf[i] = foldsForClass[next++];
        }
        return foldOf;
    }

    private static int[] Stratified<TRow>(IReadOnlyList<TRow> rows, FoldOptions options) where TRow : IDatasetRow<TRow>
    {
        StepInput.ClassLabel<TRow>(StepName, "Stratified folds");
        return StratifiedByLabel(rows.Select(TRow.ReadLabel).ToArray(), options);
    }

    /// <summary>
    /// scikit-learn's GroupKFold: groups (sorted as numpy's <c>np.unique</c> sorts them: by value for a
    /// numeric [GroupKey] member, so 2 &lt; 10, ordinally for text) from the largest down each go to the fold
    /// with the fewest rows so far (the first such fold on a tie). Equal-sized groups are taken later
    /// group first, which is what numpy's stable argsort reversed gives (numpy sorts up to 16 groups
    /// stably; beyond that its order among equal sizes is unspecified).
    /// </summary>
    private static int[] Grouped<TRow>(IReadOnlyList<TRow> rows, int folds) where TRow : IDatasetRow<TRow>
    {
        if (TRow.GroupKeyName is null)
            throw new DataStepException(StepName, nameof(FoldOptions.Kind), $"Grouped folds need a [GroupKey] member, and {typeof(TRow).Name} has none");
        string[] groupOf = rows.Select(row => TRow.GroupOf(row) ?? "").ToArray();
        string[] groups = GroupOrder<TRow>(groupOf.Distinct());
        if (folds > groups.Length)
            throw new DataStepException(StepName, nameof(FoldOptions.Folds), $"Folds = {folds} but there are only {groups.Length} groups; expected at most {groups.Length} folds");
        var index = groups.Select((group, i) => (group, i)).ToDictionary(pair => pair.group, pair => pair.i, StringComparer.Ordinal);
        var sizes = new int[groups.Length];
        foreach (string group in groupOf) sizes[index[group]]++;
        var foldRows = new long[folds];
        var foldOfGroup = new int[groups.Length];
        foreach (int group in Enumerable.Range(0, groups.Length).OrderByDescending(g => sizes[g]).ThenByDescending(g => g))
        {
            int lightest = Array.IndexOf(foldRows, foldRows.Min());
            foldRows[lightest] += sizes[group];
            foldOfGroup[group] = lightest;
        }
        return groupOf.Select(group => foldOfGroup[index[group]]).ToArray();
    }

    /// <summary>The distinct group keys in np.unique's order: numeric keys by value, text ordinally.</summary>
    private static string[] GroupOrder<TRow>(IEnumerable<string> groups) where TRow : IDatasetRow<TRow>
    {
        Type? type = KeyType(typeof(TRow), TRow.GroupKeyName!);
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (type is not null && type != typeof(bool) && type != typeof(char) && (type.IsPrimitive || type == typeof(decimal)))
        {
            // Integers compare exactly as decimals; float and double keys (rare) by their double value.
            bool integral = type != typeof(float) && type != typeof(double) && type != typeof(decimal);
            CultureInfo invariant = CultureInfo.InvariantCulture;
            return integral
                ? groups.OrderBy(key => key.Length == 0 ? decimal.MinValue : decimal.Parse(key, NumberStyles.Integer, invariant)).ToArray()
                : groups.OrderBy(key => key.Length == 0 ? double.NegativeInfinity : double.Parse(key, NumberStyles.Float, invariant)).ToArray();
        }
        return groups.Order(StringComparer.Ordinal).ToArray();
    }

    private static Type? KeyType(Type row, string member) =>
        row.GetMember(member, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).FirstOrDefault() switch
        {
            PropertyInfo property => property.PropertyType,
            FieldInfo field => field.FieldType,
            _ => null,
        };

    /// <summary>
    /// scikit-learn's TimeSeriesSplit on the rows in [Timestamp] order (ties in row order): the last
    /// folds × test-size rows are cut into validation blocks, each trained on every row before it (less
    /// the gap, at most MaxTrainSize of them).
    /// </summary>
    private static IReadOnlyList<Fold> TimeSeries<TRow>(IReadOnlyList<TRow> rows, FoldOptions options) where TRow : IDatasetRow<TRow>
    {
        if (TRow.TimestampName is null)
            throw new DataStepException(StepName, nameof(FoldOptions.Kind), $"TimeSeries folds need a [Timestamp] member, and {typeof(TRow).Name} has none");
        if (options.Gap < 0)
            throw new DataStepException(StepName, nameof(options.Gap),
                $"Gap = {options.Gap} would put validation rows into the training block before them; expected 0 or more rows left out");
        if (options.MaxTrainSize is < 1)
            throw new DataStepException(StepName, nameof(options.MaxTrainSize),
                $"MaxTrainSize = {options.MaxTrainSize} leaves no training rows; expected at least 1, or null for every earlier row (scikit-learn reads 0 as no limit; say null here)");
        int count = rows.Count, splits = options.Folds;
        int[] order = Enumerable.Range(0, count).OrderBy(i => TRow.TimeOf(rows[i])).ThenBy(i => i).ToArray();
        int testSize = options.TestSize ?? count / (splits + 1);
        if (splits + 1 > count)
            throw new DataStepException(StepName, nameof(options.Folds), $"Folds = {splits} needs at least {splits + 1} rows, got {count}");
        if (testSize < 1 || count - options.Gap - testSize * splits <= 0)
            throw new DataStepException(StepName, nameof(options.TestSize),
                $"{splits} validation blocks of {testSize} rows after a gap of {options.Gap} leave no training rows out of {count}; expected fewer folds, a smaller TestSize or Gap");
        var result = new List<Fold>();
        for (int start = count - splits * testSize, fold = 0; start < count; start += testSize, fold++)
        {
            int trainEnd = start - options.Gap;
            int trainStart = options.MaxTrainSize is { } most && most < trainEnd ? trainEnd - most : 0;
            result.Add(new Fold(fold, order[trainStart..trainEnd].Order().ToArray(), order[start..Math.Min(start + testSize, count)].Order().ToArray()));
        }
        return result;
    }
}
