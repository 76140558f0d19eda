using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Declarations.Models;
using MlDsl.Declarations.Parsing;
using MlDsl.Shapes;

namespace MlDsl.Analyzers;

/// <summary>
/// A model with batch-statistics layers (BatchNorm1d, BatchNorm2d) trained with <c>BatchSize = 1</c>, in a
/// <c>Fit</c> call's options or a pipeline's [Train]. Where a layer has one value per channel in an
/// example (BatchNorm1d on flat rows, BatchNorm2d on a 1×1 map) every batch gives each channel a single
/// value and the model is broken for certain (TorchSharp 0.107 does not refuse as PyTorch does: the running
/// variance becomes NaN and so does every prediction): MLDSL0031, an error on that layer. Elsewhere one example's
/// statistics are merely noisy and unlike the running averages used at prediction: MLDSL0024, a suggestion
/// on the batch size.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BatchSizeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.BatchNormWithBatchOfOne, DiagnosticDescriptors.BatchNormSingleValuePerChannel);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            MlDslTypes types = MlDslTypes.For(start.Compilation);
            INamedTypeSymbol? model = types.Get(ModelParser.ModelAttribute);
            INamedTypeSymbol? pipeline = types.Get(PipelineParser.PipelineAttribute);
            INamedTypeSymbol? train = types.Get("MlDsl.TrainAttribute");
            if (model is null || pipeline is null || train is null) return;
            ModelDeclarations models = ModelDeclarations.For(start.Compilation);
            start.RegisterOperationAction(operation => AnalyzeFit(operation, model, models), OperationKind.Invocation);
            start.RegisterSymbolAction(symbol => AnalyzePipeline(symbol, pipeline, train, model, models), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeFit(OperationAnalysisContext context, INamedTypeSymbol modelAttribute, ModelDeclarations models)
    {
        var fit = (IInvocationOperation)context.Operation;
        if (fit.TargetMethod.Name != "Fit" || BatchNormLayers(fit.TargetMethod.ContainingType, modelAttribute, models) is not { Count: > 0 } layers) return;
        IArgumentOperation? options = fit.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == "options");
        IOperation? value = options?.Value;
        while (value is IConversionOperation conversion) value = conversion.Operand;
        ISimpleAssignmentOperation? batch = (value as IObjectCreationOperation)?.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
            .FirstOrDefault(assignment => assignment.Target is IPropertyReferenceOperation { Property.Name: "BatchSize" });
        if (batch?.Value.ConstantValue is not { HasValue: true, Value: 1 }) return;
        string where = context.ContainingSymbol is { } caller ? $"the Fit call in '{caller.ContainingType?.Name}.{caller.Name}'" : "a Fit call";
        Report(context.ReportDiagnostic, fit.TargetMethod.ContainingType, layers, batch.Syntax.GetLocation(), where);
    }

    private static void AnalyzePipeline(SymbolAnalysisContext context, INamedTypeSymbol pipelineAttribute, INamedTypeSymbol trainAttribute, INamedTypeSymbol modelAttribute,
        ModelDeclarations models)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        AttributeData? pipeline = type.GetAttributes().FirstOrDefault(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, pipelineAttribute));
        AttributeData? train = type.GetAttributes().FirstOrDefault(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, trainAttribute));
        if (pipeline?.ConstructorArguments.FirstOrDefault().Value is not INamedTypeSymbol model || train is null) return;
        if (!train.NamedArguments.Any(argument => argument.Key == "BatchSize" && argument.Value.Value is 1)) return;
        if (BatchNormLayers(model, modelAttribute, models) is not { Count: > 0 } layers) return;
        Location location = train.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations[0];
        Report(context.ReportDiagnostic, model, layers, location, $"the [Train] of pipeline '{type.Name}'");
    }

    /// <param name="trigger">Where BatchSize = 1 is written; MLDSL0031 names it in words and points at it as a second location.</param>
    private static void Report(System.Action<Diagnostic> report, INamedTypeSymbol model, IReadOnlyList<ResolvedLayer> layers, Location trigger, string where)
    {
        var noisy = new List<string>();
        foreach (ResolvedLayer layer in layers)
        {
            if (LayerCatalogue.Find(layer.Spec.Kind).ValuesPerStatistic(layer.Input) > 1)
            {
                noisy.Add(layer.Spec.FieldName);
                continue;
            }
            string unit = layer.Input.Rank == 1 ? "feature" : "channel";
            report(Diagnostic.Create(DiagnosticDescriptors.BatchNormSingleValuePerChannel,
                ModelParser.LocationOf(model, layer.Spec) ?? trigger, new[] { trigger },
                $"{layer.Spec.Describe()} receives {layer.Input}, one value per {unit} in each example, and {where} trains with BatchSize = 1: "
                + $"every batch gives each {unit} a single value, whose variance is undefined: PyTorch refuses to train ('Expected more than 1 value per channel when training') "
                + "and TorchSharp trains on but turns the running variance into NaN, so every prediction after training is NaN; "
                + "use batches of 2 or more (16 or more for steady statistics)"));
        }
        if (noisy.Count > 0)
            report(Diagnostic.Create(DiagnosticDescriptors.BatchNormWithBatchOfOne, trigger,
                $"'{model.Name}' has batch-normalisation layers ({string.Join(", ", noisy)}) but trains with BatchSize = 1: statistics of a single example are noisy and unlike the running averages used at prediction; batches of 16 or more train more steadily"));
    }

    private static IReadOnlyList<ResolvedLayer> BatchNormLayers(INamedTypeSymbol type, INamedTypeSymbol modelAttribute, ModelDeclarations models)
    {
        AttributeData? attribute = type.GetAttributes().FirstOrDefault(data => SymbolEqualityComparer.Default.Equals(data.AttributeClass, modelAttribute));
        if (attribute is null || models.Parse(type, attribute) is not ModelSpec model) return System.Array.Empty<ResolvedLayer>();
        return model.Layers.Where(layer => LayerCatalogue.Find(layer.Spec.Kind).UsesBatchStatistics).ToArray();
    }
}
