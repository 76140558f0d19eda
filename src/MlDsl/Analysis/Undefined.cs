using System.Globalization;

namespace MlDsl.Analysis;

/// <summary>
/// Metrics with a zero denominator (recall of a class with no rows, precision of a class never
/// predicted, R² of a constant target) are undefined: NaN here, "undefined" when printed, "not
/// measured" by the gate. A 0 would read as a measured failure. Macro averages skip undefined
/// values, as scikit-learn does with <c>zero_division=np.nan</c>.
/// </summary>
internal static class Undefined
{
    /// <summary><paramref name="part"/> / <paramref name="whole"/>, or NaN when <paramref name="whole"/> is 0.</summary>
    public static double Ratio(double part, double whole) => whole == 0 ? double.NaN : part / whole;

    /// <summary>F1 from counts, 2 TP / (2 TP + FP + FN): NaN only when the class is neither present nor predicted.</summary>
    public static double F1(int truePositives, int falsePositives, int falseNegatives) =>
        Ratio(2.0 * truePositives, 2.0 * truePositives + falsePositives + falseNegatives);

    /// <summary>The mean of the defined values, NaN when none is.</summary>
    public static double MeanOfDefined(IEnumerable<double> values) =>
        values.Where(value => !double.IsNaN(value)).DefaultIfEmpty(double.NaN).Average();

    /// <summary>The value formatted with <paramref name="format"/>, or "undefined", right-aligned in <paramref name="width"/>.</summary>
    public static string Show(double value, string format, int width = 0) =>
        (double.IsNaN(value) ? "undefined" : value.ToString(format, CultureInfo.InvariantCulture)).PadLeft(width);

    /// <summary>A share as a percentage with two decimals, or "undefined".</summary>
    public static string Percent(double share, int width = 0) =>
        (double.IsNaN(share) ? "undefined" : (share * 100).ToString("F2", CultureInfo.InvariantCulture) + "%").PadLeft(width);
}
