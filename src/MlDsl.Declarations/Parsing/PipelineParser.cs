using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Declarations.Models;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Parsing;

/// <summary>Reads a [Pipeline] class's stage attributes into a <see cref="PipelineSpec"/>.</summary>
public static class PipelineParser
{
    public const string PipelineAttribute = "MlDsl.PipelineAttribute";

    // Stage-attribute properties that set a PipelineDefinition property of the same name rather than the stage's options.
    private static readonly string[] PreparationProperties = { "Impute", "SelectK", "SelectScore", "Oversample" };

    // MlDsl.Data.Splits.SplitKind.Stratified's value (Random, Stratified, Grouped, ByTime).
    private const int StratifiedKind = 1;

    // Gate attribute property -> the Gate builder method it becomes.
    private static readonly Dictionary<string, string> GateMethods = new()
    {
        ["MinAccuracy"] = "MinimumAccuracy",
        ["MinMacroF1"] = "MinimumMacroF1",
        ["MinClassRecall"] = "MinimumClassRecall",
        ["MinRocAuc"] = "MinimumRocAuc",
        ["MinSubsetAccuracy"] = "Minimum(\"subset_accuracy\", {0})",
        ["MaxMae"] = "MaximumMeanAbsoluteError",
        ["MaxRmse"] = "MaximumRootMeanSquaredError",
        ["MinR2"] = "MinimumRSquared",
        ["MinSliceAccuracy"] = "MinimumSliceAccuracy",
        ["MaxSliceMae"] = "MaximumSliceMeanAbsoluteError(null, {0})",
        ["MaxBiasGap"] = "MaximumBiasGap",
        ["MaxLatencyMs"] = "MaximumLatencyMilliseconds",
        ["MaxModelMegabytes"] = "MaximumModelMegabytes",
    };

