using System.Text.Json;
using MlDsl.Data.Splits;
using MlDsl.Data.Steps;

namespace MlDsl.Data.Transforms;

/// <summary>
/// A fitted per-feature transform <c>y = (x - shift) * scale</c>. Fitting and applying are separate
/// so the statistics come from the training split only; the fitted state saves to JSON beside the
/// model and loads for prediction, checked against the dataset's feature names.
/// </summary>
public abstract class AffineTransform
{
    private protected AffineTransform(string kind, string[] features, float[] shift, float[] scale)
    {
        Kind = kind;
        Features = features;
        Shift = shift;
        Scale = scale;
    }

    public string Kind { get; }
    public IReadOnlyList<string> Features { get; }
    public IReadOnlyList<float> Shift { get; }
    public IReadOnlyList<float> Scale { get; }

    /// <summary>New rows with transformed features; missing values (NaN) stay missing.</summary>
    public TRow[] Apply<TRow>(IReadOnlyList<TRow> rows) where TRow : IDatasetRow<TRow>
    {
        CheckSchema<TRow>();
        var buffer = new float[TRow.FeatureLength];
        var result = new TRow[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            TRow.WriteFeatures(rows[i], buffer);
            for (int f = 0; f < buffer.Length; f++) buffer[f] = (buffer[f] - Shift[f]) * Scale[f];
            result[i] = TRow.WithFeatures(rows[i], buffer);
        }
        return result;
    }

    /// <exception cref="InvalidDataException">A folder has the file's name, or a file has its folder's; the message names the path and what was expected (as <see cref="Load"/> names a folder). No temporary file is left behind.</exception>
    /// <exception cref="IOException">The file cannot be written otherwise (a full disk); no temporary file is left behind.</exception>
    public void Save(string path)
    {
        var state = new SavedTransform(Kind, Features.ToArray(), Shift.ToArray(), Scale.ToArray());
        // Written beside the target, flushed and renamed, so a crash never leaves half a transform under the real name.
        StepFile.Write(path, "transform", JsonSerializer.SerializeToUtf8Bytes(state, new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Loads a transform saved by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">
    /// The path is a folder, the file is not JSON of a saved transform, a member is missing, the lengths of Features, Shift
    /// and Scale differ, a number is not finite as a float (1e39 would read as infinity), or the kind is unknown; the
    /// message starts with the path.
    /// </exception>
    public static AffineTransform Load(string path)
    {
        SavedTransform state = StepFile.Load<SavedTransform>(path, "transform", Inconsistency);
        return Create(state.Kind, state.Features, state.Shift, state.Scale)
            ?? throw new InvalidDataException($"{path}: unknown transform kind '{state.Kind}'; expected one of {string.Join(", ", Kinds)}");
    }

    /// <summary>What makes a parsed transform unusable, or null: a missing member, unequal lengths, a number that is not finite.</summary>
    private static string? Inconsistency(SavedTransform state) =>
        state.Kind is null || state.Features is null || state.Shift is null || state.Scale is null
            ? "a member is missing; expected Kind, Features, Shift and Scale"
        : state.Features.Length != state.Shift.Length || state.Features.Length != state.Scale.Length
            ? $"{state.Features.Length} features but {state.Shift.Length} shifts and {state.Scale.Length} scales; expected Features, Shift and Scale of equal length"
        // A number beyond float range (1e39) reads as infinity without a word; every value the transform applies would then be ±infinity or NaN.
        : NotFinite(state.Shift, nameof(state.Shift)) ?? NotFinite(state.Scale, nameof(state.Scale));

    private static string? NotFinite(float[] values, string member)
    {
        int bad = Array.FindIndex(values, value => !float.IsFinite(value));
        return bad >= 0 ? $"{member}[{bad}] = {values[bad]}; expected a finite float" : null;
    }

    /// <summary>The fitted transform of <paramref name="kind"/>; null for a kind MlDsl does not know. The lengths are the caller's to check.</summary>
    internal static AffineTransform? Create(string kind, string[] features, float[] shift, float[] scale) => kind switch
    {
        Standardizer.KindName => new Standardizer(features, shift, scale),
        MinMaxScaler.KindName => new MinMaxScaler(features, shift, scale),
        ChannelNormalizer.KindName => new ChannelNormalizer(features, shift, scale),
        _ => null,
    };

    /// <summary>The kinds <see cref="Create"/> knows, for messages.</summary>
    internal static IReadOnlyList<string> Kinds { get; } = [Standardizer.KindName, MinMaxScaler.KindName, ChannelNormalizer.KindName];

    private protected static double[][] TrainingColumns<TRow>(IReadOnlyList<TRow> rows) where TRow : IDatasetRow<TRow>
    {
        CheckNotEmpty(rows);
        return FeatureColumns.Of(rows);
    }

    private protected static void CheckNotEmpty<TRow>(IReadOnlyList<TRow> rows)
    {
        if (rows.Count == 0) throw new ArgumentException($"Cannot fit a transform on zero {typeof(TRow).Name} rows.", nameof(rows));
    }

    /// <summary>The scale that gives a unit deviation; a constant feature (deviation 0) is centred, not blown up.</summary>
    private protected static float UnitDeviationScale(double deviation) => deviation > 0 ? (float)(1 / deviation) : 1f;

    private protected static IReadOnlyList<TRow> TrainingRows<TRow>(DataSplit<TRow> split) => split.Train;

    private void CheckSchema<TRow>() where TRow : IDatasetRow<TRow>
    {
        if (!TRow.FeatureNames.SequenceEqual(Features))
            throw new InvalidOperationException(
                $"This {Kind} was fitted on features [{string.Join(", ", Features.Take(5))}{(Features.Count > 5 ? ", ..." : "")}] " +
                $"but {typeof(TRow).Name} has [{string.Join(", ", TRow.FeatureNames.Take(5))}{(TRow.FeatureNames.Count > 5 ? ", ..." : "")}]");
    }

    private sealed record SavedTransform(string Kind, string[] Features, float[] Shift, float[] Scale);
}
