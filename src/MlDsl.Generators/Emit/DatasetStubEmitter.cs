using MlDsl.Declarations.Models;

namespace MlDsl.Generators.Emit;

/// <summary>
/// Emits the <c>IDatasetRow</c> (and <c>ICsvRow</c>) members of a [Dataset] with errors, each throwing
/// with the first one, so models and pipelines over the row still compile and the build reports the
/// dataset's own diagnostic.
/// </summary>
internal static class DatasetStubEmitter
{
    public static string Emit(DatasetSpec dataset)
    {
        var writer = new CodeWriter();
        string name = dataset.Type.Name;
        string failure = Failure.Throw(Failure.Reason(name, dataset.Diagnostics, "it has errors"));
        using (FileHeader.Write(writer, $"the [Dataset] attributes on {name}, which have errors", dataset.Type,
            "System", "System.Collections.Generic", "MlDsl.Data", "MlDsl.Data.Csv"))
        {
            writer.Line($"/// <summary>{name} has errors (see its MLDSL diagnostics); every generated member throws until they are fixed.</summary>");
            string interfaces = $"IDatasetRow<{name}>" + (dataset.CsvReadable ? $", ICsvRow<{name}>" : "");
            using (writer.Block($"partial {dataset.Type.Keyword} {name} : {interfaces}"))
            {
                string[] members =
                {
                    "ReadOnlySpan<long> FeatureShape",
                    "int FeatureLength",
                    "int ClassCount",
                    $"void WriteFeatures({name} row, Span<float> destination)",
                    "IReadOnlyList<string> FeatureNames",
                    "string LabelName",
                    $"{name} WithFeatures({name} row, ReadOnlySpan<float> features)",
                    "string? GroupKeyName",
                    $"string? GroupOf({name} row)",
                    "string? TimestampName",
                    $"DateTime? TimeOf({name} row)",
                    "IReadOnlyList<string> SliceNames",
                    $"string SliceOf({name} row, int slice)",
                };
                foreach (string member in members)
                    writer.Line($"public static {member} => {failure};");
                if (dataset.CsvReadable)
                {
                    writer.Line($"public static IReadOnlyList<CsvColumn> CsvColumns => {failure};");
                    writer.Line($"public static {name} FromCsv(CsvRecord record) => {failure};");
                }
            }
        }
        return writer.ToString();
    }
}
