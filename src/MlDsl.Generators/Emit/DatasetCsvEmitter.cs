using System.Linq;
using MlDsl.Declarations.Models;

namespace MlDsl.Generators.Emit;

/// <summary>Emits a dataset row's typed CSV reader (<c>ICsvRow</c>): one getter call per member, no reflection.</summary>
internal static class DatasetCsvEmitter
{
    public static void Write(CodeWriter writer, DatasetSpec dataset)
    {
        string name = dataset.Type.Name;
        writer.Line("private static readonly CsvColumn[] csvColumns =");
        writer.Line("{");
        // Only features are required when reading serving data (CsvOptions.FeaturesOnly): the label and metadata may be absent.
        foreach (ColumnSpec column in dataset.CsvColumns)
            writer.Line($"    new(\"{column.Member}\", {(column.Header is null ? "null" : $"\"{column.Header}\"")}, {column.Index}, {column.Width}, \"{column.Expected}\""
                + (dataset.Features.Any(feature => feature.Name == column.Member) ? "" : ", Required: false") + "),");
        writer.Line("};");
        writer.Line();
        writer.Line("public static IReadOnlyList<CsvColumn> CsvColumns => csvColumns;");
        writer.Line();
        LabelSpec? label = dataset.Label is { Kind: LabelKind.Class } classLabel ? classLabel : null;
        bool namedLabel = label is { Names.Count: > 0 } && dataset.CsvColumns.Any(column => column.Member == label.Name && column.Reader == "Text");
        if (namedLabel)
        {
            writer.Line($"private static readonly string[] csvClassNames = {{ {string.Join(", ", label!.Names.Select(Quote))} }};");
            writer.Line();
        }
        writer.Line($"public static {name} FromCsv(CsvRecord record) => new {name}");
        writer.Line("{");
        for (int i = 0; i < dataset.CsvColumns.Count; i++)
        {
            ColumnSpec column = dataset.CsvColumns[i];
            string read = Read(column, i, label);
            writer.Line($"    {column.Member} = {(column.Cast.Length > 0 ? $"({column.Cast})" : "")}{read},");
        }
        writer.Line("};");
    }

    // A class label is range-checked as it is read, so a bad label is refused with its file and line,
    // not at batching time (or with an IndexOutOfRangeException in a report).
    private static string Read(ColumnSpec column, int position, LabelSpec? label)
    {
        if (column.Reader == "Singles") return $"record.Singles({position}, {column.Width})";
        if (label is not null && column.Member == label.Name)
        {
            if (label.Names.Count == 0 && column.Reader is "Int32" or "Int64") return $"record.ClassIndex({position}, {label.Classes})";
            if (label.Names.Count > 0 && column.Reader == "Text") return $"record.ClassName({position}, csvClassNames)";
        }
        return $"record.{column.Reader}({position})";
    }

    private static string Quote(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
}
