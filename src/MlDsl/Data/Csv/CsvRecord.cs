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
    private readonly int headerWidth;

    // headerWidth: the header's field count, 0 when the file has none; a row with more non-empty fields is refused.
    internal CsvRecord(string file, IReadOnlyList<CsvColumn> columns, int[] starts, bool featuresOnly = false, int headerWidth = 0)
    {
        this.file = file;
        this.columns = columns;
        this.starts = starts;
        this.featuresOnly = featuresOnly;
        this.headerWidth = headerWidth;
    }

    internal void Load(string[] record, long lineNumber)
    {
        fields = record;
        line = lineNumber;
        int needed = columns.Select((column, member) => featuresOnly && !column.Required ? 0 : starts[member] + column.Width).DefaultIfEmpty(0).Max();
        if (record.Length < needed)
            throw new CsvDataException(file, line, $"#{record.Length}", $"expected at least {needed} columns but the row has {record.Length}");
        // More fields than the header names means a value holds an unquoted delimiter ("1,000" or "3,5" in a comma file):
        // every column after it is read one place off. Empty extras (a trailing delimiter) shift nothing and are allowed.
        if (headerWidth > 0 && record.Length > headerWidth && record.Skip(headerWidth).Any(field => !string.IsNullOrWhiteSpace(field)))
            throw new CsvDataException(file, line, $"#{headerWidth + 1}",
                $"expected {headerWidth} fields, as the header has, but the row has {record.Length}; a value holding the delimiter (a thousands separator or decimal comma) must be quoted");
    }

    /// <summary>A number; an empty field is a missing value (NaN) that data validation reports by name.</summary>
    /// <exception cref="CsvDataException">Not a number, or not finite (<c>NaN</c>, <c>Infinity</c>, <c>1e999</c>).</exception>
    public float Single(int member, int offset = 0)
    {
        if (Missing(member, offset)) return float.NaN;
        string text = Field(member, offset);
        if (string.IsNullOrWhiteSpace(text)) return float.NaN; // missing: kept, and reported by data validation
        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value)) throw Bad(member, offset, text);
        return float.IsFinite(value) ? value : throw NotFinite(member, offset, text);
    }

    /// <inheritdoc cref="Single"/>
    public double Double(int member)
    {
        if (Missing(member, 0)) return double.NaN;
        string text = Field(member, 0);
        if (string.IsNullOrWhiteSpace(text)) return double.NaN; // missing: kept, and reported by data validation
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) throw Bad(member, 0, text);
        return double.IsFinite(value) ? value : throw NotFinite(member, 0, text);
    }

    /// <summary>A class index in <c>[0, classes - 1]</c>, checked here so a bad label is refused with its line.</summary>
    /// <exception cref="CsvDataException">Not a whole number, or outside the range (labels are 0-based).</exception>
    public int ClassIndex(int member, int classes)
    {
        if (Missing(member, 0)) return 0; // a serving row without its label
        string text = Field(member, 0);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)) throw Bad(member, 0, text);
        if ((uint)value < (uint)classes) return value;
        string hint = value == classes
            ? $"labels are 0-based: the {classes} classes are 0 to {classes - 1}, so a file numbering them from 1 needs its labels shifted down by one"
            : $"labels are 0-based: the {classes} classes are 0 to {classes - 1}";
        throw Problem(member, 0, $"expected a class index in [0, {classes - 1}] for {columns[member].Member} but found '{text}'; {hint}");
    }

    /// <summary>A class name, one of <paramref name="names"/> (compared exactly).</summary>
    /// <exception cref="CsvDataException">Not one of the names.</exception>
    public string ClassName(int member, IReadOnlyList<string> names)
    {
        if (Missing(member, 0)) return names[0]; // a serving row without its label
        string text = Field(member, 0);
        for (int i = 0; i < names.Count; i++)
            if (string.Equals(names[i], text, StringComparison.Ordinal)) return text;
        throw Problem(member, 0, $"expected one of the class names {string.Join(", ", names)} for {columns[member].Member} but found '{text}'");
    }

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

    private CsvDataException Bad(int member, int offset, string text) =>
        Problem(member, offset, $"expected {columns[member].Expected} for {columns[member].Member} but found '{text}'");

    private CsvDataException NotFinite(int member, int offset, string text) =>
        Problem(member, offset, $"expected a finite number for {columns[member].Member} but found '{text}'; leave the field empty for a missing value");

    private CsvDataException Problem(int member, int offset, string problem)
    {
        CsvColumn column = columns[member];
        string name = column.Header ?? (column.Index < 0 ? column.Member : $"#{starts[member] + offset}");
        return new CsvDataException(file, line, name + (column.Width > 1 ? $" (#{starts[member] + offset})" : ""), problem);
    }
}
