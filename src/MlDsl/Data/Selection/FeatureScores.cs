using MathNet.Numerics;
using MlDsl.Data.Steps;

namespace MlDsl.Data.Selection;

/// <summary>
/// scikit-learn's univariate feature scores (sklearn/feature_selection/_univariate_selection.py and
/// _mutual_info.py), computed in double on the rows' float features. p-values come from the
/// distributions' upper tails computed directly (regularized incomplete beta and gamma), so a p of
/// 1e-90 stays 1e-90 instead of rounding 1 - cdf to 0.
/// </summary>
internal static class FeatureScores
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    public static (double[] Scores, double[] PValues) Compute(ScoreFunction function, float[][] x, double[] y, int features) => function switch
    {
        ScoreFunction.AnovaF => AnovaF(x, Classes(y), features),
        ScoreFunction.ChiSquare => ChiSquare(x, Classes(y), features),
        ScoreFunction.MutualInformation => (MutualInformation(x, Classes(y), features), Enumerable.Repeat(double.NaN, features).ToArray()),
        ScoreFunction.FRegression => FRegression(x, y, features),
        ScoreFunction.AbsoluteCorrelation => (Correlations(x, y, features).Select(Math.Abs).ToArray(), Enumerable.Repeat(double.NaN, features).ToArray()),
        _ => throw new DataStepException(nameof(SelectKBest), "score", $"unknown score function {function}"),
    };

    /// <summary>Each row's class as an index into the classes present, sorted (scikit-learn's LabelEncoder).</summary>
    private static (int[] Of, int Count) Classes(double[] y)
    {
        double[] present = y.Distinct().Order().ToArray();
        var index = present.Select((value, i) => (value, i)).ToDictionary(pair => pair.value, pair => pair.i);
        return (y.Select(value => index[value]).ToArray(), present.Length);
    }

    private static (double[], double[]) AnovaF(float[][] x, (int[] Of, int Count) classes, int features)
    {
        int n = x.Length, k = classes.Count;
        var perClass = new int[k];
        foreach (int c in classes.Of) perClass[c]++;
        double dfBetween = k - 1, dfWithin = n - k;
        var scores = new double[features];
        var pValues = new double[features];
        for (int f = 0; f < features; f++)
        {
            // scipy's f_oneway as scikit-learn writes it: sums of squares from raw sums.
            double squares = 0, total = 0;
            var sums = new double[k];
            for (int i = 0; i < n; i++)
            {
                double value = x[i][f];
                squares += value * value;
                total += value;
                sums[classes.Of[i]] += value;
            }
            double totalTerm = total * total / n;
            double sumSquaresTotal = squares - totalTerm;
            double sumSquaresBetween = -totalTerm;
            for (int c = 0; c < k; c++) sumSquaresBetween += sums[c] * sums[c] / perClass[c];
            double sumSquaresWithin = sumSquaresTotal - sumSquaresBetween;
            double fStatistic = sumSquaresBetween / dfBetween / (sumSquaresWithin / dfWithin);
            scores[f] = fStatistic;
            pValues[f] = FUpperTail(fStatistic, dfBetween, dfWithin);
        }
        return (scores, pValues);
    }

    private static (double[], double[]) ChiSquare(float[][] x, (int[] Of, int Count) classes, int features)
    {
        int n = x.Length, k = classes.Count;
        var classShare = new double[k];
        foreach (int c in classes.Of) classShare[c] += 1.0 / n;
        var scores = new double[features];
        var pValues = new double[features];
        for (int f = 0; f < features; f++)
        {
            var observed = new double[k];
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                observed[classes.Of[i]] += x[i][f];
                total += x[i][f];
            }
            double chi = 0;
            for (int c = 0; c < k; c++)
            {
                double expected = classShare[c] * total;
                chi += (observed[c] - expected) * (observed[c] - expected) / expected;
            }
            scores[f] = chi;
            pValues[f] = double.IsNaN(chi) ? double.NaN : SpecialFunctions.GammaUpperRegularized((k - 1) / 2.0, chi / 2);
        }
        return (scores, pValues);
    }

    /// <summary>scikit-learn's mutual_info_score of each feature's distinct values against the class, in nats, clipped at 0.</summary>
    private static double[] MutualInformation(float[][] x, (int[] Of, int Count) classes, int features)
    {
        int n = x.Length;
        var scores = new double[features];
        var classCounts = new double[classes.Count];
        foreach (int c in classes.Of) classCounts[c]++;
        for (int f = 0; f < features; f++)
        {
            var values = x.Select(row => row[f]).Distinct().Order().Select((value, i) => (value, i)).ToDictionary(pair => pair.value, pair => pair.i);
            var contingency = new double[values.Count, classes.Count];
            var valueCounts = new double[values.Count];
            for (int i = 0; i < n; i++)
            {
                int v = values[x[i][f]];
                contingency[v, classes.Of[i]]++;
                valueCounts[v]++;
            }
            double mi = 0;
            for (int v = 0; v < values.Count; v++)
                for (int c = 0; c < classes.Count; c++)
                {
                    double count = contingency[v, c];
                    if (count == 0) continue;
                    double share = count / n;
                    double term = share * (Math.Log(count) - Math.Log(n)) + share * (-Math.Log(valueCounts[v] * classCounts[c]) + Math.Log(n) + Math.Log(n));
                    // scikit-learn zeroes terms below machine epsilon before summing.
                    if (Math.Abs(term) >= MachineEpsilon) mi += term;
                }
            scores[f] = Math.Max(mi, 0);
        }
        return scores;
    }

    private static (double[], double[]) FRegression(float[][] x, double[] y, int features)
    {
        double[] r = Correlations(x, y, features);
        double degrees = y.Length - 2;
        var scores = new double[features];
        var pValues = new double[features];
        for (int f = 0; f < features; f++)
        {
            double squared = r[f] * r[f];
            // force_finite as scikit-learn: a perfect fit gets the largest double and p = 0.
            if (squared >= 1)
            {
                scores[f] = double.MaxValue;
                pValues[f] = 0;
                continue;
            }
            scores[f] = squared / (1 - squared) * degrees;
            pValues[f] = FUpperTail(scores[f], 1, degrees);
        }
        return (scores, pValues);
    }

    /// <summary>Pearson r of each feature with <paramref name="y"/>; 0 for a constant feature (scikit-learn's force_finite).</summary>
    public static double[] Correlations(float[][] x, double[] y, int features)
    {
        int n = y.Length;
        double yMean = y.Average();
        double yNorm = Math.Sqrt(y.Sum(value => (value - yMean) * (value - yMean)));
        var r = new double[features];
        for (int f = 0; f < features; f++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += x[i][f];
            mean /= n;
            double cross = 0, squares = 0;
            for (int i = 0; i < n; i++)
            {
                double centred = x[i][f] - mean;
                cross += centred * (y[i] - yMean);
                squares += centred * centred;
            }
            double value = cross / Math.Sqrt(squares) / yNorm;
            r[f] = double.IsFinite(value) ? value : 0;
        }
        return r;
    }

    /// <summary>P(F &gt; <paramref name="f"/>) for F(d1, d2): I_{d2/(d2 + d1 f)}(d2/2, d1/2), scipy's fdtrc.</summary>
    private static double FUpperTail(double f, double d1, double d2) =>
        double.IsNaN(f) ? double.NaN : double.IsPositiveInfinity(f) ? 0 : SpecialFunctions.BetaRegularized(d2 / 2, d1 / 2, d2 / (d2 + d1 * f));
}
