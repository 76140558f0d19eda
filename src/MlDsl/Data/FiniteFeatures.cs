using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace MlDsl.Data;

/// <summary>Refuses NaN and ±∞ in a row's features before they reach a model, naming the row and the feature.</summary>
internal static class FiniteFeatures
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<string>?> Names = new();

    /// <exception cref="RowDataException">A feature is not finite.</exception>
    public static void Check<TRow>(ReadOnlySpan<float> features, int rowIndex) where TRow : ITensorRow<TRow>
    {
        for (int f = 0; f < features.Length; f++)
            if (!float.IsFinite(features[f]))
                throw new RowDataException(typeof(TRow).Name, NameOf<TRow>(f), "a finite number (NaN is a missing value, which a model cannot use)",
                    features[f].ToString(CultureInfo.InvariantCulture), rowIndex);
    }

    // Only on the error path: generated rows also implement IDatasetRow, whose FeatureNames say
    // "Age" or "Pixels[17]"; a hand-written ITensorRow gets the position.
    private static string NameOf<TRow>(int feature)
    {
        IReadOnlyList<string>? names = Names.GetOrAdd(typeof(TRow), type =>
            type.GetProperty("FeatureNames", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) as IReadOnlyList<string>);
        return names is not null && feature < names.Count ? names[feature] : $"feature {feature}";
    }
}
