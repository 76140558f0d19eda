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
        writer.Line($"public static {name} FromCsv(CsvRecord record) => new {name}");
        writer.Line("{");
        for (int i = 0; i < dataset.CsvColumns.Count; i++)
        {
            ColumnSpec column = dataset.CsvColumns[i];
            string read = column.Reader == "Singles" ? $"record.Singles({i}, {column.Width})" : $"record.{column.Reader}({i})";
            writer.Line($"    {column.Member} = {(column.Cast.Length > 0 ? $"({column.Cast})" : "")}{read},");
        }
        writer.Line("};");
    }
}
