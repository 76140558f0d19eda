using MlDsl.Data.Sources;

namespace MlDsl.Examples.BreastCancer;

/// <summary>The CSVs that Debian's python3-sklearn package ships, fetched (not installed) on first use.</summary>
public static class SklearnData
{
    private const string DataFolder = "usr/lib/python3/dist-packages/sklearn/datasets/data";

    /// <summary>Path of <c>breast_cancer.csv</c> (569 rows: a metadata line, then 30 measurements and the target).</summary>
    public static string BreastCancerCsv() => Path.Combine(DebianPackage.Extract("python3-sklearn"), DataFolder, "breast_cancer.csv");

    /// <summary>Path of <c>diabetes_data_raw.csv.gz</c> (442 rows of 10 space-separated measurements: age, sex, BMI, blood pressure, six serum values).</summary>
    public static string DiabetesMeasurementsGz() => Path.Combine(DebianPackage.Extract("python3-sklearn"), DataFolder, "diabetes_data_raw.csv.gz");

    /// <summary>Path of <c>diabetes_target.csv.gz</c> (442 lines: disease progression one year later, 25 to 346).</summary>
    public static string DiabetesProgressionGz() => Path.Combine(DebianPackage.Extract("python3-sklearn"), DataFolder, "diabetes_target.csv.gz");
}
