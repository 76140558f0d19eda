using System.Collections.Generic;
using System.Linq;
using MlDsl.Declarations.Models;

namespace MlDsl.Generators.Emit;

/// <summary>Emits a dataset row's <c>IDatasetRow</c> members: feature names, rebuilding from features, metadata.</summary>
internal static class DatasetMetadataEmitter
{
    public static void Write(CodeWriter writer, DatasetSpec dataset)
    {
        string name = dataset.Type.Name;
        string features = string.Join(", ", dataset.Features.Select(feature => $"(\"{feature.Name}\", {feature.Length})"));
        writer.Line(dataset.Features.Any(feature => feature.Kind == FeatureKind.Categorical)
            ? $"private static readonly string[] featureNames = {{ {string.Join(", ", dataset.Features.SelectMany(Names).Select(name => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(name, true)))} }};"
            : $"private static readonly string[] featureNames = FeatureNaming.Expand({features});");
        writer.Line();
        writer.Line("public static IReadOnlyList<string> FeatureNames => featureNames;");
        writer.Line();
        writer.Line($"public static string LabelName => \"{dataset.Label!.Name}\";");
        writer.Line();
        WriteWithFeatures(writer, dataset);
        writer.Line();

        MetadataSpec metadata = dataset.Metadata;
        writer.Line($"public static string? GroupKeyName => {Quoted(metadata.GroupKey)};");
        writer.Line();
        writer.Line(metadata.GroupKey is null
            ? $"public static string? GroupOf({name} row) => null;"
            : $"public static string? GroupOf({name} row) => Convert.ToString(row.{metadata.GroupKey}, CultureInfo.InvariantCulture);");
        writer.Line();
        writer.Line($"public static string? TimestampName => {Quoted(metadata.Timestamp)};");
        writer.Line();
        writer.Line(metadata.Timestamp is null
            ? $"public static DateTime? TimeOf({name} row) => null;"
            : $"public static DateTime? TimeOf({name} row) => row.{metadata.Timestamp}{(metadata.TimestampOffset ? ".UtcDateTime" : "")};");
        writer.Line();
        writer.Line(metadata.Slices.Count == 0
            ? "private static readonly string[] sliceNames = Array.Empty<string>();"
            : $"private static readonly string[] sliceNames = {{ {string.Join(", ", metadata.Slices.Select(slice => $"\"{slice}\""))} }};");
        writer.Line();
        writer.Line("public static IReadOnlyList<string> SliceNames => sliceNames;");
        writer.Line();
        writer.Line($"public static string SliceOf({name} row, int slice) => slice switch");
        writer.Line("{");
        for (int i = 0; i < metadata.Slices.Count; i++)
            writer.Line($"    {i} => Convert.ToString(row.{metadata.Slices[i]}, CultureInfo.InvariantCulture) ?? \"\",");
        writer.Line("    _ => throw new ArgumentOutOfRangeException(nameof(slice), slice, \"no such slice\"),");
        writer.Line("};");
    }

    private static void WriteWithFeatures(CodeWriter writer, DatasetSpec dataset)
    {
        string name = dataset.Type.Name;
        if (dataset.Type.Keyword == "class")
        {
            writer.Line($"public static {name} WithFeatures({name} row, ReadOnlySpan<float> features) =>");
            writer.Line($"    throw new NotSupportedException(\"{name} is a class; declare it as a record so transformed copies can be made with 'with'.\");");
            return;
        }
        writer.Line($"public static {name} WithFeatures({name} row, ReadOnlySpan<float> features) => row with");
        writer.Line("{");
        // Computed features are not replaced: they follow from the members they are computed from.
        // Categories are not either: a scaled one-hot block has no meaning, so transforms leave them be;
        // nor token ids, which are indices, not quantities.
        foreach (FeatureSpec feature in dataset.Features.Where(feature => feature.Settable && feature.Kind is not (FeatureKind.Categorical or FeatureKind.Tokens)))
            writer.Line($"    {feature.Name} = {FromFloat(feature)},");
        writer.Line("};");
    }

    private static IEnumerable<string> Names(FeatureSpec feature) => feature.Kind switch
    {
        FeatureKind.Categorical => feature.Categories.Select(category => $"{feature.Name}={category}"),
        _ when feature.Length == 1 => new[] { feature.Name },
        _ => Enumerable.Range(0, feature.Length).Select(i => $"{feature.Name}[{i}]"),
    };

    // Integer features are rounded back: a transform of an integer feature yields the nearest integer.
    private static string FromFloat(FeatureSpec feature)
    {
        string value = $"features[{feature.Offset}]";
        return feature.ClrType switch
        {
            "float[]" => $"features.Slice({feature.Offset}, {feature.Length}).ToArray()",
            "float" or "double" => value,
            "bool" => $"{value} >= 0.5f",
            _ => $"({feature.ClrType})MathF.Round({value})",
        };
    }

    private static string Quoted(string? text) => text is null ? "null" : $"\"{text}\"";
}
