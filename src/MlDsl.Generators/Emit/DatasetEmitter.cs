using System.Linq;
using MlDsl.Declarations.Models;

namespace MlDsl.Generators.Emit;

/// <summary>Emits a dataset row's <c>ITensorRow</c> implementation: reflection-free copying into a batch buffer.</summary>
internal static class DatasetEmitter
{
    public static string Emit(DatasetSpec dataset)
    {
        var writer = new CodeWriter();
        string name = dataset.Type.Name;
        using (FileHeader.Write(writer, $"the [Dataset] attributes on {name}", dataset.Type,
            "System", "System.Collections.Generic", "System.Globalization", "MlDsl.Data", "MlDsl.Data.Csv"))
        {
            string interfaces = $"IDatasetRow<{name}>" + (dataset.CsvReadable ? $", ICsvRow<{name}>" : "");
            using (writer.Block($"partial {dataset.Type.Keyword} {name} : {interfaces}"))
            {
                string shape = string.Join(", ", dataset.InputShape!.Dimensions);
                writer.Line($"private static readonly long[] featureShape = {{ {shape} }};");
                writer.Line();
                writer.Line($"/// <summary>{dataset.InputDescription}.</summary>");
                writer.Line("public static ReadOnlySpan<long> FeatureShape => featureShape;");
                writer.Line();
                writer.Line($"public static int FeatureLength => {dataset.FeatureLength};");
                writer.Line();
                writer.Line($"public static int ClassCount => {dataset.Label!.Classes};");
                writer.Line();
                if (dataset.Label.Kind != LabelKind.Class)
                {
                    writer.Line($"public static LabelKind LabelKind => LabelKind.{dataset.Label.Kind};");
                    writer.Line();
                }
                using (writer.Block($"public static void WriteFeatures({name} row, Span<float> destination)"))
                {
                    foreach (FeatureSpec feature in dataset.Features)
                        WriteFeature(writer, name, feature, dataset.Features.Count == 1);
                }
                writer.Line();
                if (dataset.Label.Kind == LabelKind.Class)
                    WriteReadLabel(writer, name, dataset.Label);
                else
                    WriteTarget(writer, name, dataset.Label);
                writer.Line();
                DatasetMetadataEmitter.Write(writer, dataset);
                if (dataset.CsvReadable)
                {
                    writer.Line();
                    DatasetCsvEmitter.Write(writer, dataset);
                }
            }
        }
        return writer.ToString();
    }

    private static void WriteReadLabel(CodeWriter writer, string rowType, LabelSpec label)
    {
        if (label.Names.Count == 0)
        {
            // An index outside [0, classes) would reach libtorch's loss as a target it cannot index, which aborts the process.
            writer.Line($"public static long ReadLabel({rowType} row) => row.{label.Name} >= 0 && row.{label.Name} < {label.Classes}");
            writer.Line($"    ? row.{label.Name}");
            writer.Line($"    : throw new RowDataException(nameof({rowType}), nameof({label.Name}), {Quote($"a class index in [0, {label.Classes - 1}] (labels are 0-based)")}, row.{label.Name}.ToString(CultureInfo.InvariantCulture));");
            return;
        }
        writer.Line($"public static long ReadLabel({rowType} row) => row.{label.Name} switch");
        writer.Line("{");
        for (int i = 0; i < label.Names.Count; i++)
            writer.Line($"    {Quote(label.Names[i])} => {i},");
        writer.Line($"    var other => throw new RowDataException(nameof({rowType}), nameof({label.Name}), {Quote("one of " + string.Join(", ", label.Names))}, other ?? \"null\"),");
        writer.Line("};");
    }

    private static void WriteTarget(CodeWriter writer, string rowType, LabelSpec label)
    {
        if (label.Kind == LabelKind.Regression)
        {
            writer.Line($"public static void WriteTarget({rowType} row, Span<float> destination) => destination[0] = Convert.ToSingle(row.{label.Name});");
            return;
        }
        using (writer.Block($"public static void WriteTarget({rowType} row, Span<float> destination)"))
        {
            bool named = label.Names.Count > 0;
            string expected = named ? "label names, each one of " + string.Join(", ", label.Names) : $"label indices in [0, {label.Classes - 1}]";
            writer.Line("destination.Clear();");
            using (writer.Block($"foreach ({(named ? "string" : "int")} label in row.{label.Name} ?? throw new RowDataException(nameof({rowType}), nameof({label.Name}), {Quote(expected)}, \"null\"))"))
            {
                if (named)
                {
                    writer.Line("destination[label switch");
                    writer.Line("{");
                    for (int i = 0; i < label.Names.Count; i++)
                        writer.Line($"    {Quote(label.Names[i])} => {i},");
                    writer.Line($"    var other => throw new RowDataException(nameof({rowType}), nameof({label.Name}), {Quote(expected)}, other ?? \"null\"),");
                    writer.Line("}] = 1;");
                }
                else
                {
                    using (writer.Block($"if ((uint)label >= {label.Classes})"))
                        writer.Line($"throw new RowDataException(nameof({rowType}), nameof({label.Name}), {Quote(expected)}, label.ToString(CultureInfo.InvariantCulture));");
                    writer.Line("destination[label] = 1;");
                }
            }
        }
    }

