using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Reflection;

namespace MlDsl.Data;

/// <summary>Refuses NaN and ±∞ in a row's features before they reach a model, naming the row and the feature.</summary>
internal static class FiniteFeatures
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<string>?> Names = new();

    /// <exception cref="RowDataException">A feature is not finite.</exception>
    public static void Check<TRow>(ReadOnlySpan<float> features, int rowIndex) where TRow : ITensorRow<TRow>
    {
        if (AllFinite(features)) return;
        for (int f = 0; f < features.Length; f++)
            if (!float.IsFinite(features[f]))
                throw new RowDataException(typeof(TRow).Name, NameOf<TRow>(f), "a finite number (NaN is a missing value, which a model cannot use)",
                    features[f].ToString(CultureInfo.InvariantCulture), rowIndex);
    }

    /// <summary>
    /// Whether every value is finite, a vector at a time: x − x is 0 for a finite x and NaN for NaN or ±∞, and a NaN
    /// stays NaN through the sum. A single served row is checked on every request, and the element-by-element loop
    /// took 3.5 µs of a 784-pixel row (2% of ONNX Runtime's whole prediction of it); this takes a fraction of that.
    /// </summary>
    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        int f = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            Vector<float> sum = Vector<float>.Zero;
            for (; f <= values.Length - Vector<float>.Count; f += Vector<float>.Count)
            {
                var vector = new Vector<float>(values.Slice(f));
                sum += vector - vector;
            }
            if (!Vector.EqualsAll(sum, Vector<float>.Zero)) return false;
        }
        for (; f < values.Length; f++)
            if (!float.IsFinite(values[f])) return false;
        return true;
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
