namespace MlDsl.Data.Csv;

/// <summary>A CSV value or layout that does not match the dataset; the message names the file, line, column and what was expected.</summary>
public sealed class CsvDataException(string file, long line, string column, string problem)
    : Exception($"{file}, line {line}, column {column}: {problem}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public string Column { get; } = column;
    public string Problem { get; } = problem;
}
