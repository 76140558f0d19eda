using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Runs of positions taken without a LINQ cut, named by their bounds as <c>Take</c>/<c>Skip</c> and ranges are
/// (<see cref="RowSlice"/>): rows picked by an index run (<c>Enumerable.Range(a, n).Select(i =&gt; rows[i])</c> holds the rows at
/// <c>[a, a + n)</c>) and a window of an array (<c>new ArraySegment&lt;T&gt;(rows, offset, count)</c>). Two such runs on either side of
/// one cut are disjoint; two that share positions are the same rows.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>
    /// The slice segment of <c>Enumerable.Range(start, count).Select(i =&gt; rows[i])</c> (the index run directly, through
    /// ToList/ToArray or a local given it once); null for any other projection.
    /// </summary>
    private static string? IndexRunSegment(IInvocationOperation select, IReadOnlyList<IArgumentOperation> arguments)
    {
        if (arguments.Count != 1 || IndexRun(select.Instance ?? select.Arguments.FirstOrDefault()?.Value) is not { } run) return null;
        IOperation selector = arguments[0].Value;
        while (selector is IConversionOperation or IDelegateCreationOperation)
            selector = selector is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)selector).Target;
        if (selector is not IAnonymousFunctionOperation { Symbol.Parameters: [var position] } lambda
            || lambda.Body.Operations.LastOrDefault() is not IReturnOperation { ReturnedValue: { } returned }) return null;
        (IOperation Collection, IOperation Index)? element = WithoutConversions(returned) switch
        {
            IArrayElementReferenceOperation { Indices.Length: 1 } array => (array.ArrayReference, array.Indices[0]),
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance, Arguments.Length: 1 } indexer => (instance, indexer.Arguments[0].Value),
            _ => null,
        };
        if (element is not { } read || !IsPosition(read.Index, position)) return null;
        if (BoundOf(run.Arguments[0].Value, read.Collection, MaxBoundDepth) is not { } from
            || BoundOf(run.Arguments[1].Value, read.Collection, MaxBoundDepth) is not { } count) return null;
        return RowSlice.Of(from, from.Plus(count)).InOrder(OrderOf(read.Collection, MaxOrderDepth)).Segment;
    }

    private static IInvocationOperation? IndexRun(IOperation? indices)
    {
        for (int hops = 0; hops < 4 && indices is not null; hops++)
        {
            indices = WithoutConversions(indices);
            switch (indices)
            {
                case IInvocationOperation { TargetMethod: { Name: "Range", ContainingType.Name: "Enumerable" }, Arguments.Length: 2 } run:
                    return run;
                case IInvocationOperation { TargetMethod.Name: "ToList" or "ToArray" or "AsEnumerable" } copy:
                    indices = copy.Instance ?? copy.Arguments.FirstOrDefault()?.Value;
                    break;
                case ILocalReferenceOperation local:
                    indices = LocalReferences.Of(local).OnlyValueOf(local.Local);
                    break;
                default:
                    return null;
            }
        }
        return null;
    }

    /// <summary>
    /// <c>new ArraySegment&lt;T&gt;(rows, offset, count)</c>: the rows at <c>[offset, offset + count)</c> of <c>rows</c>; the whole array
    /// when only the array is given. Null for any other creation.
    /// </summary>
    private DataFlow? ArraySegmentOf(IObjectCreationOperation creation)
    {
        if (creation.Type is not INamedTypeSymbol { Name: "ArraySegment", ContainingNamespace.Name: "System" } || creation.Arguments.Length is not (1 or 3)) return null;
        IOperation array = creation.Arguments[0].Value;
        DataFlow rows = Eval(array);
        if (creation.Arguments.Length == 1 || rows.Rows.IsEmpty) return rows.WithParts(default);
        if (BoundOf(creation.Arguments[1].Value, array, MaxBoundDepth) is not { } from || BoundOf(creation.Arguments[2].Value, array, MaxBoundDepth) is not { } count)
            return rows.WithParts(default).Narrow("~" + creation.Syntax.SpanStart);
        return rows.WithParts(default).Narrow(RowSlice.Of(from, from.Plus(count)).InOrder(OrderOf(array, MaxOrderDepth)).Segment);
    }
}
