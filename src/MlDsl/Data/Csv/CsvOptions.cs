namespace MlDsl.Data.Csv;

/// <summary>How to read a CSV file into rows.</summary>
public sealed record CsvOptions
{
    /// <summary>Whether the first line (after <see cref="SkipLines"/>) names the columns.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Lines before the header or the data, e.g. scikit-learn's "569,30,malignant,benign" line.</summary>
    public int SkipLines { get; init; }

    public string Delimiter { get; init; } = ",";

    /// <summary>Skip bad rows, counting each with its reason, instead of failing on the first.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>
    /// Read rows for prediction or monitoring: only feature columns must be present; an absent label or
    /// metadata column (see <see cref="CsvColumn.Required"/>) reads as its default (0, empty text, NaN).
    /// </summary>
    public bool FeaturesOnly { get; init; }
}

/// <summary>The rows read, and every row skipped with its reason (only with <see cref="CsvOptions.SkipBadRows"/>).</summary>
public sealed record CsvReadResult<TRow>(IReadOnlyList<TRow> Rows, IReadOnlyList<CsvDataException> Skipped);
