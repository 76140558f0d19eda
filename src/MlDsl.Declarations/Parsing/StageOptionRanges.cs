using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Declarations.Parsing;

/// <summary>
/// MLDSL0043: a numeric option of a pipeline's stage attribute ([Pipeline], [Split], [Validate], [Analyze], [Transform],
/// [Train], [Gate], [Monitor]) outside the range it means anything in. Attribute arguments are constants, so each is
/// judged here, on the argument itself, instead of surfacing as an exception when the stage finally runs (a [Monitor]
/// threshold only when <c>monitor</c> compares, as exit 70). The ranges are those the runtime refuses (see
/// <c>PipelineDefinitionChecks</c> in MlDsl).
/// </summary>
internal static class StageOptionRanges
{
    private sealed record Range(Func<double, bool> Holds, string Expected);

    private static readonly Range Share = new(value => value >= 0 && value <= 1, "a share in [0, 1]");
    private static readonly Range SplitFraction = new(value => value >= 0 && value < 1, "a fraction in [0, 1)");
    private static readonly Range NotNegative = new(value => value >= 0, "a number of at least 0");
    private static readonly Range Positive = new(value => value > 0, "a number above 0");
    private static readonly Range AtLeastOne = new(value => value >= 1, "a whole number of at least 1");
    private static readonly Range AtMostOne = new(value => value <= 1, "a number of at most 1 (R² never exceeds 1)");

    // Attribute -> option -> range; NaN means "not set" where the attribute's default is NaN (gate criteria, MaxMajorityShare).
    private static readonly Dictionary<string, Dictionary<string, Range>> Ranges = new()
    {
        ["MlDsl.PipelineAttribute"] = new() { ["CsvSkipLines"] = NotNegative },
        ["MlDsl.SplitAttribute"] = new() { ["Validation"] = SplitFraction, ["Test"] = SplitFraction },
        ["MlDsl.ValidateAttribute"] = new() { ["MaxMajorityShare"] = Share, ["MinTrainRows"] = NotNegative },
        ["MlDsl.AnalyzeAttribute"] = new() { ["MinSliceRows"] = AtLeastOne },
        ["MlDsl.TransformAttribute"] = new() { ["SelectK"] = NotNegative },
        ["MlDsl.TrainAttribute"] = new()
        {
            ["Epochs"] = AtLeastOne, ["BatchSize"] = AtLeastOne, ["LearningRate"] = Positive, ["WeightDecay"] = NotNegative,
            ["Threads"] = NotNegative, ["EarlyStoppingPatience"] = NotNegative, ["GradientClipNorm"] = NotNegative,
        },
        ["MlDsl.GateAttribute"] = new()
        {
            ["MinAccuracy"] = Share, ["MinMacroF1"] = Share, ["MinRocAuc"] = Share, ["MinClassRecall"] = Share, ["MinSubsetAccuracy"] = Share,
            ["MinSliceAccuracy"] = Share, ["MinR2"] = AtMostOne, ["MaxMae"] = NotNegative, ["MaxRmse"] = NotNegative, ["MaxSliceMae"] = NotNegative,
            ["MaxBiasGap"] = NotNegative, ["MaxLatencyMs"] = NotNegative, ["MaxModelMegabytes"] = NotNegative,
        },
        ["MlDsl.MonitorAttribute"] = new()
        {
            ["Psi"] = NotNegative, ["KsPValue"] = Share, ["KsStatistic"] = Share, ["JensenShannon"] = Share,
        },
    };

    // Options whose NaN means "not set" (their default); everywhere else NaN is refused.
    private static readonly HashSet<string> NaNMeansUnset = new()
    {
        "MaxMajorityShare", "MinAccuracy", "MinMacroF1", "MinRocAuc", "MinClassRecall", "MinSubsetAccuracy", "MinSliceAccuracy",
        "MinR2", "MaxMae", "MaxRmse", "MaxSliceMae", "MaxBiasGap", "MaxLatencyMs", "MaxModelMegabytes",
    };

    /// <summary>One diagnostic per out-of-range option of the type's stage attributes, on the argument that sets it.</summary>
    public static IEnumerable<DiagnosticInfo> Check(INamedTypeSymbol type)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() is not { } name || !Ranges.TryGetValue(name, out Dictionary<string, Range>? options)) continue;
            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                if (!options.TryGetValue(argument.Key, out Range? range) || Number(argument.Value.Value) is not { } value) continue;
                if (double.IsNaN(value) ? NaNMeansUnset.Contains(argument.Key) : range.Holds(value)) continue;
                string shortName = name.Substring("MlDsl.".Length, name.Length - "MlDsl.".Length - "Attribute".Length);
                string written = double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.StageOptionOutOfRange, ArgumentLocation(attribute, argument.Key) ?? TypeIdentities.LocationOf(attribute, type),
                    $"[{shortName}] {argument.Key} = {written} is out of range; expected {range.Expected}");
            }
        }
    }

    private static double? Number(object? value) => value switch
    {
        double number => number,
        float number => number,
        int number => number,
        _ => null,
    };

    // The "Psi = -1" argument itself, so the squiggle sits on the value the user wrote.
    private static Location? ArgumentLocation(AttributeData attribute, string option) =>
        (attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax)?.ArgumentList?.Arguments
            .FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == option)?.GetLocation();
}
