using System.Globalization;
using System.Text;

namespace MlDsl.Deployment;

/// <summary>Which features drifted, and what to do about it. <see cref="ExitCode"/> is non-zero on drift so a scheduler can raise an alarm.</summary>
public sealed record DriftReport(IReadOnlyList<FeatureDrift> Features, int ReferenceRows, int CurrentRows)
{
    public bool Drifted => Features.Any(feature => feature.Drifted);

    public int ExitCode => Drifted ? 3 : 0;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"drift: {CurrentRows} new rows against {ReferenceRows} training rows\n");
        AppendNumeric(text, Features.Where(feature => feature.Kind == FeatureDriftKind.Numeric).OrderByDescending(feature => feature.Psi).ToArray());
        AppendCategorical(text, Features.Where(feature => feature.Kind == FeatureDriftKind.Categorical).OrderByDescending(feature => feature.JensenShannon).ToArray());
        int drifted = Features.Count(feature => feature.Drifted);
        text.Append(drifted == 0
            ? "no drift: the model's training data still describes what it sees\n"
            : $"{drifted} of {Features.Count} features drifted: retrain on recent data and re-run the gate\n");
        return text.ToString();
    }

    private static void AppendNumeric(StringBuilder text, FeatureDrift[] features)
    {
        if (features.Length == 0) return;
        text.Append(CultureInfo.InvariantCulture, $"{"feature",-28} {"KS",6} {"p",9} {"PSI",7} {"W1",10}\n");
        foreach (FeatureDrift feature in features)
            text.Append(CultureInfo.InvariantCulture,
                $"{feature.Feature,-28} {feature.KsStatistic,6:F3} {feature.KsPValue,9:G3} {feature.Psi,7:F3} {feature.Wasserstein,10:G4}{MissingChange(feature)}{DriftedMark(feature)}\n");
    }

    // Shown only when the share of missing values moved: the statistics beside it describe the values that are left.
    private static string MissingChange(FeatureDrift feature) =>
        feature.MissingReference == feature.MissingCurrent || double.IsNaN(feature.MissingReference) || double.IsNaN(feature.MissingCurrent) ? ""
            : string.Create(CultureInfo.InvariantCulture, $"  missing {100 * feature.MissingReference:F1}% -> {100 * feature.MissingCurrent:F1}%");

    private static void AppendCategorical(StringBuilder text, FeatureDrift[] features)
    {
        if (features.Length == 0) return;
        text.Append(CultureInfo.InvariantCulture, $"{"categorical",-28} {"chi2",9} {"df",3} {"p",9} {"JS",6}  largest change\n");
        foreach (FeatureDrift feature in features)
            text.Append(CultureInfo.InvariantCulture,
                $"{feature.Feature,-28} {feature.ChiSquare,9:G4} {feature.DegreesOfFreedom,3} {feature.ChiSquarePValue,9:G3} {feature.JensenShannon,6:F3}  {LargestChange(feature)}{DriftedMark(feature)}\n");
    }

    // The category whose share moved most tells an operator where to look first.
    private static string LargestChange(FeatureDrift feature)
    {
        int referenceRows = feature.Categories.Sum(category => category.Reference), currentRows = feature.Categories.Sum(category => category.Current);
        if (referenceRows == 0 || currentRows == 0) return "-";
        CategoryCount moved = feature.Categories.MaxBy(category => Math.Abs((double)category.Current / currentRows - (double)category.Reference / referenceRows))!;
        return string.Create(CultureInfo.InvariantCulture,
            $"{moved.Category} {100.0 * moved.Reference / referenceRows:F1}% -> {100.0 * moved.Current / currentRows:F1}%");
    }

    private static string DriftedMark(FeatureDrift feature) => feature.Drifted ? "  DRIFTED" : "";
}
