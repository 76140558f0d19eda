using MlDsl.Data.Steps;

namespace MlDsl.Data.Encoding;

/// <summary>
/// An artifact's <c>target_encoding.json</c>: every fitted target encoding of a pipeline, in the order they apply, as a JSON
/// array of what <see cref="TargetEncoding{TRow}.Save"/> writes for one. Read strictly: a damaged entry or an entry for
/// another column is refused rather than served, since a wrong encoding would silently move every prediction.
/// </summary>
internal static class TargetEncodingFile
{
    public static byte[] Serialize<TRow>(IEnumerable<TargetEncoding<TRow>> encodings) where TRow : IDatasetRow<TRow> =>
        StepFile.Serialize(encodings.Select(SavedTargetEncoding.Of).ToArray());

    /// <exception cref="InvalidDataException">Not a list of saved target encodings, empty, an entry unusable, or a column encoded twice.</exception>
    public static SavedTargetEncoding[] Parse(byte[] json, string name) =>
        StepFile.Parse<SavedTargetEncoding[]>(json, name, TargetEncoder.StepName, saved =>
            saved.Length == 0 ? "no encodings"
            : Array.IndexOf(saved, null) is var missing and >= 0 ? $"entry {missing} is null"
            : saved.Select(entry => entry.Problem()).FirstOrDefault(problem => problem is not null)
              ?? (saved.GroupBy(entry => entry.Column).FirstOrDefault(group => group.Count() > 1) is { } twice ? $"{twice.Key} is encoded twice" : null));

    /// <summary>
    /// The saved encodings bound to the columns that read and write them, checked by name and order; the problem,
    /// when the saved columns are not exactly <paramref name="columns"/>, names both lists.
    /// </summary>
    public static (TargetEncoding<TRow>[]? Encodings, string? Problem) Bind<TRow>(IReadOnlyList<SavedTargetEncoding> saved, IReadOnlyList<CategoricalColumn<TRow>> columns)
        where TRow : IDatasetRow<TRow>
    {
        if (!saved.Select(entry => entry.Column).SequenceEqual(columns.Select(column => column.Name), StringComparer.Ordinal))
            return (null, $"encodes [{string.Join(", ", saved.Select(entry => entry.Column))}], but {typeof(TRow).Name} rows are encoded by [{string.Join(", ", columns.Select(column => column.Name))}]");
        return (saved.Select((entry, i) => entry.For(columns[i])).ToArray(), null);
    }
}
