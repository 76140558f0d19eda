using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MlDsl.Declarations.Parsing;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0019 in the declarative form: a [Pipeline] whose rows declare a [GroupKey] or [Timestamp] but
/// whose [Split] is Random or Stratified (or that has no [Split], which splits randomly).
/// </summary>
internal static class PipelineSplitRule
{
    public static void Check(SymbolAnalysisContext context, LeakageSymbols symbols)
    {
        var pipeline = (INamedTypeSymbol)context.Symbol;
        AttributeData? declaration = pipeline.GetAttributes().FirstOrDefault(attribute => Is(attribute, "PipelineAttribute"));
        if (declaration?.ConstructorArguments.FirstOrDefault().Value is not INamedTypeSymbol model) return;
        AttributeData? modelAttribute = model.GetAttributes().FirstOrDefault(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.ModelAttribute));
        if (modelAttribute?.ConstructorArguments.FirstOrDefault().Value is not INamedTypeSymbol row) return;

        bool grouped = row.GetMembers().Any(member => LeakageSymbols.HasAttribute(member, symbols.GroupKeyAttribute));
        bool timed = row.GetMembers().Any(member => LeakageSymbols.HasAttribute(member, symbols.TimestampAttribute));
        if (!grouped && !timed) return;

        AttributeData? split = pipeline.GetAttributes().FirstOrDefault(attribute => Is(attribute, "SplitAttribute"));
        object? value = split?.NamedArguments.FirstOrDefault(argument => argument.Key == "Kind").Value.Value;
        string kind = value is null ? "Random"
            : symbols.SplitKind.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(field => field.HasConstantValue && Equals(field.ConstantValue, value))?.Name ?? "Random";
        if (grouped && kind == "Grouped" || timed && kind == "ByTime") return;

        string wanted = grouped ? "Grouped" : "ByTime";
        string reason = wanted == "Grouped"
            ? $"{row.Name} has a [GroupKey], but pipeline {pipeline.Name} splits it {(split is null ? "randomly (no [Split])" : $"with SplitKind.{kind}")}: rows of one group can land in both training and test, so the test score measures recognising the group; use [Split(Kind = SplitKind.Grouped)]"
            : $"{row.Name} has a [Timestamp], but pipeline {pipeline.Name} splits it {(split is null ? "randomly (no [Split])" : $"with SplitKind.{kind}")}: the model trains on the future and is tested on the past; use [Split(Kind = SplitKind.ByTime)]";
        SyntaxReference? place = (split ?? declaration).ApplicationSyntaxReference;
        Location location = place?.GetSyntax(context.CancellationToken).GetLocation() ?? pipeline.Locations[0];
        ImmutableDictionary<string, string?>? properties = split is null ? null : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SplitKind, wanted);
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SplitIgnoresGroupsOrTime, location, properties, reason));
    }

    /// <summary>MlDsl's attribute of that name.</summary>
    private static bool Is(AttributeData attribute, string name) => SymbolNames.Is(attribute.AttributeClass, "MlDsl." + name);
}
