using System.Globalization;

namespace MlDsl.Data.Csv;

/// <summary>
/// One CSV record with typed getters for the generated reader. Each getter takes the member's
/// position in <see cref="ICsvRow{TSelf}.CsvColumns"/> and fails with the file, line and column.
/// </summary>
public sealed class CsvRecord
{
    private readonly string file;
    private readonly IReadOnlyList<CsvColumn> columns;
    private readonly int[] starts;
    private string[] fields = Array.Empty<string>();
    private long line;

    private readonly bool featuresOnly;

    internal CsvRecord(string file, IReadOnlyList<CsvColumn> columns, int[] starts, bool featuresOnly = false)
    {
        this.file = file;
        this.columns = columns;
        this.starts = starts;
        this.featuresOnly = featuresOnly;
    }

    internal void Load(string[] record, long lineNumber)
    {
        fields = record;
        line = lineNumber;
        int needed = columns.Select((column, member) => featuresOnly && !column.Required ? 0 : starts[member] + column.Width).DefaultIfEmpty(0).Max();
        if (record.Length < needed)
            throw new CsvDataException(file, line, $"#{record.Length}", $"expected at least {needed} columns but the row has {record.Length}");
    }

    public float Single(int member, int offset = 0)
    {
        if (Missing(member, offset)) return float.NaN;
        string text = Field(member, offset);
        if (string.IsNullOrWhiteSpace(text)) return float.NaN; // missing: kept, and reported by data validation
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value)
            ? value
            : throw Bad(member, offset, text);
    }

    public double Double(int member) => Missing(member, 0) ? double.NaN :
        double.TryParse(Field(member, 0), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value
        : string.IsNullOrWhiteSpace(Field(member, 0)) ? double.NaN : throw Bad(member, 0, Field(member, 0));

    public int Int32(int member) => Missing(member, 0) ? 0 :
        int.TryParse(Field(member, 0), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : throw Bad(member, 0, Field(member, 0));

    public long Int64(int member) => Missing(member, 0) ? 0 :
        long.TryParse(Field(member, 0), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value : throw Bad(member, 0, Field(member, 0));

    public bool Boolean(int member) => !Missing(member, 0) && Field(member, 0).Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        string text => throw Bad(member, 0, text),
    };

    public string Text(int member) => Missing(member, 0) ? "" : Field(member, 0);

    public DateTime Time(int member) => Missing(member, 0) ? default :
        DateTime.TryParse(Field(member, 0), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTime value) ? value : throw Bad(member, 0, Field(member, 0));

    public float[] Singles(int member, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = Single(member, i);
        return values;
    }

    private string Field(int member, int offset) => fields[starts[member] + offset];

    /// <summary>An optional column (see <see cref="CsvOptions.FeaturesOnly"/>) that the file or this row lacks.</summary>
    private bool Missing(int member, int offset) =>
        featuresOnly && !columns[member].Required && (starts[member] < 0 || starts[member] + offset >= fields.Length);

    private CsvDataException Bad(int member, int offset, string text)
    {
        CsvColumn column = columns[member];
        string name = column.Header ?? (column.Index < 0 ? column.Member : $"#{starts[member] + offset}");
        return new CsvDataException(file, line, name + (column.Width > 1 ? $" (#{starts[member] + offset})" : ""),
            $"expected {column.Expected} for {column.Member} but found '{text}'");
    }
}
