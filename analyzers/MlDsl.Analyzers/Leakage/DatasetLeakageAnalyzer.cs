using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// Leakage written into the dataset row itself: a feature computed from the label (MLDSL0017) and a
/// feature that identifies the row or its group rather than describing it (MLDSL0021).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DatasetLeakageAnalyzer : DiagnosticAnalyzer
{
    private const int HelperDepth = 3;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.LabelLeakage, DiagnosticDescriptors.IdentifierAsFeature, DiagnosticDescriptors.FeatureKnownAfterLabel);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            MlDslTypes types = MlDslTypes.For(start.Compilation);
            INamedTypeSymbol? dataset = types.Get("MlDsl.DatasetAttribute");
            INamedTypeSymbol? feature = types.Get("MlDsl.FeatureAttribute");
            INamedTypeSymbol? label = types.Get("MlDsl.LabelAttribute");
            INamedTypeSymbol? groupKey = types.Get("MlDsl.GroupKeyAttribute");
            INamedTypeSymbol? knownAt = types.Get("MlDsl.KnownAtAttribute");
            if (dataset is null || feature is null || label is null || groupKey is null) return;
            var callables = new ConcurrentDictionary<SyntaxTree, HashSet<string>>();
            start.RegisterSyntaxNodeAction(node => AnalyzeProperty(node, dataset, feature, label, groupKey, knownAt, callables), SyntaxKind.PropertyDeclaration);
            start.RegisterSyntaxNodeAction(node => AnalyzeField(node, dataset, feature, groupKey, knownAt), SyntaxKind.FieldDeclaration);
            var roles = new EntanglementRule(dataset, feature, label, knownAt);
            start.RegisterOperationAction(roles.Check, OperationKind.ObjectCreation, OperationKind.With);
            start.RegisterOperationAction(roles.CheckFeatureArray, OperationKind.Invocation);
            var copies = new IdentifierCopyRule(dataset, feature, label, groupKey);
            start.RegisterOperationAction(copies.Check, OperationKind.ObjectCreation, OperationKind.With);
        });
    }

    private static void AnalyzeProperty(SyntaxNodeAnalysisContext context, INamedTypeSymbol dataset, INamedTypeSymbol featureAttribute,
        INamedTypeSymbol labelAttribute, INamedTypeSymbol groupKeyAttribute, INamedTypeSymbol? knownAtAttribute, ConcurrentDictionary<SyntaxTree, HashSet<string>> callables)
    {
        var declaration = (PropertyDeclarationSyntax)context.Node;
        if (context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not IPropertySymbol feature) return;
        if (!LeakageSymbols.HasAttribute(feature, featureAttribute) || !LeakageSymbols.HasAttribute(feature.ContainingType, dataset)) return;
        Location location = declaration.Identifier.GetLocation();
        string? declaredLate = ReportDeclared(context, feature, feature.Type, location, groupKeyAttribute, knownAtAttribute);

        INamedTypeSymbol row = feature.ContainingType;
        IPropertySymbol? label = row.GetMembers().OfType<IPropertySymbol>()
            .FirstOrDefault(member => LeakageSymbols.HasAttribute(member, labelAttribute));
        ISymbol[] late = knownAtAttribute is null ? Array.Empty<ISymbol>()
            : row.GetMembers().Where(member => member is IPropertySymbol or IFieldSymbol && !LeakageSymbols.HasAttribute(member, labelAttribute)
                && KnownTooLate(member, knownAtAttribute) is not null).ToArray();
        if (label is null && late.Length == 0) return;

        HashSet<string> helpers = callables.GetOrAdd(declaration.SyntaxTree, tree => CallableNames.Of(tree, context.CancellationToken));
        string[] computed = MemberReads.ComputedProperties(row).ToArray();
        if (label is not null && new MemberReads(new ISymbol[] { label }, helpers, computed, context.SemanticModel).Find(declaration, feature, HelperDepth) is { } path)
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LabelLeakage, location,
                $"Feature '{feature.Name}' is computed from the label '{label.Name}'{path.Path}: the model sees the answer during training and cannot at prediction time; compute it from other inputs"));

        // A feature computed from a value known only later is itself known only later: timing flows through getters and helpers.
        if (declaredLate is null && late.Length > 0 && new MemberReads(late, helpers, computed, context.SemanticModel).Find(declaration, feature, HelperDepth) is { } source)
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FeatureKnownAfterLabel, location,
                $"Feature '{feature.Name}' is computed from '{source.Target.Name}'{source.Path}, declared [KnownAt(FeatureTiming.{KnownTooLate(source.Target, knownAtAttribute!)})]: it is not known when the model predicts either, so training on it learns from the outcome itself; compute it from values known before the label, or keep it as metadata ([Ignore] or [Slice])"));
    }

    /// <summary>
    /// A feature declared as a field (<c>[Feature] public float customer_id;</c>, as rows mapped from CSV columns are often
    /// written): what its declaration alone says — an identifier, the group key, a value known too late. A field has no
    /// getter, so nothing is computed in it from the label.
    /// </summary>
    private static void AnalyzeField(SyntaxNodeAnalysisContext context, INamedTypeSymbol dataset, INamedTypeSymbol featureAttribute,
        INamedTypeSymbol groupKeyAttribute, INamedTypeSymbol? knownAtAttribute)
    {
        var declaration = (FieldDeclarationSyntax)context.Node;
        foreach (VariableDeclaratorSyntax variable in declaration.Declaration.Variables)
        {
            if (context.SemanticModel.GetDeclaredSymbol(variable, context.CancellationToken) is not IFieldSymbol feature) continue;
            if (!LeakageSymbols.HasAttribute(feature, featureAttribute) || !LeakageSymbols.HasAttribute(feature.ContainingType, dataset)) continue;
            ReportDeclared(context, feature, feature.Type, variable.Identifier.GetLocation(), groupKeyAttribute, knownAtAttribute);
        }
    }

    /// <summary>
    /// What a feature's declaration alone says (MLDSL0021 for the group key or an identifier, MLDSL0029 for a declared late
    /// value); the timing it is declared with ("WithLabel", "AfterLabel") when too late, otherwise null.
    /// </summary>
    private static string? ReportDeclared(SyntaxNodeAnalysisContext context, ISymbol feature, ITypeSymbol type, Location location,
        INamedTypeSymbol groupKeyAttribute, INamedTypeSymbol? knownAtAttribute)
    {
        if (LeakageSymbols.HasAttribute(feature, groupKeyAttribute))
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.IdentifierAsFeature, location,
                $"Feature '{feature.Name}' is also the [GroupKey]: the model learns which group a row belongs to, not what it shows, and cannot generalise to new groups; drop [Feature]"));
        else
            ReportIdentifier(context, feature, type, location);

        string? declaredLate = knownAtAttribute is null ? null : KnownTooLate(feature, knownAtAttribute);
        if (declaredLate is not null)
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FeatureKnownAfterLabel, location,
                $"Feature '{feature.Name}' is declared [KnownAt(FeatureTiming.{declaredLate})]: it is not known when the model predicts, so training on it learns from the outcome itself; keep it as metadata ([Ignore] or [Slice]) instead of [Feature]"));
        return declaredLate;
    }

    /// <summary>MLDSL0021 for a feature named like an identifier: a group key to mark, or a row number to ignore.</summary>
    private static void ReportIdentifier(SyntaxNodeAnalysisContext context, ISymbol feature, ITypeSymbol type, Location location)
    {
        bool categories = feature.GetAttributes().Any(data => data.AttributeClass?.Name == "CategoriesAttribute");
        switch (IdentifierNames.Of(feature, type, categories))
        {
            case IdentifierKind.Entity:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.IdentifierAsFeature, location,
                    ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.MarkGroupKey, "true"),
                    $"Feature '{feature.Name}' looks like an identifier: if it repeats across rows (a patient, a customer, a device) it is a group key — mark it [GroupKey] and split with SplitKind.Grouped so no group is on both sides; if it is unique per row, mark it [Ignore]; as a feature it only lets the model memorise"));
                break;
            case IdentifierKind.Row:
                // No [GroupKey] fix: a number unique per row groups nothing.
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.IdentifierAsFeature, location,
                    $"Feature '{feature.Name}' numbers the rows (a row number or a written-out DataFrame index): it is unique per row, so the model can only memorise it or learn the order the rows were recorded in; mark it [Ignore]"));
                break;
        }
    }

    /// <summary>"WithLabel" or "AfterLabel" when the member is declared known only then, otherwise null.</summary>
    internal static string? KnownTooLate(ISymbol member, INamedTypeSymbol knownAtAttribute)
    {
        foreach (AttributeData data in member.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(data.AttributeClass, knownAtAttribute) || data.ConstructorArguments.Length != 1) continue;
            return data.ConstructorArguments[0].Value switch { 1 => "WithLabel", 2 => "AfterLabel", _ => null };
        }
        return null;
    }
}
