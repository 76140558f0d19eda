namespace MlDsl.Data.Csv;

/// <summary>
/// Where one row member is read from: a header name or a zero-based index, and how many consecutive
/// columns. <c>Required</c> is false for members the model does not read (the label, [GroupKey],
/// [Timestamp], [Slice] and other metadata): with <see cref="CsvOptions.FeaturesOnly"/> such a column
/// may be absent and reads as its default.
/// </summary>
public sealed record CsvColumn(string Member, string? Header, int Index, int Width, string Expected, bool Required = true);