    private static string Quote(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);

    private static void WriteFeature(CodeWriter writer, string rowType, FeatureSpec feature, bool only)
    {
        if (feature.Kind == FeatureKind.Categorical)
        {
            writer.Line($"destination.Slice({feature.Offset}, {feature.Length}).Clear();");
            writer.Line($"destination[{feature.Offset} + row.{feature.Name} switch");
            writer.Line("{");
            for (int i = 0; i < feature.Categories.Count; i++)
                writer.Line($"    {Quote(feature.Categories[i])} => {i},");
            writer.Line($"    var other => throw new RowDataException(nameof({rowType}), nameof({feature.Name}), {Quote("one of " + string.Join(", ", feature.Categories))}, other ?? \"null\"),");
            writer.Line("}] = 1;");
            return;
        }
        if (feature.Kind == FeatureKind.Tokens)
        {
            WriteTokens(writer, rowType, feature);
            return;
        }
        if (feature.Kind == FeatureKind.Scalar)
        {
            string value = $"row.{feature.Name}";
            writer.Line($"destination[{feature.Offset}] = {ConvertToFloat(value)};");
            return;
        }
        string expected = $"\"{feature.Length} floats, shape {feature.Shape}\"";
        using (writer.Block($"if (row.{feature.Name} is not {{ Length: {feature.Length} }})"))
        {
            writer.Line($"throw new RowDataException(nameof({rowType}), nameof({feature.Name}), {expected},");
            writer.Line($"    RowDataException.DescribeLength(row.{feature.Name}));");
        }
        writer.Line(only
            ? $"row.{feature.Name}.CopyTo(destination);"
            : $"row.{feature.Name}.CopyTo(destination.Slice({feature.Offset}, {feature.Length}));");
    }

    /// <summary>
    /// Token ids as floats (exact below 2^24, which the parser guarantees), each checked against the
    /// vocabulary here, where the row is known: an id outside it would make libtorch's embedding abort the process.
    /// </summary>
    private static void WriteTokens(CodeWriter writer, string rowType, FeatureSpec feature)
    {
        // A pattern variable lives in the enclosing method, so each token feature needs its own name
        // (a dataset with a question and an answer declares two).
        string ids = TokenIdsLocal(feature.Name);
        using (writer.Block($"if (row.{feature.Name} is not {{ Length: {feature.Length} }} {ids})"))
        {
            writer.Line($"throw new RowDataException(nameof({rowType}), nameof({feature.Name}), \"{feature.Length} token ids (pad or cut each row to that length)\",");
            writer.Line($"    RowDataException.DescribeLength(row.{feature.Name}));");
        }
        using (writer.Block($"for (int i = 0; i < {feature.Length}; i++)"))
        {
            writer.Line($"int id = {ids}[i];");
            using (writer.Block($"if ((uint)id >= {feature.Vocabulary})"))
            {
                writer.Line($"throw new RowDataException(nameof({rowType}), nameof({feature.Name}), {Quote($"token ids in [0, {feature.Vocabulary - 1}] (its [Vocabulary])")},");
                writer.Line($"    id.ToString(CultureInfo.InvariantCulture) + \" at position \" + i.ToString(CultureInfo.InvariantCulture));");
            }
            writer.Line($"destination[{feature.Offset} + i] = id;");
        }
    }

    /// <summary><c>Question</c> becomes <c>questionIds</c>; member names are unique in a row type, so the locals are too.</summary>
    internal static string TokenIdsLocal(string featureName) =>
        char.ToLowerInvariant(featureName[0]) + featureName.Substring(1) + "Ids";

    // Convert.ToSingle has an overload per numeric type and bool, so no scalar feature is boxed.
    private static string ConvertToFloat(string value) => $"Convert.ToSingle({value})";
}