    public static PipelineSpec Parse(INamedTypeSymbol type, AttributeData pipeline)
    {
        var diagnostics = new List<DiagnosticInfo>();
        Location? location = TypeIdentities.LocationOf(pipeline, type);
        var model = pipeline.ConstructorArguments.FirstOrDefault().Value as INamedTypeSymbol;
        AttributeData? modelAttribute = model is null ? null : TypeIdentities.FindAttribute(model, ModelParser.ModelAttribute);
        var row = modelAttribute?.ConstructorArguments.FirstOrDefault().Value as INamedTypeSymbol;
        if (model is not null && row is null)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PipelineModelNotAModel, location, type.Name, model.Name));

        if (DeclarationChecks.Pipeline(type, model, row) is { } declaration) diagnostics.Add(declaration);
        bool modelImplemented = model is not null && row is not null && DeclarationChecks.Model(model, row) is null
            && TypeIdentities.HasAttribute(row, DatasetParser.DatasetAttribute) && DeclarationChecks.Dataset(row) is null;

        IMethodSymbol? ingest = type.GetMembers().OfType<IMethodSymbol>()
            .FirstOrDefault(method => TypeIdentities.HasAttribute(method, "MlDsl.IngestAttribute"));
        if (row is not null && (ingest is null || !ingest.IsStatic || ingest.Parameters.Length != 0 || !ReturnsRows(ingest, row)))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PipelineWithoutIngest, ingest?.Locations.FirstOrDefault() ?? type.Locations.FirstOrDefault(),
                type.Name, row.Name));

        AttributeData? split = TypeIdentities.FindAttribute(type, "MlDsl.SplitAttribute");
        if (row is not null && split?.NamedArguments.FirstOrDefault(argument => argument.Key == "Kind").Value is { Value: int splitKind } && splitKind == StratifiedKind
            && StratifiedLabel.Problem(row) is { } problem)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StratifiedWithoutClasses, TypeIdentities.LocationOf(split, type), problem));

        (EquatableArray<string> targetEncodings, IReadOnlyList<DiagnosticInfo> encodingProblems) = row is null || !TypeIdentities.HasAttribute(row, DatasetParser.DatasetAttribute)
            ? (EquatableArray<string>.Empty, new DiagnosticInfo[0]) : TargetEncodeParser.Parse(type, row);
        diagnostics.AddRange(encodingProblems);
        diagnostics.AddRange(StageOptionRanges.Check(type));

        AttributeData? transformAttribute = TypeIdentities.FindAttribute(type, "MlDsl.TransformAttribute");
        AttributeData? train = TypeIdentities.FindAttribute(type, "MlDsl.TrainAttribute");
        string? transform = transformAttribute?.ConstructorArguments.FirstOrDefault() is { } kind ? Literal(kind) : null;
        string? export = TypeIdentities.FindAttribute(type, "MlDsl.ExportAttribute")?.ConstructorArguments.FirstOrDefault() is { } folder ? Literal(folder) : null;
        AttributeData? gate = TypeIdentities.FindAttribute(type, "MlDsl.GateAttribute");

        return new PipelineSpec(
            TypeIdentities.Of(type),
            model is null ? "" : Qualified(model),
            row is null ? "" : Qualified(row),
            ingest?.Name,
            Assignments(split),
            transform,
            Assignments(train, skipZero: new[] { "EarlyStoppingPatience", "GradientClipNorm" }, skip: PreparationProperties),
            (gate?.NamedArguments ?? Enumerable.Empty<KeyValuePair<string, TypedConstant>>())
                .Where(argument => GateMethods.ContainsKey(argument.Key) && argument.Value.Value is double value && !double.IsNaN(value))
                .Select(argument => GateCall(GateMethods[argument.Key], Literal(argument.Value)))
                .Concat(MetricGateCalls(type)).ToEquatableArray(),
            export,
            pipeline.NamedArguments.Where(argument => argument.Key == "ClassNames").SelectMany(argument => argument.Value.Values).Select(Literal).ToEquatableArray(),
            row is null ? null : ReadData(type, row, pipeline),
            diagnostics.ToEquatableArray())
        {
            ModelImplemented = modelImplemented,
            StreamData = row is null ? null : StreamData(row, pipeline),
            TargetEncodings = targetEncodings,
            Validate = TypeIdentities.FindAttribute(type, "MlDsl.ValidateAttribute") is { } validate ? Assignments(validate) : null,
            Monitor = TypeIdentities.FindAttribute(type, "MlDsl.MonitorAttribute") is { } monitor ? Assignments(monitor) : null,
            Preparation = new[] { transformAttribute, train }.SelectMany(attribute => attribute?.NamedArguments ?? Enumerable.Empty<KeyValuePair<string, TypedConstant>>())
                .Where(argument => PreparationProperties.Contains(argument.Key))
                .Select(argument => $"{argument.Key} = {Literal(argument.Value)}").ToEquatableArray(),
            MinSliceRows = TypeIdentities.FindAttribute(type, "MlDsl.AnalyzeAttribute")?.NamedArguments
                .FirstOrDefault(argument => argument.Key == "MinSliceRows").Value.Value as int?,
        };
    }

    /// <summary>[GateMinimum("name", v)] and [GateMaximum("name", v)], in declaration order, as Minimum/Maximum calls.</summary>
    private static IEnumerable<string> MetricGateCalls(INamedTypeSymbol type)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            string? method = attribute.AttributeClass?.ToDisplayString() switch
            {
                "MlDsl.GateMinimumAttribute" => "Minimum",
                "MlDsl.GateMaximumAttribute" => "Maximum",
                _ => null,
            };
            if (method is null || attribute.ConstructorArguments.Length != 2) continue;
            if (attribute.ConstructorArguments[0].Value is not string || attribute.ConstructorArguments[1].Value is not double value || double.IsNaN(value)) continue;
            yield return $"{method}({Literal(attribute.ConstructorArguments[0])}, {Literal(attribute.ConstructorArguments[1])})";
        }
    }

    /// <summary>"Method(value)", or the template with the value filled in when the call takes more arguments.</summary>
    private static string GateCall(string method, string value) =>
        method.Contains("{0}") ? method.Replace("{0}", value) : $"{method}({value})";

    /// <summary>The [ReadData] method, else a CSV read when the row has a generated CSV reader.</summary>
    private static string? ReadData(INamedTypeSymbol type, INamedTypeSymbol row, AttributeData pipeline)
    {
        IMethodSymbol? method = type.GetMembers().OfType<IMethodSymbol>().FirstOrDefault(candidate => TypeIdentities.HasAttribute(candidate, "MlDsl.ReadDataAttribute"));
        if (method is not null) return method.Name;
        if (!DatasetParser.Parse(row).CsvReadable) return null;
        return $"path => CsvFile.Read<{Qualified(row)}>(path, new CsvOptions {{ {CsvLayout(pipeline)} }})";
    }

    /// <summary>CSV shards read lazily, with the layout the CSV read uses, when the row has a generated CSV reader.</summary>
    private static string? StreamData(INamedTypeSymbol row, AttributeData pipeline)
    {
        if (!DatasetParser.Parse(row).CsvReadable) return null;
        return $"paths => global::MlDsl.Data.Streaming.RowSources.FromCsvFiles<{Qualified(row)}>(paths, new CsvOptions {{ {CsvLayout(pipeline)} }})";
    }

    private static string CsvLayout(AttributeData pipeline) =>
        string.Join(", ", pipeline.NamedArguments.Where(argument => argument.Key is "CsvHasHeader" or "CsvSkipLines")
            .Select(argument => $"{(argument.Key == "CsvHasHeader" ? "HasHeader" : "SkipLines")} = {Literal(argument.Value)}"));

    private static bool ReturnsRows(IMethodSymbol method, INamedTypeSymbol row) =>
        method.ReturnType is INamedTypeSymbol { TypeArguments.Length: 1 } list
        && SymbolNames.Is(list.OriginalDefinition, "System.Collections.Generic.IReadOnlyList<T>")
        && SymbolEqualityComparer.Default.Equals(list.TypeArguments[0], row);

    /// <summary>"Name = literal" for every named argument, so each maps 1:1 onto the runtime options' property.</summary>
    private static EquatableArray<string> Assignments(AttributeData? attribute, string[]? skipZero = null, string[]? skip = null) =>
        (attribute?.NamedArguments ?? Enumerable.Empty<KeyValuePair<string, TypedConstant>>())
            .Where(argument => skip?.Contains(argument.Key) != true)
            .Where(argument => !(skipZero?.Contains(argument.Key) == true && System.Convert.ToDouble(argument.Value.Value, CultureInfo.InvariantCulture) == 0))
            .Select(argument => $"{argument.Key} = {Literal(argument.Value)}").ToEquatableArray();

    private static string Literal(TypedConstant constant)
    {
        if (constant.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            IFieldSymbol? member = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(field => Equals(field.ConstantValue, constant.Value));
            return member is null ? $"({Qualified(enumType)}){constant.Value}" : $"{Qualified(enumType)}.{member.Name}";
        }
        return constant.Value switch
        {
            string text => SymbolDisplay.FormatLiteral(text, quote: true),
            bool flag => flag ? "true" : "false",
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            float number => number.ToString("R", CultureInfo.InvariantCulture) + "f",
            null => "null",
            var value => System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
        };
    }

    private static string Qualified(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}
