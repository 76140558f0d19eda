using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MlDsl.Declarations.Parsing;

namespace MlDsl.Analyzers;

/// <summary>
/// Layer members are assigned and used by generated code. When a model is broken there is no
/// generated code, and the compiler's "never assigned / never used / non-nullable" warnings would
/// bury the one diagnostic that says what is wrong; this suppresses them on layer fields only.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LayerFieldSuppressor : DiagnosticSuppressor
{
    private static readonly ImmutableArray<SuppressionDescriptor> Suppressions = new[]
    {
        ("CS0169", "The field is used by the generated forward pass"),
        ("CS0649", "The field is assigned by the generated constructor"),
        ("CS8618", "The field is assigned by the generated constructor"),
        ("IDE0044", "The field is assigned by the generated constructor"),
        ("IDE0051", "The field is used by the generated forward pass"),
    }.Select(pair => new SuppressionDescriptor("MLDSLSPR_" + pair.Item1, pair.Item1, pair.Item2)).ToImmutableArray();

    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions => Suppressions;

    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        INamedTypeSymbol? layerAttribute = context.Compilation.GetTypeByMetadataName("MlDsl.LayerAttribute");
        INamedTypeSymbol? modelAttribute = context.Compilation.GetTypeByMetadataName("MlDsl.ModelAttribute");
        if (layerAttribute is null || modelAttribute is null) return;

        foreach (Diagnostic diagnostic in context.ReportedDiagnostics)
        {
            SyntaxTree? tree = diagnostic.Location.SourceTree;
            if (tree is null) continue;
            SyntaxNode node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan);
            if (context.GetSemanticModel(tree).GetDeclaredSymbol(node, context.CancellationToken) is not IFieldSymbol field) continue;
            if (!IsLayerField(field, layerAttribute, modelAttribute)) continue;
            context.ReportSuppression(Suppression.Create(Suppressions.First(s => s.SuppressedDiagnosticId == diagnostic.Id), diagnostic));
        }
    }

    /// <summary>
    /// A layer member, a block member (a field whose type is a [Block] class) or a branch member ([Input],
    /// [Concatenate], [Add], [From]; a join without layers holds no module, its field only names it) of a [Model] or [Block].
    /// </summary>
    private static bool IsLayerField(IFieldSymbol field, INamedTypeSymbol layerAttribute, INamedTypeSymbol modelAttribute) =>
        (HasAttribute(field.ContainingType, modelAttribute) || IsBlock(field.ContainingType))
        && (field.GetAttributes().Any(attribute => InheritsFrom(attribute.AttributeClass, layerAttribute) || IsBranchMarker(attribute.AttributeClass))
            || field.Type is INamedTypeSymbol type && IsBlock(type));

    private static bool IsBranchMarker(INamedTypeSymbol? attribute) =>
        attribute?.ToDisplayString() is "MlDsl.InputAttribute" or "MlDsl.ConcatenateAttribute" or "MlDsl.AddAttribute" or "MlDsl.FromAttribute";

    private static bool HasAttribute(INamedTypeSymbol type, INamedTypeSymbol attributeType) =>
        type.GetAttributes().Any(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType));

    private static bool IsBlock(INamedTypeSymbol type) =>
        type.GetAttributes().Any(attribute => SymbolNames.Is(attribute.AttributeClass, "MlDsl.BlockAttribute"));

    private static bool InheritsFrom(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (; type is not null; type = type.BaseType)
            if (SymbolEqualityComparer.Default.Equals(type, baseType)) return true;
        return false;
    }
}
