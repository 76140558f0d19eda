using MathNet.Numerics.Statistics;

namespace MlDsl.Data.Validation;

/// <summary>Two-sample comparisons of one feature between training and another split.</summary>
public static class DistributionShift
{
    /// <summary>Kolmogorov–Smirnov statistic D and its asymptotic p-value.</summary>
    public static (double Statistic, double PValue) KolmogorovSmirnov(double[] first, double[] second)
    {
        if (first.Length == 0 || second.Length == 0) return (0, 1);
        double[] a = first.Order().ToArray(), b = second.Order().ToArray();
        int i = 0, j = 0;
        double d = 0;
        while (i < a.Length && j < b.Length)
        {
            double value = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= value) i++;
            while (j < b.Length && b[j] <= value) j++;
            d = Math.Max(d, Math.Abs((double)i / a.Length - (double)j / b.Length));
        }
        double effective = Math.Sqrt((double)a.Length * b.Length / (a.Length + b.Length));
        return (d, KolmogorovTail((effective + 0.12 + 0.11 / effective) * d));
    }

    /// <summary>Population stability index over the reference's deciles (0.1 notable, 0.25 large).</summary>
    public static double PopulationStabilityIndex(double[] reference, double[] current)
    {
        if (reference.Length == 0 || current.Length == 0) return 0;
        double[] sorted = reference.Order().ToArray();
        double[] edges = Enumerable.Range(1, 9).Select(k => SortedArrayStatistics.Quantile(sorted, k / 10.0)).Distinct().ToArray();
        double[] expected = Shares(reference, edges), actual = Shares(current, edges);
        double psi = 0;
        for (int bin = 0; bin < expected.Length; bin++)
        {
            double e = Math.Max(expected[bin], 1e-4), a = Math.Max(actual[bin], 1e-4);
            psi += (a - e) * Math.Log(a / e);
        }
        return psi;
    }

    private static double[] Shares(double[] values, double[] edges)
    {
        var counts = new double[edges.Length + 1];
        foreach (double value in values)
        {
            int bin = Array.BinarySearch(edges, value);
            counts[bin >= 0 ? bin : ~bin]++;
        }
        return counts.Select(count => count / values.Length).ToArray();
    }

    // Q_KS(λ) = 2 Σ (-1)^(k-1) exp(-2 k² λ²), the Kolmogorov distribution's upper tail.
    private static double KolmogorovTail(double lambda)
    {
        if (lambda < 1e-3) return 1;
        double sum = 0, sign = 1;
        for (int k = 1; k <= 100; k++)
        {
            double term = sign * Math.Exp(-2 * k * k * lambda * lambda);
            sum += term;
            if (Math.Abs(term) < 1e-12) break;
            sign = -sign;
        }
        return Math.Clamp(2 * sum, 0, 1);
    }
}
