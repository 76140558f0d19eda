namespace MlDsl.Data.Csv;

/// <summary>
/// Reads a CSV file into typed [Dataset] rows with CsvHelper's parser and the generated record reader.
/// Lines are physical lines of the file (a quoted newline does not shift the count), 1-based.
/// </summary>
public static class CsvFile
{
    /// <summary>Reads every row; the first bad row fails the read.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="CsvDataException">
    /// A header, layout, value or quoting problem, naming the file, the physical line, the column and
    /// what was expected: bytes that are not UTF-8 (a byte order mark is fine), non-numbers and non-finite numbers (<c>NaN</c>, <c>Infinity</c>, overflow such
    /// as <c>1e999</c>) in numeric columns, class labels outside <c>[0, classes - 1]</c>, stray quotes.
    /// </exception>
    public static IReadOnlyList<TRow> Read<TRow>(string path, CsvOptions? options = null) where TRow : ICsvRow<TRow> =>
        ReadWithReport<TRow>(path, (options ?? new CsvOptions()) with { SkipBadRows = false }).Rows;

    private static readonly AsyncLocal<bool> featuresOnly = new();

    // Refused here, naming the option: CsvHelper would refuse a line break or a quote too, but in its own words, naming
    // neither CsvOptions.Delimiter nor what is allowed.
    private static void CheckDelimiter(string delimiter)
    {
        if (string.IsNullOrEmpty(delimiter))
            throw new ArgumentException("CsvOptions.Delimiter must not be empty.", "options");
        if (delimiter.AsSpan().IndexOfAny('\r', '\n', '"') >= 0)
            throw new ArgumentException(
                $"CsvOptions.Delimiter \"{delimiter.ReplaceLineEndings("\\n")}\" holds a line break or a double quote; expected characters that separate fields, such as \",\", \";\" or \"\\t\" (a line break ends a record and a double quote starts a quoted field).",
                "options");
    }

    /// <summary>
    /// Until disposed, reads on this flow of execution behave as if <see cref="CsvOptions.FeaturesOnly"/>
    /// were set, whoever builds the options: the pipeline command line reads serving data (predict,
    /// monitor) through the pipeline's own reader, which may be a user's [ReadData] method.
    /// </summary>
    public static IDisposable ReadingFeaturesOnly()
    {
        bool previous = featuresOnly.Value;
        featuresOnly.Value = true;
        return new Restore(() => featuresOnly.Value = previous);
    }

    /// <summary>
    /// Reads the rows; with <see cref="CsvOptions.SkipBadRows"/> every bad record (bad value or bad
    /// quoting) is skipped and returned in <see cref="CsvReadResult{TRow}.Skipped"/> with its line.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="ArgumentException"><see cref="CsvOptions.SkipLines"/> is negative, or <see cref="CsvOptions.Delimiter"/> is empty, holds a line break or a double quote.</exception>
    /// <exception cref="CsvDataException">
    /// A folder is at <paramref name="path"/> (<see cref="CsvDataException.Line"/> 0); the header is missing or lacks a member's column; a byte is not UTF-8 (skipped rows or not: it is the file's encoding,
    /// and a silently replaced byte would change values); or a bad row when rows are not skipped.
    /// </exception>
    public static CsvReadResult<TRow> ReadWithReport<TRow>(string path, CsvOptions? options = null) where TRow : ICsvRow<TRow>
    {
        options ??= new CsvOptions();
        if (options.SkipLines < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.SkipLines, "CsvOptions.SkipLines must not be negative.");
        CheckDelimiter(options.Delimiter);
        if (featuresOnly.Value) options = options with { FeaturesOnly = true };
        // A folder is no file either, but "no such CSV file" would send the user looking for a typo in a path that exists;
        // and it is a problem with the data the caller named, so it is the CSV error callers already catch.
        if (Directory.Exists(path)) throw new CsvDataException(path, "is a folder; expected a CSV file");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such CSV file", path);
        if (MlDsl.Persistence.FileKind.OtherThanFile(path) is { } kind) throw new CsvDataException(path, $"is {kind}, not a regular file; expected a CSV file");
        // Strict UTF-8: a byte that is not UTF-8 is an error naming its line, never a silent U+FFFD.
        using StreamReader reader = Utf8Text.Open(path);
        // Raw lines, not records: a quote in a skipped preamble line must not swallow the data.
        int skippedLines = 0;
        try
        {
            while (skippedLines < options.SkipLines && reader.ReadLine() is not null) skippedLines++;
        }
        catch (Exception failure) when (Utf8Text.IsDecodingError(failure))
        {
            throw Utf8Text.NotUtf8(path, Utf8Text.FirstInvalid(path), skippedLines + 1);
        }
        using var records = new CsvRecords(path, reader, options.Delimiter, skippedLines + 1);

        string[]? header = null;
        long headerLine = records.NextLine;
        if (options.HasHeader)
        {
            do
            {
                if (!records.Read()) throw new CsvDataException(path, records.NextLine, "-", "the file is empty; expected a header line");
            }
            while (records.IsBlank);
            header = records.Fields;
            headerLine = records.Line;
        }
        int[] starts = ResolveColumns(path, TRow.CsvColumns, header, headerLine, options.FeaturesOnly);
        var record = new CsvRecord(path, TRow.CsvColumns, starts, options.FeaturesOnly, header?.Length ?? 0);

        var rows = new List<TRow>();
        var skipped = new List<CsvDataException>();
        while (true)
        {
            try
            {
                if (!records.Read()) break;
                if (records.IsBlank) continue;
                record.Load(records.Fields, records.Line);
                rows.Add(TRow.FromCsv(record));
            }
            catch (CsvDataException problem) when (options.SkipBadRows && !records.NotUtf8)
            {
                skipped.Add(problem);
            }
        }
        return new CsvReadResult<TRow>(rows, skipped);
    }

    /// <returns>Each member's first column; -1 for an optional column the header lacks.</returns>
    internal static int[] ResolveColumns(string path, IReadOnlyList<CsvColumn> columns, string[]? header, long headerLine, bool featuresOnly)
    {
        var starts = new int[columns.Count];
        for (int member = 0; member < columns.Count; member++)
        {
            CsvColumn column = columns[member];
            if (column.Index >= 0)
            {
                starts[member] = column.Index;
                continue;
            }
            string name = column.Header ?? column.Member;
            if (header is null)
                throw new CsvDataException(path, headerLine, name, $"{column.Member} is read by header name, but the file is read without a header; give it [Column(index)]");
            int found = Array.FindIndex(header, text => string.Equals(text.Trim(), name, StringComparison.OrdinalIgnoreCase));
            if (found < 0 && featuresOnly && !column.Required)
            {
                starts[member] = -1;
                continue;
            }
            if (found < 0)
                throw new CsvDataException(path, headerLine, name, $"no header named '{name}' for {column.Member}; the headers are: {string.Join(", ", header)}");
            // Two columns of one name: reading the first would silently ignore the other, which may be the one meant.
            int again = Array.FindIndex(header, found + 1, text => string.Equals(text.Trim(), name, StringComparison.OrdinalIgnoreCase));
            if (again >= 0)
                throw new CsvDataException(path, headerLine, name, $"columns {found + 1} and {again + 1} are both named '{name}'; expected one column for {column.Member}");
            starts[member] = found;
        }
        return starts;
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
