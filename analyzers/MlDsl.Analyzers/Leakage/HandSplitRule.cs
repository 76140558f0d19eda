using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0019 for a split written by hand: rows with a [GroupKey] or a [Timestamp] shuffled (<c>OrderBy(_ =&gt; random.Next())</c>,
/// <c>OrderBy(_ =&gt; Guid.NewGuid())</c>, <c>random.Shuffle(array)</c>) and then cut (<c>Take</c>/<c>Skip</c>/<c>GetRange</c>, a range)
/// is a random split. Rows ordered by their timestamp and cut are a time split; shuffling the groups (users) and taking
/// the rows of the groups taken is a grouped split: both silent.
/// </summary>
internal static class HandSplitRule
{
    private static readonly HashSet<string> RandomDraws = new(System.StringComparer.Ordinal)
    {
        "Next", "NextDouble", "NextSingle", "NextInt64", "NewGuid", "GetInt32",
    };

    private static readonly HashSet<string> Cuts = new(System.StringComparer.Ordinal)
    {
        "Take", "Skip", "TakeLast", "SkipLast", "GetRange", "Slice", "Chunk",
    };

    public static void Check(OperationAnalysisContext context, IInvocationOperation call, LeakageSymbols symbols)
    {
        IOperation? rows;
        switch (call.TargetMethod.Name)
        {
            case "OrderBy" or "OrderByDescending" when call.Arguments.Length == 2 && call.Arguments[1].Value.DescendantsAndSelf()
                .OfType<IInvocationOperation>().Any(draw => RandomDraws.Contains(draw.TargetMethod.Name)
                    && draw.TargetMethod.ContainingType?.Name is "Random" or "Guid" or "RandomNumberGenerator"):
                rows = call;
                break;
            case "Shuffle" when call.TargetMethod.ContainingType?.Name == "Random" && call.Arguments.Length == 1:
                rows = call.Arguments[0].Value;
                break;
            // A Fisher–Yates shuffle written in a helper shuffles the collection it is given, as Random.Shuffle does.
            case var _ when HandWrittenShuffle.ShuffledBy(call) is { } shuffled:
                rows = shuffled;
                break;
            default:
                return;
        }
        ITypeSymbol? element = call.TargetMethod.Name is "OrderBy" or "OrderByDescending" ? call.TargetMethod.TypeArguments.FirstOrDefault() : Element(rows.Type);
        if (element is not INamedTypeSymbol row) return;
        bool grouped = row.GetMembers().Any(member => LeakageSymbols.HasAttribute(member, symbols.GroupKeyAttribute));
        bool timed = row.GetMembers().Any(member => LeakageSymbols.HasAttribute(member, symbols.TimestampAttribute));
        if (!grouped && !timed || !IsCut(rows, call)) return;
        string reason = grouped
            ? $"{row.Name} has a [GroupKey], but these rows are shuffled and cut by hand, a random split: rows of one group can land in both training and test, so the test score measures recognising the group; shuffle the groups and take their rows, or use Split with SplitKind.Grouped"
            : $"{row.Name} has a [Timestamp], but these rows are shuffled and cut by hand, a random split: the model trains on the future and is tested on the past; order them by time before the cut, or use Split with SplitKind.ByTime";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SplitIgnoresGroupsOrTime, call.Syntax.GetLocation(), reason));
    }

    /// <summary>Whether the shuffled rows are cut: directly, through ToList/ToArray, or through the local they are kept in.</summary>
    private static bool IsCut(IOperation? rows, IInvocationOperation shuffle)
    {
        for (int hops = 0; hops < 6 && rows is not null; hops++)
        {
            // A helper's first argument has the helper as its receiver call: the rows it shuffles are not cut by it.
            if (RowsReceiver.Of(rows) is { } owner && owner != shuffle)
            {
                if (Cuts.Contains(owner.TargetMethod.Name)) return true;
                if (owner.TargetMethod.Name is not ("ToList" or "ToArray" or "AsEnumerable" or "Select")) return false;
                rows = owner;
                continue;
            }
            IOperation? parent = rows.Parent;
            while (parent is IConversionOperation) parent = parent.Parent;
            if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }) return LocalIsCut(declarator.Symbol, rows);
            while (rows is IConversionOperation conversion) rows = conversion.Operand;
            return rows is ILocalReferenceOperation local && LocalIsCut(local.Local, rows);
        }
        return false;
    }

    private static bool LocalIsCut(ILocalSymbol local, IOperation near)
    {
        foreach (ILocalReferenceOperation reference in LocalReferences.Of(near).ReferencesTo(local))
        {
            if (RowsReceiver.Of(reference) is { } owner && Cuts.Contains(owner.TargetMethod.Name)) return true;
            // shuffled[..cut], shuffled[cut..]
            if (reference.Syntax.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ElementAccessExpressionSyntax { ArgumentList.Arguments: [{ Expression: Microsoft.CodeAnalysis.CSharp.Syntax.RangeExpressionSyntax }] } access
                && access.Expression == reference.Syntax)
                return true;
        }
        return false;
    }

    private static ITypeSymbol? Element(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol { TypeArguments.Length: 1 } named => named.TypeArguments[0],
        _ => null,
    };
}
