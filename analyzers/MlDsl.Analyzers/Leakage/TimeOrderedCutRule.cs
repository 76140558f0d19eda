using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0019 for a split by time written by hand that runs against time: rows ordered by a point in time and cut
/// (<c>Take</c>/<c>Skip</c>, <c>TakeLast</c>/<c>SkipLast</c>, <c>GetRange</c>, a range) where the part a model is fitted on
/// lies after the part it is validated or tested on. Newest first (<c>OrderByDescending(w =&gt; w.Week)</c>, or an
/// ascending order reversed), the front part is the later one; oldest first, the back part is. Both uses must be seen:
/// training on the newest rows alone, or a cut only printed, chooses no held-out rows. Reported on the ordering.
/// </summary>
internal static class TimeOrderedCutRule
{
    private enum Part { Front, Back }

    private const int Hops = 6;

    public static void Check(OperationAnalysisContext context, IInvocationOperation call, LeakageSymbols symbols)
    {
        bool reversal = call.TargetMethod is { Name: "Reverse", ReturnsVoid: false };
        if (call.TargetMethod.Name is not ("OrderBy" or "OrderByDescending") && !reversal) return;
        if (!reversal && !TimeOrder.IsTimeKey(call, symbols.TimestampAttribute)) return;
        // A reversal is judged with the ordering it turns round; an ordering that is reversed later is judged there.
        if (!reversal && ReversedLater(call)) return;
        if (TimeOrder.Of(call, symbols.TimestampAttribute) is not { } direction) return;

        ModelUse.Role front = ModelUse.Role.None, back = ModelUse.Role.None;
        foreach ((IOperation cut, Part part) in Cuts(call))
        {
            ModelUse.Role role = ModelUse.Of(cut, symbols);
            if (part == Part.Front) front |= role; else back |= role;
        }
        (ModelUse.Role later, ModelUse.Role earlier) = direction == TimeOrder.Direction.NewestFirst ? (front, back) : (back, front);
        if ((later & ModelUse.Role.Training) == 0 || (earlier & ModelUse.Role.HeldOut) == 0) return;
        string order = direction == TimeOrder.Direction.NewestFirst ? "newest first" : "oldest first";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SplitIgnoresGroupsOrTime, call.Syntax.GetLocation(),
            $"These rows are ordered {order} and cut so that the model is fitted on rows later than the rows it is validated or tested on: it trains on the future of its test rows, and the score says nothing about forecasting; train on the earlier part, hold out the later one, or use Split with SplitKind.ByTime"));
    }

    /// <summary>Whether the ordering's rows are turned round further on (a LINQ <c>Reverse()</c> in its chain).</summary>
    private static bool ReversedLater(IInvocationOperation ordering)
    {
        IOperation current = ordering;
        for (int hops = 0; hops < Hops; hops++)
        {
            if (RowsReceiver.Of(current) is not { } next) return false;
            if (next.TargetMethod is { Name: "Reverse", ReturnsVoid: false }) return true;
            current = next;
        }
        return false;
    }

    /// <summary>The cuts taken of the ordered rows, directly in the chain or of the local that keeps them, and which end each keeps.</summary>
    private static IEnumerable<(IOperation Cut, Part Part)> Cuts(IOperation rows)
    {
        for (int hops = 0; hops < Hops; hops++)
        {
            if (RowsReceiver.Of(rows) is { } owner)
            {
                if (PartOf(owner) is { } part)
                {
                    yield return (owner, part);
                    yield break;
                }
                if (owner.TargetMethod.Name is not ("ToList" or "ToArray" or "AsEnumerable" or "ThenBy" or "ThenByDescending" or "Reverse")) yield break;
                rows = owner;
                continue;
            }
            IOperation? parent = rows.Parent;
            while (parent is IConversionOperation) parent = parent.Parent;
            if (parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }) yield break;
            foreach (ILocalReferenceOperation reference in LocalReferences.Of(rows).UsesOf(declarator.Symbol))
            {
                if (RowsReceiver.Of(reference) is { } cut && PartOf(cut) is { } part) yield return (cut, part);
                else if (Ranged(reference) is { } ranged) yield return ranged;
            }
            yield break;
        }
    }

    /// <summary>Which end of the rows a cut keeps: <c>Take</c>, <c>SkipLast</c>, <c>GetRange(0, n)</c> the front; <c>Skip</c>, <c>TakeLast</c>, <c>GetRange(k, n)</c> the back.</summary>
    private static Part? PartOf(IInvocationOperation cut)
    {
        switch (cut.TargetMethod.Name)
        {
            case "Take" or "SkipLast":
                return Part.Front;
            case "Skip" or "TakeLast":
                return Part.Back;
            case "GetRange" or "Slice":
                IOperation? start = (cut.Instance is null ? cut.Arguments.Skip(1) : cut.Arguments).FirstOrDefault()?.Value;
                return start?.ConstantValue is { HasValue: true, Value: 0 } ? Part.Front : Part.Back;
            default:
                return null;
        }
    }

    /// <summary><c>rows[..cut]</c> keeps the front, <c>rows[cut..]</c> the back.</summary>
    private static (IOperation, Part)? Ranged(ILocalReferenceOperation reference)
    {
        if (reference.Syntax.Parent is not ElementAccessExpressionSyntax { ArgumentList.Arguments: [{ Expression: RangeExpressionSyntax range }] } access
            || access.Expression != reference.Syntax || reference.SemanticModel?.GetOperation(access) is not { } element) return null;
        if (range.LeftOperand is null && range.RightOperand is not null) return (element, Part.Front);
        if (range.LeftOperand is not null && range.RightOperand is null) return (element, Part.Back);
        return null;
    }
}
