using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace MlDsl.Data.Csv;

/// <summary>
/// CsvHelper's parser with physical line numbers and every parse problem as a <see cref="CsvDataException"/>.
/// CsvHelper counts records, so a quoted newline shifts every later record; here each record is
/// numbered by the physical line it starts on, counted from the line breaks of the raw text read.
/// </summary>
internal sealed class CsvRecords : IDisposable
{
    private readonly string file;
    private readonly CsvParser parser;
    private long nextLine;
    private string? badField;
    private bool broken;

    /// <param name="file">The file named in errors.</param>
    /// <param name="reader">The text, positioned at the physical line <paramref name="firstLine"/>.</param>
    /// <param name="delimiter">The field delimiter.</param>
    /// <param name="firstLine">The 1-based physical line the reader starts on.</param>
    public CsvRecords(string file, TextReader reader, string delimiter, long firstLine)
    {
        this.file = file;
        nextLine = firstLine;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = false,
            // Blank lines come through as records, so every line break of the file is counted.
            IgnoreBlankLines = false,
            // Bad data is reported by us with the line, and the record can be skipped.
            BadDataFound = found => badField ??= found.Field,
        };
        parser = new CsvParser(reader, configuration);
    }

    /// <summary>The physical line the current record starts on.</summary>
    public long Line { get; private set; }

    /// <summary>The physical line after the last one read: where the next record would start.</summary>
    public long NextLine => nextLine;

    /// <summary>The current record's fields.</summary>
    public string[] Fields { get; private set; } = Array.Empty<string>();

    /// <summary>Whether the current record is a blank line (or only white space).</summary>
    public bool IsBlank => Fields.Length == 0 || Fields.Length == 1 && string.IsNullOrWhiteSpace(Fields[0]);

    /// <summary>
    /// The text held a byte that is not UTF-8. That is a problem of the whole file, not of one record: the reader decodes
    /// blocks ahead of the parser, so which records came before it depends on block sizes, and no record can be skipped.
    /// </summary>
    public bool NotUtf8 { get; private set; }

    /// <summary>Moves to the next record; false at the end of the text.</summary>
    /// <exception cref="CsvDataException">
    /// The record is malformed (a stray or unclosed quote): the reader has moved past it, so the
    /// caller may skip it. When CsvHelper itself fails, the rest of the text cannot be read and the
    /// next call returns false.
    /// </exception>
    public bool Read()
    {
        if (broken) return false;
        badField = null;
        bool more;
        try
        {
            more = parser.Read();
        }
        catch (Exception failure) when (Utf8Text.IsDecodingError(failure))
        {
            // The reader decodes ahead of the parser, so the line is found by scanning the file's bytes.
            broken = true;
            NotUtf8 = true;
            Utf8Text.InvalidByte? invalid = Utf8Text.FirstInvalid(file);
            Line = invalid?.Line ?? nextLine;
            throw Utf8Text.NotUtf8(file, invalid, nextLine);
        }
        catch (CsvHelperException failure)
        {
            broken = true;
            Line = nextLine;
            throw new CsvDataException(file, Line, "-", $"the CSV text cannot be parsed from here on ({FirstLine(failure.Message)}); the rest of the file is not read");
        }
        if (!more) return false;
        Line = nextLine;
        string raw = parser.RawRecord;
        nextLine += LineBreaks(raw);
        Fields = parser.Record ?? Array.Empty<string>();
        if (badField is { } field)
            throw new CsvDataException(file, Line, ColumnOf(field), Describe(field, raw));
        return true;
    }

    public void Dispose() => parser.Dispose();

    private string Describe(string field, string raw)
    {
        long lastLine = EndsWithLineBreak(raw) ? nextLine - 1 : nextLine;
        // An odd number of quotes (a doubled quote counts two) means one was opened and never closed.
        bool unclosed = field.StartsWith('"') && field.Count(c => c == '"') % 2 == 1;
        return unclosed
            ? $"a quoted field opens here and is never closed, so it runs on to line {lastLine}; close the quote (and double any quote inside it)"
            : $"a stray quote in {Shorten(field)}; a field holding a quote must be quoted whole, with the quote doubled (RFC 4180)";
    }

    private string ColumnOf(string field)
    {
        string plain = field.Replace("\"", "", StringComparison.Ordinal);
        int index = Array.FindIndex(Fields, value => value == field || value.Replace("\"", "", StringComparison.Ordinal) == plain);
        return index >= 0 ? $"#{index}" : "-";
    }

    private static bool EndsWithLineBreak(string text) => text.EndsWith('\n') || text.EndsWith('\r');

    private static string Shorten(string field)
    {
        string oneLine = field.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return oneLine.Length <= 40 ? $"'{oneLine}'" : $"'{oneLine[..40]}...'";
    }

    private static string FirstLine(string message)
    {
        int end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    /// <summary>Line breaks in <paramref name="text"/>: \r\n, \r and \n each count once.</summary>
    internal static int LineBreaks(string text)
    {
        int breaks = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') breaks++;
            else if (text[i] == '\r')
            {
                breaks++;
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
        }
        return breaks;
    }
}
