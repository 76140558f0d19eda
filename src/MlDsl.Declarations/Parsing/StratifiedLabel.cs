using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Models;

namespace MlDsl.Declarations.Parsing;

/// <summary>Why a dataset cannot be split by stratifying its label, or null when it can.</summary>
public static class StratifiedLabel
{
    public static string? Problem(INamedTypeSymbol row)
    {
        if (!TypeIdentities.HasAttribute(row, DatasetParser.DatasetAttribute)) return null;
        LabelSpec? label = DatasetParser.Parse(row).Label;
        if (label is null || label.Kind == LabelKind.Class) return null;
        string what = label.Kind == LabelKind.Regression ? "a number to predict (regression)" : "a set of labels per row (multi-label)";
        return $"{row.Name}.{label.Name} is {what}, not a class, so there are no class shares for a stratified split to keep; split randomly (or by group or time)";
    }
}
