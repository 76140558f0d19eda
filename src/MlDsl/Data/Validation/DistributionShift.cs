using MathNet.Numerics;
using MathNet.Numerics.Statistics;

namespace MlDsl.Data.Validation;

/// <summary>Two-sample comparisons of one feature between training and another split.</summary>
public static class DistributionShift
{
    /// <summary>Up to this many pairs (n₁·n₂) the KS p-value is exact; beyond, asymptotic.</summary>
    public const long ExactKolmogorovSmirnovPairs = 1_000_000;

    /// <summary>
    /// Kolmogorov–Smirnov statistic D and its two-sided p-value; (0, 1) when a sample is empty. ±∞ are
    /// ordinary extreme values. The p-value is exact (the share of the C(n₁+n₂, n₁) equally likely
    /// orderings of the two samples whose ECDFs differ by at least D somewhere, as SciPy's
    /// <c>ks_2samp(method="exact")</c>) while n₁·n₂ ≤ <see cref="ExactKolmogorovSmirnovPairs"/>, and
    /// asymptotic beyond (Stephens' correction of the Kolmogorov distribution) — SciPy's "auto" switches
    /// at max(n₁, n₂) = 10,000 instead, which costs up to 10⁸ steps per feature.
    /// </summary>
    /// <exception cref="ArgumentException">A sample holds NaN: drop missing values first (NaN has no place in an ordering).</exception>
    public static (double Statistic, double PValue) KolmogorovSmirnov(double[] first, double[] second)
    {
        RefuseNaN(first, nameof(first));
        RefuseNaN(second, nameof(second));
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
        if ((long)a.Length * b.Length <= ExactKolmogorovSmirnovPairs) return (d, ExactKolmogorovSmirnovPValue(a.Length, b.Length, d));
        double effective = Math.Sqrt((double)a.Length * b.Length / (a.Length + b.Length));
        return (d, KolmogorovTail((effective + 0.12 + 0.11 / effective) * d));
    }

    /// <summary>
    /// P(D ≥ <paramref name="d"/>) for samples of <paramref name="m"/> and <paramref name="n"/> values from one
    /// continuous distribution: a uniformly random merge order is a lattice path from (0, 0) to (m, n);
    /// its probability mass flows step by step and is absorbed where |i/m − j/n| first reaches d.
    /// </summary>
    internal static double ExactKolmogorovSmirnovPValue(int m, int n, double d)
    {
        // D is a multiple of 1 / lcm(m, n); SciPy rounds it to one the same way, so the comparison is in integers.
        long g = (long)System.Numerics.BigInteger.GreatestCommonDivisor(m, n), lcm = (long)m / g * n;
        long h = (long)Math.Round(d * lcm);
        if (h == 0) return 1;
        long reach = h * g; // |i·n − j·m| ≥ h·g  ⟺  |i/m − j/n| ≥ h / lcm
        bool Outside(long i, long j) => Math.Abs(i * n - j * m) >= reach;
        var row = new double[n + 1];
        var next = new double[n + 1];
        row[0] = 1;
        double absorbed = 0;
        for (int i = 0; i <= m; i++)
        {
            Array.Clear(next);
            for (int j = 0; j <= n; j++)
            {
                double mass = row[j];
                if (mass == 0) continue;
                int left = m - i + n - j;
                if (left == 0) continue;
                if (i < m)
                {
                    double step = mass * (m - i) / left;
                    if (Outside(i + 1, j)) absorbed += step; else next[j] += step;
                }
                if (j < n)
                {
                    double step = mass * (n - j) / left;
                    if (Outside(i, j + 1)) absorbed += step; else row[j + 1] += step;
                }
            }
            (row, next) = (next, row);
        }
        return Math.Clamp(absorbed, 0, 1);
    }

