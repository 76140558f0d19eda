using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0029 outside the row type: a plain feature slot filled, in a projection or a helper (<c>l with { Signal =
/// l.TotalPayment / l.Amount }</c>, <c>new Loan { Signal = Paid(raw) }</c>), from a member of the same row declared
/// <c>[KnownAt(WithLabel)]</c> or <c>[KnownAt(AfterLabel)]</c>, read directly, through locals, helpers or the row's computed
/// members. Such a feature is known only with the outcome, wherever it was computed. A late value copied into metadata
/// ([Ignore], [Slice]), into the label, or read from an earlier row (known by now, like a lagged label) stays silent; a
/// slot declared late itself is reported at its declaration.
/// </summary>
internal sealed partial class EntanglementRule
{
    private void LateValuesInFeatureSlots(OperationAnalysisContext context, ITypeSymbol type, string primary, IOperation? current,
        List<(ISymbol Target, ISimpleAssignmentOperation Assignment, List<Read> Reads)> assignments)
    {
        if (knownAt is null) return;
        foreach ((ISymbol target, ISimpleAssignmentOperation assignment, List<Read> reads) in assignments)
        {
            if (!LeakageSymbols.HasAttribute(target, feature) || LeakageSymbols.HasAttribute(target, label)
                || DatasetLeakageAnalyzer.KnownTooLate(target, knownAt) is not null) continue;
            bool readOffTheRow = false;
            foreach (Read read in reads)
            {
                if (read.Instance != primary && read.Instance != AnyRow) continue;
                if (LateMember(read.Member, context.Compilation, HelperDepth) is not { } late) continue;
                readOffTheRow = true;
                string through = SymbolEqualityComparer.Default.Equals(late, read.Member) ? "" : $" (through {read.Member.Name})";
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FeatureKnownAfterLabel, assignment.Syntax.GetLocation(),
                    $"Feature '{target.Name}' of {type.Name} is computed from '{late.Name}'{through}, declared [KnownAt(FeatureTiming.{DatasetLeakageAnalyzer.KnownTooLate(late, knownAt)})]: it is not known when the model predicts, so training on it learns from the outcome itself; compute it from values known before the label, or keep the value as metadata ([Ignore] or [Slice])"));
                break;
            }
            if (!readOffTheRow && !LateValuesLookedUp(context, type, primary, target, assignment)
                && !LateValuesZippedBack(context, type, current, target, assignment))
                LateValuesAtOwnPosition(context, type, current, target, assignment);
        }
    }

    /// <summary>
    /// The late member a read of <paramref name="member"/> stands for: the member itself when declared known with or after
    /// the label, or one a computed member of a row reads of its own row (<c>Collected =&gt; TotalPayment - Amount</c>); labels
    /// excepted (their own rules say when reading one leaks).
    /// </summary>
    private ISymbol? LateMember(ISymbol member, Compilation compilation, int depth)
    {
        if (LeakageSymbols.HasAttribute(member, label)) return null;
        if (DatasetLeakageAnalyzer.KnownTooLate(member, knownAt!) is not null) return member;
        if (depth == 0 || member is not IPropertySymbol { GetMethod: { } getter } property || property.ContainingType is not { } owner
            || !LeakageSymbols.HasAttribute(owner, dataset)) return null;
        // A getter of this compilation (MethodSummary.Body skips the trees of others): an auto-property has no body.
        if (Flow.MethodSummary.Body(compilation, getter) is not { } body) return null;
        foreach (IMemberReferenceOperation read in body.DescendantsAndSelf().OfType<IMemberReferenceOperation>())
            if (read.Instance is IInstanceReferenceOperation && !SymbolEqualityComparer.Default.Equals(read.Member, member)
                && LateMember(read.Member, compilation, depth - 1) is { } late) return late;
        return null;
    }
}
