using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0019 for rows with a [GroupKey] grouped and cut inside each group: <c>rows.GroupBy(b =&gt; b.Vineyard).SelectMany(g =&gt;
/// g.Take(g.Count() * 4 / 5))</c> to training and <c>...SelectMany(g =&gt; g.Skip(...))</c> to test. Every group gives rows to both
/// parts, so a group's rows fall on both sides, as when chunks are dealt by place (<see cref="ChunkDealtSplitRule"/>). Whole
/// groups given to one part (<c>groups.Take(k).SelectMany(g =&gt; g)</c>) are a grouped split, and a per-group cut that only
/// feeds training (capping each group's rows) places nothing in a held-out part: both silent. Reported once, at the first
/// cut that feeds training.
/// </summary>
internal static class PerGroupCutRule
{
    private const int MaxHops = 4;

    public static void Check(OperationAnalysisContext context, IInvocationOperation call, LeakageSymbols symbols)
    {
        if (call.TargetMethod.Name is not ("SelectMany" or "Select") || !ChunkDealtSplitRule.TakesByPlace(call)) return;
        if (Groups(call) is not { } grouping || grouping.TargetMethod.TypeArguments.FirstOrDefault() is not INamedTypeSymbol row) return;
        if (!row.GetMembers().Any(member => LeakageSymbols.HasAttribute(member, symbols.GroupKeyAttribute))) return;
        if (!ModelUse.Of(call, symbols).HasFlag(ModelUse.Role.Training)) return;
        // The other cuts of the same rows grouped the same way, in this body: together they must feed a held-out part too.
        IOperation root = call;
        while (root.Parent is not null) root = root.Parent;
        IInvocationOperation[] cuts = root.Descendants().OfType<IInvocationOperation>()
            .Where(other => other.TargetMethod.Name is "SelectMany" or "Select" && ChunkDealtSplitRule.TakesByPlace(other)
                && Groups(other) is { } otherGrouping && SameGrouping(otherGrouping, grouping))
            .ToArray();
        ModelUse.Role dealtTo = cuts.Aggregate(ModelUse.Role.None, (role, cut) => role | ModelUse.Of(cut, symbols));
        if (dealtTo != (ModelUse.Role.Training | ModelUse.Role.HeldOut)) return;
        if (cuts.FirstOrDefault(cut => ModelUse.Of(cut, symbols).HasFlag(ModelUse.Role.Training)) != call) return;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SplitIgnoresGroupsOrTime, call.Syntax.GetLocation(),
            $"{row.Name} has a [GroupKey], but these rows are grouped and each group is cut into training and held-out parts: rows of one group land in both, so the test score measures recognising the group; place whole groups in one part, or use Split with SplitKind.Grouped"));
    }

    /// <summary>The GroupBy whose groups a projection runs over: its receiver, through ToList/ToArray/AsEnumerable or a local.</summary>
    private static IInvocationOperation? Groups(IInvocationOperation projection)
    {
        IOperation? groups = projection.Instance ?? projection.Arguments.FirstOrDefault()?.Value;
        for (int hops = 0; hops < MaxHops && groups is not null; hops++)
        {
            while (groups is IConversionOperation conversion) groups = conversion.Operand;
            switch (groups)
            {
                case IInvocationOperation { TargetMethod.Name: "GroupBy", TargetMethod.ContainingType.Name: "Enumerable" or "Queryable" } grouping:
                    return grouping;
                case IInvocationOperation { TargetMethod.Name: "ToList" or "ToArray" or "AsEnumerable" } copy:
                    groups = copy.Instance ?? copy.Arguments.FirstOrDefault()?.Value;
                    break;
                case ILocalReferenceOperation local:
                    groups = LocalReferences.Of(local).OnlyValueOf(local.Local);
                    break;
                default:
                    return null;
            }
        }
        return null;
    }

    /// <summary>The same GroupBy, or one over the same rows (as written) by the same key.</summary>
    private static bool SameGrouping(IInvocationOperation left, IInvocationOperation right) =>
        left == right || left.Arguments.Length == right.Arguments.Length
        && left.Arguments.Zip(right.Arguments, (a, b) => a.Value.Syntax.IsEquivalentTo(b.Value.Syntax, topLevel: false)).All(same => same);
}
