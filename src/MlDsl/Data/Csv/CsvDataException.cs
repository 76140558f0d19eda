namespace MlDsl.Data.Csv;

/// <summary>A CSV value or layout that does not match the dataset; the message names the file, line, column and what was expected.</summary>
public sealed class CsvDataException : Exception
{
    public CsvDataException(string file, long line, string column, string problem)
        : base($"{file}, line {line}, column {column}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>A problem with the file as a whole, before any line is read (a folder in its place): <see cref="Line"/> is 0, <see cref="Column"/> "-".</summary>
    internal CsvDataException(string file, string problem) : base($"{file}: {problem}")
    {
        File = file;
        Column = "-";
        Problem = problem;
    }

    public string File { get; }
    public long Line { get; }
    public string Column { get; }
    public string Problem { get; }
}
