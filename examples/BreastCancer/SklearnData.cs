using System.Globalization;
using System.IO.Compression;
using MlDsl.Data.Sources;

namespace MlDsl.Examples.BreastCancer;

/// <summary>The CSVs that Debian's python3-sklearn package ships, fetched (not installed) on first use.</summary>
public static class SklearnData
{
    private const string DataFolder = "usr/lib/python3/dist-packages/sklearn/datasets/data";

    /// <summary>Path of <c>breast_cancer.csv</c> (569 rows: a metadata line, then 30 measurements and the target).</summary>
    public static string BreastCancerCsv() => Path.Combine(DebianPackage.Extract("python3-sklearn"), DataFolder, "breast_cancer.csv");

    /// <summary>
    /// Path of a CSV joining scikit-learn's two diabetes files (442 rows: ten measurements, the
    /// progression, the sex), made once in the data cache from <c>diabetes_data_raw.csv.gz</c>
    /// (space-separated) and <c>diabetes_target.csv.gz</c>.
    /// </summary>
    public static string DiabetesCsv()
    {
        string path = Path.Combine(DebianPackage.CacheRoot, "sklearn-diabetes.csv");
        if (File.Exists(path)) return path;
        string folder = Path.Combine(DebianPackage.Extract("python3-sklearn"), DataFolder);
        string[] measurements = GzipLines(Path.Combine(folder, "diabetes_data_raw.csv.gz")), progression = GzipLines(Path.Combine(folder, "diabetes_target.csv.gz"));
        if (measurements.Length != progression.Length)
            throw new InvalidDataException($"{folder}: {measurements.Length} measurement rows but {progression.Length} targets");
        var lines = measurements.Select((line, i) =>
        {
            string[] values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            double target = double.Parse(progression[i], CultureInfo.InvariantCulture);
            return string.Join(',', values.Append(target.ToString("R", CultureInfo.InvariantCulture)).Append(values[1]));
        });
        string temporary = path + ".tmp";
        File.WriteAllLines(temporary, lines);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static string[] GzipLines(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
