using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Analyzers.Leakage.Flow;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// Data-leakage rules over imperative code (scripts, notebooks, pipelines' [Ingest] methods): every
/// method body is analysed by <see cref="FlowAnalysis"/>, which follows which rows each value may hold
/// and what was learned from them, and <see cref="FlowRules"/> report where held-out rows leak. How a
/// split is made (MLDSL0019, MLDSL0025) is checked at the call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LeakageAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.PreprocessingLeakage, DiagnosticDescriptors.TestSetSelection,
        DiagnosticDescriptors.SplitIgnoresGroupsOrTime, DiagnosticDescriptors.SameDataTrainAndValidation, DiagnosticDescriptors.StratifiedWithoutClasses,
        DiagnosticDescriptors.RowsMultipliedBeforeSplit, DiagnosticDescriptors.ScoreOnTrainingRows, DiagnosticDescriptors.InSamplePredictions,
        DiagnosticDescriptors.LabelLeakage);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            MlDslTypes types = MlDslTypes.For(start.Compilation);
            if (LeakageSymbols.Resolve(start.Compilation) is not { } symbols) return;
            var flows = new FlowContext(symbols, start.Compilation);
            INamedTypeSymbol? ingest = types.Get("MlDsl.IngestAttribute");
            start.RegisterOperationAction(operation => AnalyzeSplit(operation, symbols), OperationKind.Invocation);
            start.RegisterOperationBlockAction(block => AnalyzeBody(block, flows, ingest));
            start.RegisterSymbolAction(symbol => PipelineSplitRule.Check(symbol, symbols), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeSplit(OperationAnalysisContext context, LeakageSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (symbols.IsSplit(invocation.TargetMethod)) SplitKindRule.Check(context, invocation, symbols);
        else
        {
            FoldKindRule.Check(context, invocation, symbols);
            HandSplitRule.Check(context, invocation, symbols);
            TimeOrderedCutRule.Check(context, invocation, symbols);
            PositionalSplitRule.Check(context, invocation, symbols);
            ChunkDealtSplitRule.Check(context, invocation, symbols);
            PerGroupCutRule.Check(context, invocation, symbols);
        }
    }

    private static void AnalyzeBody(OperationBlockAnalysisContext context, FlowContext flows, INamedTypeSymbol? ingestAttribute)
    {
        if (context.OwningSymbol is not IMethodSymbol method) return;
        bool ingest = ingestAttribute is not null && LeakageSymbols.HasAttribute(method, ingestAttribute);
        foreach (IOperation block in context.OperationBlocks)
        {
            IOperation? body = block is IMethodBodyOperation methodBody ? (IOperation?)methodBody.BlockBody ?? methodBody.ExpressionBody : block;
            if (body is null || !MentionsRows(body, flows)) continue;
            var analysis = new FlowAnalysis(flows, Parameters(method, flows), outer: null, depth: 0, method);
            analysis.Run(body, observe: true);
            FlowRules.Report(analysis, ingest, body, flows.Symbols, context.ReportDiagnostic);

            foreach (ILocalFunctionOperation local in body.Descendants().OfType<ILocalFunctionOperation>())
            {
                if (local.Body is null) continue;
                var inner = new FlowAnalysis(flows, Parameters(local.Symbol, flows), analysis, depth: 0, local.Symbol);
                inner.Run(local.Body, observe: true);
                FlowRules.Report(inner, ingest: false, local.Body, flows.Symbols, context.ReportDiagnostic);
            }
        }
    }

    /// <summary>
    /// Only bodies that touch rows can leak them; the rest are skipped cheaply. A call on an object that keeps rows or a model
    /// (<c>run.TestAccuracy(model)</c> of a class holding its Test part) touches them too, as does a call returning a model.
    /// </summary>
    private static bool MentionsRows(IOperation body, FlowContext flows) =>
        body.Descendants().Any(operation => operation is IInvocationOperation or IObjectCreationOperation or IWithOperation && flows.IsRowTyped(operation.Type)
            || operation is IInvocationOperation invocation && (flows.Symbols.IsModelType(invocation.TargetMethod.ContainingType)
                || flows.Symbols.IsModelType(invocation.Type as INamedTypeSymbol) || flows.KeepsRowsOrModels(invocation.Instance?.Type)));

    /// <summary>Each parameter is a source of its own, named after it (a parameter named <c>test</c> holds test rows).</summary>
    private static Dictionary<ISymbol, DataFlow> Parameters(IMethodSymbol method, FlowContext flows)
    {
        var bindings = new Dictionary<ISymbol, DataFlow>(SymbolEqualityComparer.Default);
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            DataFlow flow = MethodSummary.Parameter(parameter, parameter.Name, flows);
            if (FlowAnalysis.RoleSegment(parameter.Name) is { } role && flow.Parts.IsDefault) flow = flow.Narrow(role);
            bindings[parameter] = flow;
        }
        return bindings;
    }

    internal static IArgumentOperation? Argument(IInvocationOperation invocation, string parameter) =>
        invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == parameter && argument.ArgumentKind != ArgumentKind.DefaultValue);
}
