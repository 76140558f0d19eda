using MlDsl.Data.Validation;

namespace MlDsl.Deployment;

/// <summary>
/// When a feature counts as drifted. A numeric feature: the KS p-value is below <paramref name="KsPValue"/>
/// and either the KS statistic or the PSI (0.25: the usual "significant shift") is large; or its share of missing
/// (non-finite) values changed significantly (chi-square p below <paramref name="KsPValue"/>) by at least <paramref name="KsStatistic"/>. A categorical
/// member: the chi-square p-value is below <paramref name="KsPValue"/> and the Jensen–Shannon distance
/// is at least <paramref name="JensenShannon"/>. <see cref="DriftMonitor.Compare"/> refuses a <paramref name="Psi"/> below 0 and
/// any other threshold outside [0, 1], and NaN anywhere: each would make every feature drift, or none.
/// </summary>
/// <param name="Psi">Population stability index that counts as a large numeric shift.</param>
/// <param name="KsPValue">Significance level of both tests (KS for numeric features, chi-square for categorical ones).</param>
/// <param name="KsStatistic">Kolmogorov–Smirnov statistic that counts as a large numeric shift.</param>
/// <param name="JensenShannon">Jensen–Shannon distance (base 2, in [0, 1]) that counts as a large change in category shares.</param>
public sealed record DriftThresholds(double Psi = 0.25, double KsPValue = 0.01, double KsStatistic = 0.1, double JensenShannon = 0.1);

/// <summary>
/// Compares new data with the training reference, feature by feature. The one-hot columns of a
/// categorical member (<c>Color=red</c>, <c>Color=green</c>, ...) are compared together as one
/// categorical variable; every other feature as a number.
/// </summary>
public static class DriftMonitor
{
    /// <param name="features">The feature names.</param>
    /// <param name="reference">Per feature, the training values (the artifact's reference sample).</param>
    /// <param name="current">Per feature, the new values, in the same order.</param>
    /// <param name="thresholds">When a feature counts as drifted.</param>
    /// <returns>One entry per numeric feature and one per categorical member, in feature order.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="features"/> is empty, names a feature twice (or a categorical member and a feature alike) or holds a
    /// null or empty name; <paramref name="reference"/> or <paramref name="current"/> does not hold one column per feature, a
    /// column is null, the columns of one side differ in length, or a side holds no row (the message names the side, the
    /// feature and both counts); or a threshold is out of its range (<see cref="DriftThresholds.Psi"/> a number of at least 0,
    /// the others in [0, 1]; never NaN), named with its range.
    /// </exception>
    public static DriftReport Compare(IReadOnlyList<string> features, IReadOnlyList<double[]> reference, IReadOnlyList<double[]> current, DriftThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        CheckFeatures(features);
        CheckColumns(features, reference, nameof(reference));
        CheckColumns(features, current, nameof(current));
        thresholds ??= new DriftThresholds();
        CheckThresholds(thresholds);
        IReadOnlyList<MonitoredVariable> variables = CategoricalColumns.Group(features);
        // Two entries of one name in the report could not be told apart ("Age" twice, or a feature Color beside Color=red).
        if (variables.GroupBy(variable => variable.Name).FirstOrDefault(group => group.Count() > 1) is { Key: { } twice })
            throw new ArgumentException($"features name '{twice}' twice (as a feature or a categorical member's one-hot columns); expected every feature and member once", nameof(features));
        var drifts = variables
            .Select(variable => variable.Categories is null
                ? CompareNumeric(variable.Name, reference[variable.Columns[0]], current[variable.Columns[0]], thresholds)
                : CompareCategorical(variable, reference, current, thresholds))
            .ToList();
        return new DriftReport(drifts, reference.FirstOrDefault()?.Length ?? 0, current.FirstOrDefault()?.Length ?? 0);
    }

    private static void CheckFeatures(IReadOnlyList<string> features)
    {
        if (features.Count == 0) throw new ArgumentException("features is empty; expected the name of every feature compared", nameof(features));
        for (int i = 0; i < features.Count; i++)
            if (string.IsNullOrEmpty(features[i])) throw new ArgumentException($"features[{i}] is null or empty; expected a feature name", nameof(features));
    }

    // A NaN threshold makes every comparison false (nothing ever drifts); a negative one or a p-value above 1 makes every feature drift.
    private static void CheckThresholds(DriftThresholds thresholds)
    {
        if (!(thresholds.Psi >= 0))
            throw new ArgumentOutOfRangeException(nameof(thresholds), thresholds.Psi, $"DriftThresholds.Psi is {thresholds.Psi}; expected a number of at least 0");
        Share(thresholds.KsPValue, nameof(DriftThresholds.KsPValue));
        Share(thresholds.KsStatistic, nameof(DriftThresholds.KsStatistic));
        Share(thresholds.JensenShannon, nameof(DriftThresholds.JensenShannon));

        static void Share(double value, string name)
        {
            if (!(value is >= 0 and <= 1))
                throw new ArgumentOutOfRangeException("thresholds", value, $"DriftThresholds.{name} is {value}; expected a number in [0, 1]");
        }
    }

