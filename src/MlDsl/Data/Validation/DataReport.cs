using System.Globalization;
using System.Text;
using MlDsl.Data.Splits;

namespace MlDsl.Data.Validation;

/// <summary>A regression target's spread on the training split, and its shift in the validation split.</summary>
public sealed record TargetSummary(double Min, double Max, double Mean, double StandardDeviation, double KsStatistic, double KsPValue);

/// <summary>
/// One feature's statistics on the training split (over its finite values), and its shift in the
/// validation split. <see cref="Missing"/> counts NaN (an empty CSV field), <see cref="Infinite"/> ±∞.
/// </summary>
public sealed record FeatureSummary(string Name, int Missing, double Min, double Max, double Mean, double KsStatistic, double KsPValue, double Psi)
{
    /// <summary>Training values that are +∞ or -∞: they fail validation, as no model can learn from them.</summary>
    public int Infinite { get; init; }
}

/// <summary>
/// What a data scientist should see before training: sizes, inferred schema, missing values,
/// ranges, class balance, duplicates, rows shared between splits, and train-vs-validation shift.
/// <see cref="Failures"/> can stop a pipeline; <see cref="Warnings"/> are printed.
/// </summary>
public sealed record DataReport(
    string RowType,
    int TrainRows,
    int ValidationRows,
    int TestRows,
    IReadOnlyList<FeatureSummary> Features,
    IReadOnlyList<int> ClassCounts,
    int DuplicateTrainRows,
    int RowsInTwoSplits,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;

    /// <summary>For a regression label, the target's spread and shift; null for class labels.</summary>
    public TargetSummary? Target { get; init; }

    public void ThrowIfFailed()
    {
        if (!Passed) throw new InvalidDataException($"Data validation of {RowType} failed:\n  " + string.Join("\n  ", Failures));
    }

    /// <param name="split">The split to describe.</param>
    /// <param name="rules">Which findings fail validation; <see cref="ValidationRules"/>' defaults when null.</param>
    /// <remarks>
    /// Fails on: an empty training split; missing (NaN) feature values in any split (a warning when
    /// <see cref="ValidationRules.FailOnMissing"/> is off); infinite feature values and non-finite
    /// regression targets in any split (always); rows shared between splits. Repeats the split's own warnings.
    /// </remarks>
    /// <exception cref="RowDataException">A class label is outside [0, classes - 1] (labels are 0-based), naming the split and row.</exception>
    public static DataReport Analyze<TRow>(DataSplit<TRow> split, ValidationRules? rules = null) where TRow : IDatasetRow<TRow>
    {
        rules ??= new ValidationRules();
        int[] classCounts = LabelCounts(split.Train, "training");
        if (TRow.LabelKind != LabelKind.Regression)
        {
            LabelCounts(split.Validation, "validation");
            LabelCounts(split.Test, "test");
        }

        double[][] train = FeatureColumns.Of(split.Train), validation = FeatureColumns.Of(split.Validation);
        var features = new List<FeatureSummary>();
        for (int f = 0; f < TRow.FeatureLength; f++)
        {
            // Statistics over finite values only: NaN is missing and ±∞ is reported on its own.
            double[] present = train[f].Where(double.IsFinite).ToArray();
            double[] validationPresent = validation[f].Where(double.IsFinite).ToArray();
            (double ks, double p) = DistributionShift.KolmogorovSmirnov(present, validationPresent);
            features.Add(new FeatureSummary(TRow.FeatureNames[f], train[f].Count(double.IsNaN),
                present.DefaultIfEmpty(double.NaN).Min(), present.DefaultIfEmpty(double.NaN).Max(), present.DefaultIfEmpty(double.NaN).Average(),
                ks, p, DistributionShift.PopulationStabilityIndex(present, validationPresent)) { Infinite = train[f].Count(double.IsInfinity) });
        }

        var trainKeys = split.Train.Select(Key).ToList();
        int duplicates = trainKeys.Count - trainKeys.Distinct().Count();
        var trainSet = trainKeys.ToHashSet();
        int shared = split.Validation.Concat(split.Test).Count(row => trainSet.Contains(Key(row)));

        var warnings = new List<string>();
        var failures = new List<string>();
        void Report(bool fails, string finding) => (fails ? failures : warnings).Add(finding);
        warnings.AddRange(split.Warnings);
        if (split.Train.Count == 0)
            failures.Add("the training split is empty; a model cannot be trained on no rows");
        else if (split.Train.Count < rules.MinTrainRows)
            failures.Add($"the training split has {split.Train.Count} rows; at least {rules.MinTrainRows} are required");
        foreach (FeatureSummary feature in features.Where(feature => feature.Missing > 0))
            Report(rules.FailOnMissing, $"{feature.Name}: {feature.Missing} missing values in the training split");
        foreach (FeatureSummary feature in features.Where(feature => feature.Infinite > 0))
            failures.Add($"{feature.Name}: {feature.Infinite} infinite values in the training split; expected finite numbers");
        foreach ((string part, double[][] columns) in new[] { ("validation", validation), ("test", FeatureColumns.Of(split.Test)) })
            for (int f = 0; f < columns.Length; f++)
            {
                int missing = columns[f].Count(double.IsNaN), infinite = columns[f].Count(double.IsInfinity);
                if (missing > 0) Report(rules.FailOnMissing, $"{TRow.FeatureNames[f]}: {missing} missing values in the {part} split");
                if (infinite > 0) failures.Add($"{TRow.FeatureNames[f]}: {infinite} infinite values in the {part} split; expected finite numbers");
            }
        if (TRow.LabelKind == LabelKind.Regression)
            foreach ((string part, IReadOnlyList<TRow> rows) in new[] { ("training", split.Train), ("validation", split.Validation), ("test", split.Test) })
            {
                int bad = ClassLabels.TargetsOf(rows, part).Count(target => !float.IsFinite(target[0]));
                if (bad > 0) failures.Add($"the target {TRow.LabelName}: {bad} missing or non-finite values in the {part} split");
            }
        if (shared > 0)
            Report(rules.FailOnOverlap, $"{shared} validation/test rows also appear in the training split (overlap leakage)");
        int total = classCounts.Sum(), majority = classCounts.Length == 0 ? 0 : Array.IndexOf(classCounts, classCounts.Max());
        double majorityShare = total == 0 ? 0 : (double)classCounts[majority] / total;
        if (TRow.LabelKind == LabelKind.Class && majorityShare > rules.MaxMajorityShare)
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"class {majority} is {majorityShare * 100:F1}% of the training rows; at most {rules.MaxMajorityShare * 100:F1}% is allowed"));
        else if (TRow.LabelKind == LabelKind.Class && majorityShare >= 0.8)
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"class {majority} is {majorityShare * 100:F0}% of the training rows: always predicting it scores {majorityShare * 100:F0}% accuracy, so accuracy would lie; look at per-class recall"));
        if (duplicates > 0)
            warnings.Add($"{duplicates} training rows duplicate another training row");
        foreach (FeatureSummary feature in features.Where(Shifted))
            Report(rules.FailOnShift, string.Create(CultureInfo.InvariantCulture,
                $"{feature.Name} is distributed differently in validation than in training (KS {feature.KsStatistic:F2}, p {feature.KsPValue:G2}, PSI {feature.Psi:F2})"));

        TargetSummary? target = TRow.LabelKind == LabelKind.Regression ? SummarizeTarget(split) : null;
        if (target is { KsPValue: < 0.001, KsStatistic: > 0.2 })
            Report(rules.FailOnShift, string.Create(CultureInfo.InvariantCulture,
                $"the target {TRow.LabelName} is distributed differently in validation than in training (KS {target.KsStatistic:F2}, p {target.KsPValue:G2})"));
        return new DataReport(typeof(TRow).Name, split.Train.Count, split.Validation.Count, split.Test.Count,
            features, classCounts, duplicates, shared, warnings, failures) { Target = target };
    }

    private static TargetSummary SummarizeTarget<TRow>(DataSplit<TRow> split) where TRow : IDatasetRow<TRow>
    {
        double[] Values(IReadOnlyList<TRow> rows) => rows.Select(row => (double)Targets.Of(row)[0]).Where(double.IsFinite).ToArray();
        double[] train = Values(split.Train), validation = Values(split.Validation);
        (double ks, double p) = DistributionShift.KolmogorovSmirnov(train, validation);
        return train.Length == 0
            ? new TargetSummary(double.NaN, double.NaN, double.NaN, double.NaN, ks, p)
            : new TargetSummary(train.Min(), train.Max(), train.Average(), MathNet.Numerics.Statistics.Statistics.StandardDeviation(train), ks, p);
    }

    /// <summary>Above this many features the printed table lists only the first ones and those with findings.</summary>
    private const int ListedFeatures = 40;

    private static bool Shifted(FeatureSummary feature) => feature.KsPValue < 0.001 && feature.KsStatistic > 0.2;

    /// <summary>Rows per class, or per label for multi-label sets (a row counts for each of its labels); none for regression.</summary>
    /// <exception cref="RowDataException">A label is out of range or unknown, naming the split and row.</exception>
    private static int[] LabelCounts<TRow>(IReadOnlyList<TRow> rows, string part) where TRow : IDatasetRow<TRow>
    {
        if (TRow.LabelKind == LabelKind.Regression) return Array.Empty<int>();
        int[] counts = new int[TRow.ClassCount];
        if (TRow.LabelKind == LabelKind.Class)
        {
            foreach (int label in ClassLabels.Of(rows, part)) counts[label]++;
            return counts;
        }
        foreach (float[] target in ClassLabels.TargetsOf(rows, part))
            for (int label = 0; label < counts.Length; label++) counts[label] += target[label] > 0.5f ? 1 : 0;
        return counts;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Data validation: {RowType}, {TrainRows} train / {ValidationRows} validation / {TestRows} test rows\n");
        text.Append(CultureInfo.InvariantCulture, $"{"feature",-28} {"NaN/±inf",8} {"min",12} {"max",12} {"mean",12} {"KS",6} {"p",9} {"PSI",6}\n");
        // Wide rows (waveforms, images) would print thousands of lines: show the first features and
        // every one with missing values or a shift; the full table stays in Features.
        bool wide = Features.Count > ListedFeatures;
        FeatureSummary[] listed = wide
            ? Features.Where((feature, index) => index < ListedFeatures / 2 || feature.Missing + feature.Infinite > 0 || Shifted(feature)).ToArray()
            : Features.ToArray();
        foreach (FeatureSummary feature in listed)
            text.Append(CultureInfo.InvariantCulture,
                $"{feature.Name,-28} {feature.Missing + feature.Infinite,8} {feature.Min,12:G5} {feature.Max,12:G5} {feature.Mean,12:G5} {feature.KsStatistic,6:F3} {feature.KsPValue,9:G3} {feature.Psi,6:F3}\n");
        if (wide)
            text.Append(CultureInfo.InvariantCulture, $"... {Features.Count - listed.Length} more of {Features.Count} features without missing values or shift\n");
        if (Target is { } target)
            text.Append(CultureInfo.InvariantCulture,
                $"target (train): min {target.Min:G5}, max {target.Max:G5}, mean {target.Mean:G5}, deviation {target.StandardDeviation:G5}; KS vs validation {target.KsStatistic:F3} (p {target.KsPValue:G3})\n");
        if (ClassCounts.Count > 0)
            text.Append("class balance (train): ").Append(string.Join(", ", ClassCounts.Select((count, label) => $"{label}: {count}"))).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"duplicate training rows: {DuplicateTrainRows}; rows shared between splits: {RowsInTwoSplits}\n");
        foreach (string warning in Warnings) text.Append("warning: ").Append(warning).Append('\n');
        foreach (string failure in Failures) text.Append("FAILED: ").Append(failure).Append('\n');
        text.Append(Passed ? "data validation passed\n" : "data validation failed\n");
        return text.ToString();
    }

    private static string Key<TRow>(TRow row) where TRow : IDatasetRow<TRow>
    {
        var buffer = new float[TRow.FeatureLength];
        TRow.WriteFeatures(row, buffer);
        string features = Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(buffer.AsSpan()));
        if (TRow.LabelKind == LabelKind.Class) return features + "|" + TRow.ReadLabel(row);
        return features + "|" + string.Join(",", Targets.Of(row).Select(value => value.ToString("R", CultureInfo.InvariantCulture)));
    }
}
