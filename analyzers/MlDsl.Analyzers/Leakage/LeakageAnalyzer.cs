using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// Data-leakage rules over imperative code (scripts, notebooks, pipelines written by hand): what a
/// transform is fitted on, how a dataset is split, and which split trains or selects a model.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LeakageAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.PreprocessingLeakage, DiagnosticDescriptors.TestSetSelection,
        DiagnosticDescriptors.SplitIgnoresGroupsOrTime, DiagnosticDescriptors.SameDataTrainAndValidation, DiagnosticDescriptors.StratifiedWithoutClasses);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (LeakageSymbols.Resolve(start.Compilation) is not { } symbols) return;
            start.RegisterOperationAction(operation => Analyze(operation, symbols), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, LeakageSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (symbols.IsTransformFit(method))
            TransformFitRules.Check(context, invocation, symbols);
        else if (symbols.IsSplit(method))
            SplitKindRule.Check(context, invocation, symbols);
        else if (symbols.IsModelMethod(method, "Fit"))
            CheckModelFit(context, invocation, symbols);
        else if (symbols.IsModelMethod(method, "Evaluate"))
            CheckEvaluateInTrainingLoop(context, invocation, symbols);
    }

    private static void CheckModelFit(OperationAnalysisContext context, IInvocationOperation fit, LeakageSymbols symbols)
    {
        IArgumentOperation? train = Argument(fit, "train"), validation = Argument(fit, "validation");
        if (validation is null) return;
        if (SplitRoles.Of(validation, symbols) == SplitRole.Test)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TestSetSelection, validation.Syntax.GetLocation(),
                $"The test split is passed as validation to {fit.TargetMethod.ContainingType.Name}.Fit: whatever is chosen by watching it (epochs, early stopping, the best model) is selected on the test set, which then no longer measures anything; pass the validation split"));
            return;
        }
        ISymbol? trainSource = SplitRoles.Source(train), validationSource = SplitRoles.Source(validation);
        if (trainSource is not null && SymbolEqualityComparer.Default.Equals(trainSource, validationSource))
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SameDataTrainAndValidation, validation.Syntax.GetLocation(),
                $"'{trainSource.Name}' is both the training and the validation data of {fit.TargetMethod.ContainingType.Name}.Fit, so validation scores only measure memorisation; validate on rows the model does not train on"));
    }

    private static void CheckEvaluateInTrainingLoop(OperationAnalysisContext context, IInvocationOperation evaluate, LeakageSymbols symbols)
    {
        IArgumentOperation? rows = evaluate.Arguments.FirstOrDefault();
        if (SplitRoles.Of(rows, symbols) != SplitRole.Test) return;
        for (IOperation? parent = evaluate.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is not ILoopOperation loop) continue;
            bool trainsInLoop = loop.Body.Descendants().OfType<IInvocationOperation>().Any(call => symbols.IsModelMethod(call.TargetMethod, "Fit"));
            if (!trainsInLoop) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TestSetSelection, rows!.Syntax.GetLocation(),
                "The test split is evaluated inside a loop that trains models: choosing among them by this score selects on the test set; compare candidates on the validation split and evaluate the chosen one on test once, after the loop"));
            return;
        }
    }

    internal static IArgumentOperation? Argument(IInvocationOperation invocation, string parameter) =>
        invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == parameter && argument.ArgumentKind != ArgumentKind.DefaultValue);
}
