using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace MlDsl.Data.Csv;

/// <summary>Reads a CSV file into typed [Dataset] rows with CsvHelper's parser and the generated record reader.</summary>
public static class CsvFile
{
    public static IReadOnlyList<TRow> Read<TRow>(string path, CsvOptions? options = null) where TRow : ICsvRow<TRow> =>
        ReadWithReport<TRow>(path, (options ?? new CsvOptions()) with { SkipBadRows = false }).Rows;

    private static readonly AsyncLocal<bool> featuresOnly = new();

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

    public static CsvReadResult<TRow> ReadWithReport<TRow>(string path, CsvOptions? options = null) where TRow : ICsvRow<TRow>
    {
        options ??= new CsvOptions();
        if (featuresOnly.Value) options = options with { FeaturesOnly = true };
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such CSV file", path);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = options.Delimiter, HasHeaderRecord = false };
        using var reader = new StreamReader(path);
        using var parser = new CsvParser(reader, configuration);

        for (int i = 0; i < options.SkipLines; i++) parser.Read();
        string[]? header = null;
        if (options.HasHeader)
        {
            if (!parser.Read()) throw new CsvDataException(path, 1, "-", "the file is empty; expected a header line");
            header = parser.Record;
        }
        int[] starts = ResolveColumns(path, TRow.CsvColumns, header, parser.Row, options.FeaturesOnly);
        var record = new CsvRecord(path, TRow.CsvColumns, starts, options.FeaturesOnly);

        var rows = new List<TRow>();
        var skipped = new List<CsvDataException>();
        while (parser.Read())
        {
            string[] fields = parser.Record!;
            if (fields.Length == 1 && fields[0].Length == 0) continue; // a blank line
            try
            {
                record.Load(fields, parser.Row);
                rows.Add(TRow.FromCsv(record));
            }
            catch (CsvDataException problem) when (options.SkipBadRows)
            {
                skipped.Add(problem);
            }
        }
        return new CsvReadResult<TRow>(rows, skipped);
    }

    /// <returns>Each member's first column; -1 for an optional column the header lacks.</returns>
    private static int[] ResolveColumns(string path, IReadOnlyList<CsvColumn> columns, string[]? header, long headerLine, bool featuresOnly)
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
            starts[member] = found;
        }
        return starts;
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
