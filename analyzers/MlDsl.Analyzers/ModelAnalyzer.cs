using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Declarations.Parsing;
using MlDsl.Shapes;

namespace MlDsl.Analyzers;

/// <summary>
/// Reports every [Dataset] and [Model] mistake while the user types, from the same parsing and shape
/// inference the generator uses, so the IDE and the generated code never disagree.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.All.ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            MlDslTypes types = MlDslTypes.For(start.Compilation);
            INamedTypeSymbol? datasetAttribute = types.Get(DatasetParser.DatasetAttribute);
            INamedTypeSymbol? modelAttribute = types.Get(ModelParser.ModelAttribute);
            if (datasetAttribute is null || modelAttribute is null) return; // MlDsl is not referenced
            ModelDeclarations models = ModelDeclarations.For(start.Compilation);

            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, datasetAttribute, modelAttribute, models), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol datasetAttribute, INamedTypeSymbol modelAttribute, ModelDeclarations models)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, datasetAttribute))
                Report(context, models.Dataset(type).Diagnostics);
            else if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, modelAttribute) && models.Parse(type, attribute) is { } model)
                Report(context, model.Diagnostics);
            else if (SymbolNames.Is(attribute.AttributeClass, BlockParser.BlockAttribute))
                Report(context, BlockParser.Parse(type).Diagnostics);
            else if (IsPipeline(attribute.AttributeClass))
                Report(context, PipelineParser.Parse(type, attribute).Diagnostics);
        }
    }

    /// <summary>The [Pipeline] attribute by its full name.</summary>
    internal static bool IsPipeline(INamedTypeSymbol? attributeClass) => SymbolNames.Is(attributeClass, PipelineParser.PipelineAttribute);

    private static void Report(SymbolAnalysisContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        // The generator reports the declarations it cannot extend (see DiagnosticInfo.BlocksGeneration); reporting them here too would show them twice.
        foreach (DiagnosticInfo diagnostic in diagnostics)
            if (!diagnostic.BlocksGeneration)
                context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Compilation));
    }
}
