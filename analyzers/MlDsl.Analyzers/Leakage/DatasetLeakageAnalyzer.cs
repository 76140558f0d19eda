using System;
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
        ImmutableArray.Create(DiagnosticDescriptors.LabelLeakage, DiagnosticDescriptors.IdentifierAsFeature);

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
            if (dataset is null || feature is null || label is null || groupKey is null) return;
            start.RegisterSyntaxNodeAction(node => AnalyzeProperty(node, dataset, feature, label, groupKey), SyntaxKind.PropertyDeclaration);
        });
    }

    private static void AnalyzeProperty(SyntaxNodeAnalysisContext context, INamedTypeSymbol dataset, INamedTypeSymbol featureAttribute,
        INamedTypeSymbol labelAttribute, INamedTypeSymbol groupKeyAttribute)
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
                $"Feature '{feature.Name}' looks like a per-row identifier: it can only help by memorising rows (or the order they were recorded in); drop [Feature] or mark it [Ignore]"));

        IPropertySymbol? label = feature.ContainingType.GetMembers().OfType<IPropertySymbol>()
            .FirstOrDefault(member => LeakageSymbols.HasAttribute(member, labelAttribute));
        if (label is null) return;

        if (ReadsLabel(declaration, label, context.SemanticModel, new HashSet<ISymbol>(SymbolEqualityComparer.Default), HelperDepth) is { } path)
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LabelLeakage, location,
                $"Feature '{feature.Name}' is computed from the label '{label.Name}'{path}: the model sees the answer during training and cannot at prediction time; compute it from other inputs"));
        else if (label.Name.Length >= 4 && feature.Name.IndexOf(label.Name, StringComparison.OrdinalIgnoreCase) >= 0)
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LabelLeakage, location,
                $"Feature '{feature.Name}' is named like the label '{label.Name}': if it is recorded with or after the outcome it leaks the answer; check it is known at prediction time"));
    }

    /// <summary>" (through Helper)" or "" when the body reads the label, null when it does not.</summary>
    private static string? ReadsLabel(SyntaxNode body, IPropertySymbol label, SemanticModel model, HashSet<ISymbol> visited, int depth)
    {
        foreach (SyntaxNode node in body.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier) continue;
            ISymbol? symbol = model.GetSymbolInfo(identifier).Symbol;
            if (SymbolEqualityComparer.Default.Equals(symbol, label)) return "";
            if (depth == 0 || symbol is not IMethodSymbol method || !visited.Add(method)) continue;
            foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
            {
                // Helpers in the same file are followed; the semantic model covers one tree.
                if (reference.SyntaxTree != model.SyntaxTree) continue;
                if (ReadsLabel(reference.GetSyntax(), label, model, visited, depth - 1) is not null) return $" (through {method.Name})";
            }
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
