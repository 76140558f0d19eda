using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0019 for cross-validation: any call that cuts rows into folds by a <c>FoldOptions</c>
/// (<c>Folds.Of</c>, <c>CrossValidation.Run</c>, <c>GridSearch.CrossValidate</c>, <c>RandomSearch.CrossValidate</c>,
/// a helper of one's own) over rows with a [GroupKey] or [Timestamp], whose fold kind is not
/// <c>Grouped</c> or <c>TimeSeries</c>: a group in both a fold's training and validation rows, or a
/// fold trained on the future, inflates every fold score and whatever the scores choose.
/// </summary>
internal static class FoldKindRule
{
    public static void Check(OperationAnalysisContext context, IInvocationOperation call, LeakageSymbols symbols)
    {
        if (symbols.FoldOptions is not { } foldOptions || call.TargetMethod.TypeArguments.IsDefaultOrEmpty) return;
        IParameterSymbol? parameter = call.TargetMethod.Parameters.FirstOrDefault(p => SymbolEqualityComparer.Default.Equals(p.Type, foldOptions));
        if (parameter is null || call.TargetMethod.TypeArguments.FirstOrDefault() is not INamedTypeSymbol row
            || !LeakageSymbols.HasAttribute(row, symbols.DatasetAttribute)) return;
        bool grouped = row.GetMembers().Any(member => LeakageSymbols.HasAttribute(member, symbols.GroupKeyAttribute));
        bool timed = row.GetMembers().Any(member => LeakageSymbols.HasAttribute(member, symbols.TimestampAttribute));
        if (!grouped && !timed) return;

        IArgumentOperation? options = call.Arguments.FirstOrDefault(argument => SymbolEqualityComparer.Default.Equals(argument.Parameter, parameter)
            && argument.ArgumentKind != ArgumentKind.DefaultValue);
        string kind = OptionsKind.Of(options?.Value, out bool known) ?? "KFold";
        if (!known) return; // options built elsewhere: nothing certain to say
        if (grouped && kind == "Grouped" || timed && kind == "TimeSeries") return;

        string reason = grouped
            ? $"{row.Name} has a [GroupKey], but these are {kind} folds: rows of one group land in a fold's training and its validation rows, so every fold score (and what it chooses) measures recognising the group; use FoldKind.Grouped"
            : $"{row.Name} has a [Timestamp], but these are {kind} folds: folds train on rows later than the ones they are scored on, so fold scores are too good; use FoldKind.TimeSeries";
        Location location = (options?.Syntax ?? call.Syntax).GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SplitIgnoresGroupsOrTime, location, reason));
    }
}
