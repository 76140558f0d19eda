using System.Text.Json;

namespace MlDsl.Tests.Audio;

/// <summary>Values computed by torchaudio 0.13 (make_reference.py), checked in beside the tests.</summary>
internal sealed class TorchaudioReference
{
    private static readonly Lazy<JsonElement> Json = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Audio", "torchaudio_reference.json"))).RootElement);

    public static float[] Vector(string name) => Json.Value.GetProperty(name).EnumerateArray().Select(value => value.GetSingle()).ToArray();

    public static float[,] Matrix(string name)
    {
        JsonElement[] rows = Json.Value.GetProperty(name).EnumerateArray().ToArray();
        var matrix = new float[rows.Length, rows[0].GetArrayLength()];
        for (int r = 0; r < rows.Length; r++)
        {
            int c = 0;
            foreach (JsonElement value in rows[r].EnumerateArray()) matrix[r, c++] = value.GetSingle();
        }
        return matrix;
    }

    /// <summary>Asserts |actual - expected| ≤ tolerance·(|expected| + floor·max|expected|) everywhere.</summary>
    public static void AssertClose(float[,] expected, float[,] actual, double tolerance, double floor = 1e-3)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        double scale = expected.Cast<float>().Max(value => Math.Abs(value));
        for (int r = 0; r < expected.GetLength(0); r++)
            for (int c = 0; c < expected.GetLength(1); c++)
            {
                double allowed = tolerance * (Math.Abs(expected[r, c]) + floor * scale);
                Assert.True(Math.Abs(actual[r, c] - expected[r, c]) <= allowed,
                    $"[{r}, {c}]: expected {expected[r, c]} but got {actual[r, c]} (allowed {allowed:G3})");
            }
    }
}