    // Both sides are columns of one table: one per feature, all of one length (a one-hot member is read row by row across its columns).
    private static void CheckColumns(IReadOnlyList<string> features, IReadOnlyList<double[]> columns, string side)
    {
        ArgumentNullException.ThrowIfNull(columns, side);
        if (columns.Count != features.Count)
            throw new ArgumentException($"{side} holds {columns.Count} columns for {features.Count} features [{string.Join(", ", features.Take(4))}{(features.Count > 4 ? ", ..." : "")}]; expected one column per feature", side);
        for (int i = 0; i < columns.Count; i++)
        {
            if (columns[i] is null) throw new ArgumentException($"{side} column {i} ({features[i]}) is null; expected its values", side);
            if (columns[i].Length != columns[0].Length)
                throw new ArgumentException($"{side} column {i} ({features[i]}) holds {columns[i].Length} values but column 0 ({features[0]}) holds {columns[0].Length}; expected one value per row in every column", side);
        }
        // No row: every statistic would be computed from nothing and report "no drift".
        if (columns[0].Length == 0) throw new ArgumentException($"{side} holds 0 rows; expected at least one row to compare", side);
    }

    private static FeatureDrift CompareNumeric(string feature, double[] reference, double[] current, DriftThresholds thresholds)
    {
        double[] before = reference.Where(double.IsFinite).ToArray(), after = current.Where(double.IsFinite).ToArray();
        (double ks, double p) = DistributionShift.KolmogorovSmirnov(before, after);
        double psi = DistributionShift.PopulationStabilityIndex(before, after);
        // A shift must be both statistically clear (KS p-value) and large enough to matter (KS or PSI):
        // PSI alone raises false alarms on small samples of sparse features.
        bool drifted = p < thresholds.KsPValue && (ks >= thresholds.KsStatistic || psi >= thresholds.Psi);
        // The tests above see finite values only, so a feature that went missing (a dead sensor: every new value NaN) would
        // read as "no drift". The share of missing values is compared on its own: significant (chi-square on missing/present
        // counts) and large (a change of at least the KS threshold, both being shares of rows).
        double missingBefore = reference.Length - before.Length, missingAfter = current.Length - after.Length;
        (_, double missingP, _) = DistributionShift.ChiSquareHomogeneity([before.Length, missingBefore], [after.Length, missingAfter]);
        double shareBefore = reference.Length == 0 ? 0 : missingBefore / reference.Length, shareAfter = current.Length == 0 ? 0 : missingAfter / current.Length;
        bool missingDrifted = missingP < thresholds.KsPValue && Math.Abs(shareAfter - shareBefore) >= thresholds.KsStatistic;
        return FeatureDrift.Numeric(feature, ks, p, psi, Wasserstein(before, after), drifted || missingDrifted) with
        {
            MissingReference = shareBefore,
            MissingCurrent = shareAfter,
        };
    }

    private static FeatureDrift CompareCategorical(MonitoredVariable variable, IReadOnlyList<double[]> reference, IReadOnlyList<double[]> current, DriftThresholds thresholds)
    {
        double[] before = CategoricalColumns.Count(variable, reference), after = CategoricalColumns.Count(variable, current);
        (double chiSquare, double p, int degreesOfFreedom) = DistributionShift.ChiSquareHomogeneity(before, after);
        double jensenShannon = DistributionShift.JensenShannonDistance(before, after);
        // As for numbers: significant (a large sample makes tiny shifts significant) and large enough to matter.
        bool drifted = p < thresholds.KsPValue && jensenShannon >= thresholds.JensenShannon;
        string[] names = [.. variable.Categories!, CategoryCount.Other];
        CategoryCount[] categories = names.Select((name, k) => new CategoryCount(name, (int)before[k], (int)after[k]))
            .Where(category => category.Reference + category.Current > 0).ToArray();
        return FeatureDrift.Categorical(variable.Name, chiSquare, p, degreesOfFreedom, jensenShannon, categories, drifted);
    }

    /// <summary>Earth mover's distance between two one-dimensional samples: the area between their empirical CDFs.</summary>
    public static double Wasserstein(double[] first, double[] second)
    {
        if (first.Length == 0 || second.Length == 0) return 0;
        double[] a = first.Order().ToArray(), b = second.Order().ToArray();
        double[] points = a.Concat(b).Order().ToArray();
        double distance = 0;
        int i = 0, j = 0;
        for (int k = 0; k < points.Length - 1; k++)
        {
            while (i < a.Length && a[i] <= points[k]) i++;
            while (j < b.Length && b[j] <= points[k]) j++;
            distance += Math.Abs((double)i / a.Length - (double)j / b.Length) * (points[k + 1] - points[k]);
        }
        return distance;
    }
}
