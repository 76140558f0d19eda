using MlDsl.Data.Csv;
using MlDsl.Examples.BreastCancer;

namespace MlDsl.Tests.Data;

/// <summary>The real CSV from Debian's python3-sklearn, fetched by the example's own code on first use.</summary>
internal static class BreastCancerRows
{
    private static readonly Lazy<IReadOnlyList<Tumour>> Rows = new(() =>
        CsvFile.Read<Tumour>(SklearnData.BreastCancerCsv(), new CsvOptions { HasHeader = false, SkipLines = 1 }));

    public static IReadOnlyList<Tumour> Load() => Rows.Value;
}
