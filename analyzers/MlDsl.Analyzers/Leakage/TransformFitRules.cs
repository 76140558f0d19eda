using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0016: a transform's statistics must come from the training split only. Flags a fit on the
/// validation or test split, and a fit on data that the same method splits (before or after the fit).
/// </summary>
internal static class TransformFitRules
{

    public static void Check(OperationAnalysisContext context, IInvocationOperation fit, LeakageSymbols symbols)
    {
        IArgumentOperation? data = fit.Arguments.FirstOrDefault();
        if (data is null) return;
        string transform = fit.TargetMethod.ContainingType.Name;

        SplitRole role = SplitRoles.Of(data, symbols);
        if (role is SplitRole.Validation or SplitRole.Test)
        {
            string part = role == SplitRole.Test ? "test" : "validation";
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.ReplaceWithTrain, "true");
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.PreprocessingLeakage, data.Syntax.GetLocation(), properties,
                $"{transform} is fitted on the {part} split: its statistics must come from the training split only, or the {part} score is no longer honest"));
            return;
        }

        if (SplitRoles.Source(data) is not { } source || symbols.IsDataSplit(data.Value.Type)) return;
        IOperation root = fit;
        while (root.Parent is not null) root = root.Parent;
        IInvocationOperation[] splits = root.Descendants().OfType<IInvocationOperation>()
            .Where(call => symbols.IsSplit(call.TargetMethod)
                && SymbolEqualityComparer.Default.Equals(SplitRoles.Source(call.Arguments.FirstOrDefault()), source))
            .ToArray();
        if (splits.Length == 0) return;
        IInvocationOperation split = splits[0];
        int line = split.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        // Moving the fit after the split is offered only where there is one split to move it after.
        ImmutableDictionary<string, string?>? move = splits.Length == 1 ? FitAfterSplit.Plan(fit, data, split, root, symbols) : null;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.PreprocessingLeakage, data.Syntax.GetLocation(), move,
            $"{transform} is fitted on '{source.Name}', which is split on line {line}: its statistics include the validation and test rows; fit it on the split's training rows ({transform}.Fit(split))"));
    }
}
