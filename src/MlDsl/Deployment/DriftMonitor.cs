using System.Globalization;
using System.Text;
using MlDsl.Data.Validation;

namespace MlDsl.Deployment;

/// <summary>One feature's shift between the training reference and new data.</summary>
public sealed record FeatureDrift(string Feature, double KsStatistic, double KsPValue, double Psi, double Wasserstein, bool Drifted);

/// <summary>Which features drifted, and what to do about it. <see cref="ExitCode"/> is non-zero on drift so a scheduler can raise an alarm.</summary>
public sealed record DriftReport(IReadOnlyList<FeatureDrift> Features, int ReferenceRows, int CurrentRows)
{
    public bool Drifted => Features.Any(feature => feature.Drifted);

    public int ExitCode => Drifted ? 3 : 0;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"drift: {CurrentRows} new rows against {ReferenceRows} training rows\n");
        text.Append(CultureInfo.InvariantCulture, $"{"feature",-28} {"KS",6} {"p",9} {"PSI",7} {"W1",10}\n");
        foreach (FeatureDrift feature in Features.OrderByDescending(feature => feature.Psi))
            text.Append(CultureInfo.InvariantCulture,
                $"{feature.Feature,-28} {feature.KsStatistic,6:F3} {feature.KsPValue,9:G3} {feature.Psi,7:F3} {feature.Wasserstein,10:G4}{(feature.Drifted ? "  DRIFTED" : "")}\n");
        int drifted = Features.Count(feature => feature.Drifted);
        text.Append(drifted == 0
            ? "no drift: the model's training data still describes what it sees\n"
            : $"{drifted} of {Features.Count} features drifted: retrain on recent data and re-run the gate\n");
        return text.ToString();
    }
}

/// <summary>Thresholds: a feature drifts when the KS p-value is small and either the KS statistic or the PSI (0.25: the usual "significant shift") is large.</summary>
public sealed record DriftThresholds(double Psi = 0.25, double KsPValue = 0.01, double KsStatistic = 0.1);

/// <summary>Compares new data with the training reference, feature by feature.</summary>
public static class DriftMonitor
{
    /// <param name="features">The feature names.</param>
    /// <param name="reference">Per feature, the training values (the artifact's reference sample).</param>
    /// <param name="current">Per feature, the new values, in the same order.</param>
    /// <param name="thresholds">When a feature counts as drifted.</param>
    public static DriftReport Compare(IReadOnlyList<string> features, IReadOnlyList<double[]> reference, IReadOnlyList<double[]> current, DriftThresholds? thresholds = null)
    {
        thresholds ??= new DriftThresholds();
        var drifts = new List<FeatureDrift>();
        for (int f = 0; f < features.Count; f++)
        {
            double[] before = reference[f].Where(double.IsFinite).ToArray(), after = current[f].Where(double.IsFinite).ToArray();
            (double ks, double p) = DistributionShift.KolmogorovSmirnov(before, after);
            double psi = DistributionShift.PopulationStabilityIndex(before, after);
            double distance = Wasserstein(before, after);
            // A shift must be both statistically clear (KS p-value) and large enough to matter (KS or PSI):
            // PSI alone raises false alarms on small samples of sparse features.
            bool drifted = p < thresholds.KsPValue && (ks >= thresholds.KsStatistic || psi >= thresholds.Psi);
            drifts.Add(new FeatureDrift(features[f], ks, p, psi, distance, drifted));
        }
        return new DriftReport(drifts, reference.FirstOrDefault()?.Length ?? 0, current.FirstOrDefault()?.Length ?? 0);
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
