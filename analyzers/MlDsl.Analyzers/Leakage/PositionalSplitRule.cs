using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0019 for rows filtered into a part by their position or by chance: <c>Where((s, i) =&gt; i % 5 == 0)</c> (a
/// "systematic sample"), <c>Where(_ =&gt; random.NextDouble() &lt; 0.8)</c>. Each row is placed on its own, so over rows with a
/// [GroupKey] the rows of one group fall on both sides, and over rows with a [Timestamp] the parts interleave in time.
/// A filter that reads the group key (<c>r.Patient % 5 == 0</c>, a hash of it) or the timestamp places rows by group or
/// by time and stays silent, as does a filter whose rows are not fitted on, validated or tested on (thinning a series
/// before a proper split). The complementary filter of the same rows is the same split: reported once, on the first.
/// </summary>
internal static class PositionalSplitRule
{
    public static void Check(OperationAnalysisContext context, IInvocationOperation call, LeakageSymbols symbols)
    {
        if (!IsPlacingFilter(call, out IAnonymousFunctionOperation? predicate, out INamedTypeSymbol? row)) return;
        bool grouped = row!.GetMembers().Any(member => LeakageSymbols.HasAttribute(member, symbols.GroupKeyAttribute));
        bool timed = row.GetMembers().Any(member => LeakageSymbols.HasAttribute(member, symbols.TimestampAttribute));
        if (!grouped && !timed) return;
        if (predicate!.Body.Descendants().OfType<IMemberReferenceOperation>().Any(member => member.Instance is IParameterReferenceOperation
            && (LeakageSymbols.HasAttribute(member.Member, symbols.GroupKeyAttribute) || LeakageSymbols.HasAttribute(member.Member, symbols.TimestampAttribute))))
            return;
        if (ModelUse.Of(call, symbols) == ModelUse.Role.None || HasEarlierFilterOfSameRows(call)) return;
        string reason = grouped
            ? $"{row.Name} has a [GroupKey], but these rows are placed in a part one by one, by their position or by chance: rows of one group land in both training and test, so the test score measures recognising the group; place whole groups (filter on the group key), or use Split with SplitKind.Grouped"
            : $"{row.Name} has a [Timestamp], but these rows are placed in a part one by one, by their position or by chance: training and test rows interleave in time and the model trains on the future of its test rows; cut at a point in time, or use Split with SplitKind.ByTime";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SplitIgnoresGroupsOrTime, call.Syntax.GetLocation(), reason));
    }

    /// <summary>A LINQ <c>Where</c> whose predicate places a row by the remainder of its index or by a random draw.</summary>
    private static bool IsPlacingFilter(IInvocationOperation call, out IAnonymousFunctionOperation? predicate, out INamedTypeSymbol? row)
    {
        predicate = null;
        row = null;
        if (call.TargetMethod.Name != "Where" || call.TargetMethod.ContainingType?.Name is not ("Enumerable" or "Queryable")) return false;
        row = call.TargetMethod.TypeArguments.FirstOrDefault() as INamedTypeSymbol;
        predicate = call.Arguments.LastOrDefault()?.Value.DescendantsAndSelf().OfType<IAnonymousFunctionOperation>().FirstOrDefault();
        if (row is null || predicate is null) return false;
        IParameterSymbol? index = predicate.Symbol.Parameters.Length == 2 ? predicate.Symbol.Parameters[1] : null;
        foreach (IOperation node in predicate.Body.Descendants())
        {
            if (index is not null && node is IBinaryOperation { OperatorKind: BinaryOperatorKind.Remainder } remainder
                && remainder.LeftOperand.DescendantsAndSelf().OfType<IParameterReferenceOperation>().Any(reference => SymbolEqualityComparer.Default.Equals(reference.Parameter, index)))
                return true;
            if (node is IInvocationOperation { TargetMethod: { Name: "Next" or "NextDouble" or "NextSingle" or "NextInt64" or "GetInt32", ContainingType.Name: "Random" or "RandomNumberGenerator" } })
                return true;
        }
        return false;
    }

    /// <summary>Whether a placing filter of the same rows (the same receiver) comes earlier in the same body: the other side of this split.</summary>
    private static bool HasEarlierFilterOfSameRows(IInvocationOperation call)
    {
        IOperation root = call;
        while (root.Parent is not null) root = root.Parent;
        string rows = Receiver(call)?.Syntax.ToString() ?? "";
        return root.Descendants().OfType<IInvocationOperation>().Any(other => other.Syntax.SpanStart < call.Syntax.SpanStart
            && IsPlacingFilter(other, out _, out _) && (Receiver(other)?.Syntax.ToString() ?? "") == rows);
    }

    private static IOperation? Receiver(IInvocationOperation call)
    {
        IOperation? receiver = call.Instance ?? call.Arguments.FirstOrDefault()?.Value;
        while (receiver is IConversionOperation conversion) receiver = conversion.Operand;
        return receiver;
    }
}
