using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Declarations.Parsing;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0019: rows that belong together ([GroupKey]) or in time order ([Timestamp]) split as if they
/// were independent. A patient in train and test, or the future predicting the past, inflates scores.
/// </summary>
internal static class SplitKindRule
{
    public static void Check(OperationAnalysisContext context, IInvocationOperation split, LeakageSymbols symbols)
    {
        if (split.TargetMethod.TypeArguments.FirstOrDefault() is not INamedTypeSymbol row) return;
        CheckStratified(context, split, row);
        bool grouped = row.GetMembers().Any(member => LeakageSymbols.HasAttribute(member, symbols.GroupKeyAttribute));
        bool timed = row.GetMembers().Any(member => LeakageSymbols.HasAttribute(member, symbols.TimestampAttribute));
        if (!grouped && !timed) return;

        IArgumentOperation? options = LeakageAnalyzer.Argument(split, "options");
        string? kind = KindOf(options, out bool known);
        if (!known) return; // options built elsewhere: nothing certain to say
        kind ??= "Random";

        // Grouped keeps groups apart; ByTime keeps the future out of training. Either is a sound choice for the data it fits.
        bool sound = grouped && kind == "Grouped" || timed && kind == "ByTime";
        if (sound) return;
        string wanted = grouped ? "Grouped" : "ByTime";
        string reason = wanted == "Grouped"
            ? $"{row.Name} has a [GroupKey], but this is a {kind} split: rows of one group can land in both training and test, so the test score measures recognising the group; use SplitKind.Grouped"
            : $"{row.Name} has a [Timestamp], but this is a {kind} split: the model trains on the future and is tested on the past; use SplitKind.ByTime";
        Location location = (options?.Syntax ?? split.Syntax).GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SplitIgnoresGroupsOrTime, location,
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SplitKind, wanted), reason));
    }

    /// <summary>MLDSL0025: a stratified split needs classes to keep the shares of; a multi-label set or a number has none.</summary>
    private static void CheckStratified(OperationAnalysisContext context, IInvocationOperation split, INamedTypeSymbol row)
    {
        IArgumentOperation? options = LeakageAnalyzer.Argument(split, "options");
        if (KindOf(options, out bool known) != "Stratified" || !known) return;
        if (StratifiedLabel.Problem(row) is not { } problem) return;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StratifiedWithoutClasses, options!.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SplitKind, "Random"), problem));
    }

    /// <summary>The Kind the options hold (<see cref="OptionsKind"/>); null when not set (Random), unknown when the code does not show it.</summary>
    private static string? KindOf(IArgumentOperation? options, out bool known) => OptionsKind.Of(options?.Value, out known);
}
