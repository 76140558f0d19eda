namespace MlDsl.Data;

/// <summary>Names every float of a feature buffer: a scalar keeps its member name, an array gets <c>Name[i]</c>.</summary>
public static class FeatureNaming
{
    public static string[] Expand(params (string Member, int Length)[] features) =>
        features.SelectMany(feature => feature.Length == 1
            ? new[] { feature.Member }
            : Enumerable.Range(0, feature.Length).Select(i => $"{feature.Member}[{i}]")).ToArray();
}
