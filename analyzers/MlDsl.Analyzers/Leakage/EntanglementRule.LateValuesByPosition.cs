using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0029 for late values kept in a positional copy of the rows: <c>upgrades = bookings.Select(b =&gt; b.RoomUpgrade).ToArray()</c>
/// holds row k's <c>[KnownAt(WithLabel)]</c> value at position k, so <c>upgrades[i]</c> read for row <c>i</c> of the same
/// collection (<c>bookings.Select((b, i) =&gt; b with { DailyRate = b.DailyRate + upgrades[i] })</c>, or <c>bookings[i]</c> in a
/// loop) is the row's own late value. Reported on the assignment, as a late member read off the row is. Another position
/// (<c>upgrades[i - 1]</c>, an earlier row's value, known by now), a copy that filters or reorders the rows (positions no longer
/// line up) and a copy of values known before the label stay silent.
/// </summary>
internal sealed partial class EntanglementRule
{
    private void LateValuesAtOwnPosition(OperationAnalysisContext context, ITypeSymbol type, IOperation? current, ISymbol target, ISimpleAssignmentOperation assignment)
    {
        if (IndexedRow(current) is not { } row) return;
        string collection = Key(row.Collection);
        foreach (IOperation node in Values(assignment.Value, HelperDepth))
        {
            if (node is not (IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true } or IInvocationOperation)
                || RowWindow.Element(node) is not { } element || element.Index != row.Index || element.From != row.From
                || PositionalCopy(element.Collection, collection, context.Compilation) is not { } late) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FeatureKnownAfterLabel, assignment.Syntax.GetLocation(),
                $"Feature '{target.Name}' of {type.Name} reads '{late.Name}' of its own row from a copy of the rows' values ({node.Syntax}), declared [KnownAt(FeatureTiming.{DatasetLeakageAnalyzer.KnownTooLate(late, knownAt!)})]: it is not known when the model predicts, so training on it learns from the outcome itself; compute it from values known before the label, or keep the value as metadata ([Ignore] or [Slice])"));
            return;
        }
    }

    /// <summary>
    /// For a local made by projecting every row of <paramref name="collection"/> in order (<c>rows.Select(r =&gt; ... r.Late ...)</c>,
    /// then <c>ToArray</c>, <c>ToList</c>): the late member the projection reads of its row; null for anything else.
    /// </summary>
    private ISymbol? PositionalCopy(IOperation copy, string collection, Compilation compilation)
    {
        while (copy is IConversionOperation conversion) copy = conversion.Operand;
        if (copy is not ILocalReferenceOperation local || Initializer(local) is not { } made) return null;
        for (int hops = 0; hops < 4; hops++)
        {
            while (made is IConversionOperation conversion) made = conversion.Operand;
            if (made is not IInvocationOperation { TargetMethod.Name: "ToArray" or "ToList" or "AsEnumerable" or "Select" } call) return null;
            IOperation? source = call.Instance ?? call.Arguments.FirstOrDefault()?.Value;
            if (source is null) return null;
            if (call.TargetMethod.Name != "Select")
            {
                made = source;
                continue;
            }
            if (Key(source) != collection || call.Arguments.Select(argument => Lambda(argument.Value)).LastOrDefault(lambda => lambda is not null) is not { } selector
                || selector.Symbol.Parameters.Length == 0) return null;
            IParameterSymbol own = selector.Symbol.Parameters[0];
            foreach (IMemberReferenceOperation read in selector.Body.Descendants().OfType<IMemberReferenceOperation>())
                if (read.Instance is IParameterReferenceOperation { Parameter: var owner } && SymbolEqualityComparer.Default.Equals(owner, own)
                    && LateMember(read.Member, compilation, HelperDepth) is { } late)
                    return late;
            return null;
        }
        return null;
    }
}
