namespace MlDsl.Data.Csv;

/// <summary>Where one row member is read from: a header name or a zero-based index, and how many consecutive columns.</summary>
public sealed record CsvColumn(string Member, string? Header, int Index, int Width, string Expected);
