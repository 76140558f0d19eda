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
            INamedTypeSymbol? dataset = start.Compilation.GetTypeByMetadataName("MlDsl.DatasetAttribute");
            INamedTypeSymbol? feature = start.Compilation.GetTypeByMetadataName("MlDsl.FeatureAttribute");
            INamedTypeSymbol? label = start.Compilation.GetTypeByMetadataName("MlDsl.LabelAttribute");
            INamedTypeSymbol? groupKey = start.Compilation.GetTypeByMetadataName("MlDsl.GroupKeyAttribute");
            INamedTypeSymbol? knownAt = start.Compilation.GetTypeByMetadataName("MlDsl.KnownAtAttribute");
            if (dataset is null || feature is null || label is null || groupKey is null) return;
            var callables = new ConcurrentDictionary<SyntaxTree, HashSet<string>>();
            start.RegisterSyntaxNodeAction(node => AnalyzeProperty(node, dataset, feature, label, groupKey, knownAt, callables), SyntaxKind.PropertyDeclaration);
            var roles = new EntanglementRule(dataset, feature, label);
            start.RegisterOperationAction(roles.Check, OperationKind.ObjectCreation, OperationKind.With);
        });
    }

    private static void AnalyzeProperty(SyntaxNodeAnalysisContext context, INamedTypeSymbol dataset, INamedTypeSymbol featureAttribute,
        INamedTypeSymbol labelAttribute, INamedTypeSymbol groupKeyAttribute, INamedTypeSymbol? knownAtAttribute, ConcurrentDictionary<SyntaxTree, HashSet<string>> callables)
    {
        var declaration = (PropertyDeclarationSyntax)context.Node;
        if (context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not IPropertySymbol feature) return;
        if (!LeakageSymbols.HasAttribute(feature, featureAttribute) || !LeakageSymbols.HasAttribute(feature.ContainingType, dataset)) return;
        Location location = declaration.Identifier.GetLocation();

        if (LeakageSymbols.HasAttribute(feature, groupKeyAttribute))
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.IdentifierAsFeature, location,
                $"Feature '{feature.Name}' is also the [GroupKey]: the model learns which group a row belongs to, not what it shows, and cannot generalise to new groups; drop [Feature]"));
        else if (LooksLikeIdentifier(feature))
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.IdentifierAsFeature, location,
                ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.MarkGroupKey, "true"),
                $"Feature '{feature.Name}' looks like an identifier: if it repeats across rows (a patient, a customer, a device) it is a group key — mark it [GroupKey] and split with SplitKind.Grouped so no group is on both sides; if it is unique per row, mark it [Ignore]; as a feature it only lets the model memorise"));

        if (knownAtAttribute is not null && KnownTooLate(feature, knownAtAttribute) is { } timing)
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FeatureKnownAfterLabel, location,
                $"Feature '{feature.Name}' is declared [KnownAt(FeatureTiming.{timing})]: it is not known when the model predicts, so training on it learns from the outcome itself; keep it as metadata ([Ignore] or [Slice]) instead of [Feature]"));

        IPropertySymbol? label = feature.ContainingType.GetMembers().OfType<IPropertySymbol>()
            .FirstOrDefault(member => LeakageSymbols.HasAttribute(member, labelAttribute));
        if (label is null) return;

        HashSet<string> helpers = callables.GetOrAdd(declaration.SyntaxTree, tree => CallableNames.Of(tree, context.CancellationToken));
        if (ReadsLabel(declaration, label, helpers, context.SemanticModel, new HashSet<ISymbol>(SymbolEqualityComparer.Default), HelperDepth) is { } path)
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LabelLeakage, location,
                $"Feature '{feature.Name}' is computed from the label '{label.Name}'{path}: the model sees the answer during training and cannot at prediction time; compute it from other inputs"));
    }

    /// <summary>" (through Helper)" or "" when the body reads the label, null when it does not.</summary>
    /// <remarks>Only identifiers spelled like the label or like a helper of this tree (<paramref name="helpers"/>) are bound.</remarks>
    private static string? ReadsLabel(SyntaxNode body, IPropertySymbol label, HashSet<string> helpers, SemanticModel model, HashSet<ISymbol> visited, int depth)
    {
        foreach (SyntaxNode node in body.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier) continue;
            string name = identifier.Identifier.ValueText;
            if (name != label.Name && !helpers.Contains(name)) continue;
            ISymbol? symbol = model.GetSymbolInfo(identifier).Symbol;
            if (SymbolEqualityComparer.Default.Equals(symbol, label)) return "";
            if (depth == 0 || symbol is not IMethodSymbol method || !visited.Add(method)) continue;
            foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
            {
                // Helpers in the same file are followed; the semantic model covers one tree.
                if (reference.SyntaxTree != model.SyntaxTree) continue;
                if (ReadsLabel(reference.GetSyntax(), label, helpers, model, visited, depth - 1) is not null) return $" (through {method.Name})";
            }
        }
        return null;
    }

    /// <summary>"WithLabel" or "AfterLabel" when the member is declared known only then, otherwise null.</summary>
    private static string? KnownTooLate(IPropertySymbol member, INamedTypeSymbol knownAtAttribute)
    {
        foreach (AttributeData data in member.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(data.AttributeClass, knownAtAttribute) || data.ConstructorArguments.Length != 1) continue;
            return data.ConstructorArguments[0].Value switch { 1 => "WithLabel", 2 => "AfterLabel", _ => null };
        }
        return null;
    }

    private static bool LooksLikeIdentifier(IPropertySymbol feature)
    {
        string name = feature.Name;
        bool idName = name.Equals("Id", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("ID", StringComparison.Ordinal);
        return idName && feature.Type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_String;
    }
}
