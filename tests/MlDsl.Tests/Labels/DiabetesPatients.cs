using System.Globalization;
using System.IO.Compression;
using MlDsl.Examples.BreastCancer;

namespace MlDsl.Tests.Labels;

/// <summary>A regression dataset: sklearn's diabetes data (real, from Debian's python3-sklearn).</summary>
[Dataset]
public sealed partial record DiabetesPatient
{
    /// <summary>Age, sex, BMI, blood pressure and six blood serum measurements.</summary>
    [Feature, Shape(10)] public required float[] Measurements { get; init; }

    /// <summary>Disease progression one year later, in hundreds (25-346 raw), so the output starts at the right scale.</summary>
    [Label] public float Progression { get; init; }

    [Slice] public required string Sex { get; init; }
}

[Model(typeof(DiabetesPatient))]
public sealed partial class ProgressionMlp
{
    [Linear(32), Relu] Layer hidden;
    [Linear(1)] Layer output;
}

internal static class DiabetesPatients
{
    private static readonly Lazy<IReadOnlyList<DiabetesPatient>> Rows = new(Read);

    public static IReadOnlyList<DiabetesPatient> Load() => Rows.Value;

    private static IReadOnlyList<DiabetesPatient> Read()
    {
        string[] measurements = Lines(SklearnData.DiabetesMeasurementsGz()), progression = Lines(SklearnData.DiabetesProgressionGz());
        Assert.Equal(measurements.Length, progression.Length);
        return measurements.Select((line, i) =>
        {
            float[] values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(value => float.Parse(value, CultureInfo.InvariantCulture)).ToArray();
            return new DiabetesPatient
            {
                Measurements = values,
                Progression = float.Parse(progression[i], CultureInfo.InvariantCulture) / 100f,
                Sex = values[1].ToString(CultureInfo.InvariantCulture),
            };
        }).ToList();
    }

    private static string[] Lines(string gzipPath)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(gzipPath), CompressionMode.Decompress));
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