    /// <summary>
    /// Population stability index over the reference's deciles (0.1 notable, 0.25 large); 0 when a sample is
    /// empty. The decile edges are MathNet's <c>SortedArrayStatistics.Quantile</c>: the approximately
    /// median-unbiased estimate (R type 8, Hyndman and Fan's recommendation), not numpy's default linear
    /// (type 7); edges that coincide are merged, and a value equal to an edge falls in the bin below it (bins are (eₖ₋₁, eₖ]).
    /// </summary>
    /// <exception cref="ArgumentException">A sample holds NaN: drop missing values first.</exception>
    public static double PopulationStabilityIndex(double[] reference, double[] current)
    {
        RefuseNaN(reference, nameof(reference));
        RefuseNaN(current, nameof(current));
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

    /// <summary>
    /// Pearson's chi-square test of homogeneity on two samples' category counts (same categories,
    /// same order; finite and non-negative, else <see cref="ArgumentException"/>). Categories absent from both samples are left out, so the degrees of freedom are
    /// the categories seen at all, minus one. Returns (0, 1, 0) when a sample is empty or only one
    /// category is seen: there is nothing to compare.
    /// </summary>
    public static (double Statistic, double PValue, int DegreesOfFreedom) ChiSquareHomogeneity(IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        CheckSameCategories(reference, current);
        double referenceTotal = reference.Sum(), currentTotal = current.Sum(), total = referenceTotal + currentTotal;
        int[] seen = Enumerable.Range(0, reference.Count).Where(k => reference[k] + current[k] > 0).ToArray();
        int degreesOfFreedom = seen.Length - 1;
        if (referenceTotal <= 0 || currentTotal <= 0 || degreesOfFreedom < 1) return (0, 1, 0);

        double statistic = 0;
        foreach (int k in seen)
        {
            double categoryTotal = reference[k] + current[k];
            double expectedReference = referenceTotal * categoryTotal / total, expectedCurrent = currentTotal * categoryTotal / total;
            statistic += Square(reference[k] - expectedReference) / expectedReference + Square(current[k] - expectedCurrent) / expectedCurrent;
        }
        return (statistic, ChiSquareUpperTail(degreesOfFreedom, statistic), degreesOfFreedom);
    }

    /// <summary>
    /// Jensen–Shannon distance between two samples' category counts: the square root of the base-2
    /// Jensen–Shannon divergence of their shares, so 0 for identical distributions and 1 for
    /// distributions with no category in common. 0 when either sample is empty. Counts must be finite
    /// and non-negative (<see cref="ArgumentException"/>).
    /// </summary>
    public static double JensenShannonDistance(IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        CheckSameCategories(reference, current);
        double referenceTotal = reference.Sum(), currentTotal = current.Sum();
        if (referenceTotal <= 0 || currentTotal <= 0) return 0;
        double divergence = 0;
        for (int k = 0; k < reference.Count; k++)
        {
            double p = reference[k] / referenceTotal, q = current[k] / currentTotal, middle = (p + q) / 2;
            divergence += (RelativeEntropyTerm(p, middle) + RelativeEntropyTerm(q, middle)) / 2;
        }
        // Rounding can leave the divergence a hair outside [0, 1].
        return Math.Sqrt(Math.Clamp(divergence, 0, 1));
    }

    // 1 - ChiSquared.CDF(k, x), which is GammaLowerRegularized(k/2, x/2), computed as the upper
    // regularized gamma directly: the subtraction rounds every p below about 1e-16 to 0, and a
    // report of p = 0 hides how strong the evidence is.
    private static double ChiSquareUpperTail(int degreesOfFreedom, double statistic) =>
        Math.Clamp(SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, statistic / 2), 0, 1);

    // p log2(p / m), with 0 log 0 = 0 (m is never 0 where p is not).
    private static double RelativeEntropyTerm(double p, double middle) => p > 0 ? p * Math.Log2(p / middle) : 0;

    private static double Square(double value) => value * value;

    private static void RefuseNaN(double[] sample, string name)
    {
        int at = Array.FindIndex(sample, double.IsNaN);
        if (at >= 0)
            throw new ArgumentException($"The {name} sample holds NaN at index {at}; a distribution statistic needs the missing values dropped (or counted) first.", name);
    }

    private static void CheckSameCategories(IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        for (int k = 0; k < reference.Count; k++)
            if (!(reference[k] >= 0 && double.IsFinite(reference[k])))
                throw new ArgumentException($"The reference count of category {k} is {reference[k]}; counts must be finite and non-negative.", nameof(reference));
        for (int k = 0; k < current.Count; k++)
            if (!(current[k] >= 0 && double.IsFinite(current[k])))
                throw new ArgumentException($"The current count of category {k} is {current[k]}; counts must be finite and non-negative.", nameof(current));
        if (reference.Count != current.Count)
            throw new ArgumentException($"Category counts must cover the same categories: the reference has {reference.Count} and the current sample {current.Count}.", nameof(current));
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
