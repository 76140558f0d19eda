using System.Text.Json;

namespace MlDsl.Tests.Data.Steps;

/// <summary>Inputs and expected values written by Data/References/make_sklearn_reference.py with Debian's scikit-learn.</summary>
internal static class SklearnReference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "References", "sklearn_reference.json"))).RootElement);

    public static JsonElement Get(params string[] path) => path.Aggregate(Root.Value, (element, name) => element.GetProperty(name));

    /// <summary>Numbers, with JSON null (a missing value) read as NaN.</summary>
    public static double[] Doubles(this JsonElement element) =>
        element.EnumerateArray().Select(value => value.ValueKind == JsonValueKind.Null ? double.NaN : value.GetDouble()).ToArray();

    public static double[][] Matrix(this JsonElement element) => element.EnumerateArray().Select(Doubles).ToArray();

    public static int[] Ints(this JsonElement element) => element.EnumerateArray().Select(value => value.GetInt32()).ToArray();

    public static string[] Strings(this JsonElement element) => element.EnumerateArray().Select(value => value.GetString()!).ToArray();

    /// <summary>Equal within <paramref name="relative"/> of the larger magnitude (or <paramref name="absolute"/>); NaN equals NaN.</summary>
    public static void Close(double expected, double actual, double relative = 1e-6, double absolute = 1e-12, string what = "")
    {
        if (double.IsNaN(expected) && double.IsNaN(actual)) return;
        double tolerance = Math.Max(absolute, relative * Math.Max(Math.Abs(expected), Math.Abs(actual)));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }

    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative = 1e-6, double absolute = 1e-12, string what = "")
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++) Close(expected[i], actual[i], relative, absolute, $"{what}[{i}]");
    }
}
