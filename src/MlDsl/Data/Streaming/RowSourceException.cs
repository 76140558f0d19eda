namespace MlDsl.Data.Streaming;

/// <summary>A row of a <see cref="RowSource{TRow}"/> that could not be decoded. The message names its reference (file, line) and row.</summary>
public sealed class RowSourceException : Exception
{
    public RowSourceException(string reference, int rowIndex, string problem)
        : base($"{reference} (row {rowIndex} of the source): {problem}")
    {
        Reference = reference;
        RowIndex = rowIndex;
    }

    public RowSourceException(string reference, int rowIndex, Exception cause)
        : base($"{reference} (row {rowIndex} of the source): {cause.Message}", cause)
    {
        Reference = reference;
        RowIndex = rowIndex;
    }

    /// <summary>The file, file and line, or list position the row comes from.</summary>
    public string Reference { get; }

    /// <summary>The row's index in the source it was read from.</summary>
    public int RowIndex { get; }
}
