using System.Globalization;

namespace MlDsl.Data.Encoding;

/// <summary>
/// A fitted target encoding as JSON holds it, without the row type: what <see cref="TargetEncoding{TRow}.Save"/>
/// writes, one entry of an artifact's <c>target_encoding.json</c>, and what both are checked against before use.
/// </summary>
internal sealed record SavedTargetEncoding(string Column, Dictionary<string, double> Encodings, double TargetMean, double? Smooth)
{
    public static SavedTargetEncoding Of<TRow>(TargetEncoding<TRow> encoding) where TRow : IDatasetRow<TRow> =>
        new(encoding.Column.Name, new Dictionary<string, double>(encoding.Encodings, StringComparer.Ordinal), encoding.TargetMean, encoding.Smooth);

    /// <summary>What makes the saved state unusable (a missing part, a value that is not finite), or null.</summary>
    public string? Problem() =>
        Column is null || Encodings is null ? "column or encodings missing"
        : Encodings.Keys.Any(category => category is null) ? $"{Column}: a null category"
        : !double.IsFinite(TargetMean) || Encodings.Values.Any(value => !double.IsFinite(value)) ? $"{Column}: a non-finite encoding"
        : Smooth is { } smooth && !(smooth >= 0 && double.IsFinite(smooth)) ? $"{Column}: smooth = {smooth.ToString(CultureInfo.InvariantCulture)}; expected a finite weight of 0 or more"
        : null;

    /// <summary>The encoding, for <paramref name="column"/>, whose name the caller has checked against <see cref="Column"/>.</summary>
    public TargetEncoding<TRow> For<TRow>(CategoricalColumn<TRow> column) where TRow : IDatasetRow<TRow> =>
        new(column, new Dictionary<string, double>(Encodings, StringComparer.Ordinal), TargetMean, Smooth);
}
