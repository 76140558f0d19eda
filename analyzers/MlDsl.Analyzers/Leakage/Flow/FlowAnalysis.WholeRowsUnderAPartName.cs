using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Every row kept under a part's name (<c>List&lt;Participant&gt; train = participants;</c>, or a plain copy of them with
/// <c>ToList</c>/<c>ToArray</c>): the part is the whole collection, so it holds every subset later taken from that collection
/// (<c>participants.Where(p =&gt; testSites.Contains(p.Site))</c>, an <c>IntersectBy</c>, a slice), the "forgot to remove the test
/// rows" bug. A name given to rows collected one at a time (<c>train.Add(r)</c> in an if/else) names a part of them instead, so
/// only a declaration or assignment that is the whole collection is marked, and none whose list is later emptied of some rows
/// (<c>train.Remove(r)</c>), which is how the other part is then taken out of it.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>The rows a local named like a part is given, marked as the whole collection when the value is every row of it.</summary>
    private static DataFlow WholeRowsUnderAPartName(ISymbol symbol, IOperation value, DataFlow flow)
    {
        if (symbol is not ILocalSymbol local || RoleSegment(local.Name) is null || flow.Rows.IsEmpty || !flow.Parts.IsDefault
            || !EveryRowOf(value, 3) || RowsTakenOut(local, value)) return flow;
        var rows = flow.Rows.Select(origin => origin.Path.Length == 0 && !PartKnownFromData(origin) ? origin.Narrow(Origin.NamedMarker) : origin).ToImmutableHashSet();
        return new DataFlow(rows, flow.Events, flow.TrainedOn, flow.Parts);
    }

    /// <summary>Whether a value is another variable's rows as they are, or a plain copy of them (ToList, ToArray, AsEnumerable, new List&lt;T&gt;(rows)).</summary>
    private static bool EveryRowOf(IOperation? value, int depth)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        if (depth < 0) return false;
        return value switch
        {
            ILocalReferenceOperation or IParameterReferenceOperation => true,
            IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.Length: 0 } => true,
            IInvocationOperation { TargetMethod.Name: "ToList" or "ToArray" or "AsEnumerable", Arguments.Length: <= 1 } copy =>
                EveryRowOf(copy.Instance ?? copy.Arguments.FirstOrDefault()?.Value, depth - 1),
            IObjectCreationOperation { Arguments: [var source], Initializer: null } => EveryRowOf(source.Value, depth - 1),
            _ => false,
        };
    }

    /// <summary>Whether rows are removed from the local anywhere (<c>train.Remove(r)</c>, <c>RemoveAll</c>, <c>RemoveAt</c>, <c>Clear</c>).</summary>
    private static bool RowsTakenOut(ILocalSymbol local, IOperation near) =>
        LocalReferences.Of(near).UsesOf(local).Any(reference => reference.Parent is IInvocationOperation { TargetMethod.Name: "Remove" or "RemoveAll" or "RemoveAt" or "RemoveRange" or "Clear" } call
            && call.Instance == reference);
}
