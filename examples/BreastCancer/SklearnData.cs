using MlDsl.Data.Sources;

namespace MlDsl.Examples.BreastCancer;

/// <summary>The CSVs that Debian's python3-sklearn package ships, fetched (not installed) on first use.</summary>
public static class SklearnData
{
    private const string DataFolder = "usr/lib/python3/dist-packages/sklearn/datasets/data";

    /// <summary>Path of <c>breast_cancer.csv</c> (569 rows: a metadata line, then 30 measurements and the target).</summary>
    public static string BreastCancerCsv() => Path.Combine(DebianPackage.Extract("python3-sklearn"), DataFolder, "breast_cancer.csv");
}
