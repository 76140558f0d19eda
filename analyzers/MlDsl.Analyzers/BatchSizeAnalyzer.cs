using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Declarations.Parsing;
using MlDsl.Shapes;

namespace MlDsl.Analyzers;

/// <summary>
/// MLDSL0024: a model with BatchNorm2d layers trained with <c>BatchSize = 1</c>, in a <c>Fit</c> call's
/// options or a pipeline's [Train]. Batch statistics of one example are noisy and unlike the running
/// averages used at prediction, so training and serving see different networks.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BatchSizeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.BatchNormWithBatchOfOne);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? model = start.Compilation.GetTypeByMetadataName(ModelParser.ModelAttribute);
            INamedTypeSymbol? pipeline = start.Compilation.GetTypeByMetadataName(PipelineParser.PipelineAttribute);
            INamedTypeSymbol? train = start.Compilation.GetTypeByMetadataName("MlDsl.TrainAttribute");
            if (model is null || pipeline is null || train is null) return;
            ModelDeclarations models = ModelDeclarations.For(start.Compilation);
            start.RegisterOperationAction(operation => AnalyzeFit(operation, model, models), OperationKind.Invocation);
            start.RegisterSymbolAction(symbol => AnalyzePipeline(symbol, pipeline, train, model, models), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeFit(OperationAnalysisContext context, INamedTypeSymbol modelAttribute, ModelDeclarations models)
    {
        var fit = (IInvocationOperation)context.Operation;
        if (fit.TargetMethod.Name != "Fit" || BatchNormLayers(fit.TargetMethod.ContainingType, modelAttribute, models) is not { Length: > 0 } layers) return;
        IArgumentOperation? options = fit.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == "options");
        IOperation? value = options?.Value;
        while (value is IConversionOperation conversion) value = conversion.Operand;
        ISimpleAssignmentOperation? batch = (value as IObjectCreationOperation)?.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
            .FirstOrDefault(assignment => assignment.Target is IPropertyReferenceOperation { Property.Name: "BatchSize" });
        if (batch?.Value.ConstantValue is { HasValue: true, Value: 1 })
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BatchNormWithBatchOfOne, batch.Syntax.GetLocation(), Message(fit.TargetMethod.ContainingType.Name, layers)));
    }

    private static void AnalyzePipeline(SymbolAnalysisContext context, INamedTypeSymbol pipelineAttribute, INamedTypeSymbol trainAttribute, INamedTypeSymbol modelAttribute,
        ModelDeclarations models)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        AttributeData? pipeline = type.GetAttributes().FirstOrDefault(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, pipelineAttribute));
        AttributeData? train = type.GetAttributes().FirstOrDefault(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, trainAttribute));
        if (pipeline?.ConstructorArguments.FirstOrDefault().Value is not INamedTypeSymbol model || train is null) return;
        if (!train.NamedArguments.Any(argument => argument.Key == "BatchSize" && argument.Value.Value is 1)) return;
        if (BatchNormLayers(model, modelAttribute, models) is not { Length: > 0 } layers) return;
        Location location = train.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations[0];
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BatchNormWithBatchOfOne, location, Message(model.Name, layers)));
    }

    private static string[] BatchNormLayers(INamedTypeSymbol type, INamedTypeSymbol modelAttribute, ModelDeclarations models)
    {
        AttributeData? attribute = type.GetAttributes().FirstOrDefault(data => SymbolEqualityComparer.Default.Equals(data.AttributeClass, modelAttribute));
        if (attribute is null || models.Parse(type, attribute) is not { } model) return System.Array.Empty<string>();
        return model.Layers.Where(layer => LayerCatalogue.Find(layer.Spec.Kind).UsesBatchStatistics).Select(layer => layer.Spec.FieldName).ToArray();
    }

    private static string Message(string model, string[] layers) =>
        $"'{model}' has BatchNorm2d layers ({string.Join(", ", layers)}) but trains with BatchSize = 1: statistics of a single example are noisy and unlike the running averages used at prediction; use batches of 16 or more";
}
