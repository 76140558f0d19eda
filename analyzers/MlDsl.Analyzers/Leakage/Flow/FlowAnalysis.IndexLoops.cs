using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Rows added one at a time by a counting loop (<c>for (int i = 0; i &lt;= cut; i++) train.Add(legs[i]);</c>): the list ends up
/// holding the rows at positions <c>[0, cut + 1)</c> of <c>legs</c>, as <c>legs.Take(cut + 1)</c> would, so it is named by that
/// slice (<see cref="RowSlice"/>) and compared with the other part by position: a second loop from <c>cut</c> shares the row at
/// <c>cut</c>, one from <c>cut + 1</c> does not. Only a loop that visits every position of its run is read so: a counter
/// declared by the loop, moved by one per pass by the loop's own step and nowhere else, a condition that is one comparison of
/// it with a bound, the add a statement of the body itself (not under an <c>if</c>) and no <c>break</c>, <c>continue</c>,
/// <c>return</c> or <c>throw</c> in the body. Any other add keeps the rows as they were, a row of the whole collection.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>The value an add puts into its collection: the element of a counting loop named by the loop's run, otherwise as evaluated.</summary>
    private DataFlow Added(IOperation value, IInvocationOperation add)
    {
        DataFlow flow = Eval(value);
        return !flow.Rows.IsEmpty && IndexLoopSegment(value, add) is { } segment ? flow.Narrow(segment) : flow;
    }

    /// <summary>The slice segment of the positions a counting loop adds <c>rows[i]</c> (or a row built from it) from; null where the add is no such element.</summary>
    private static string? IndexLoopSegment(IOperation value, IInvocationOperation add)
    {
        (IOperation collection, IOperation index)? element = WithoutConversions(value) switch
        {
            IArrayElementReferenceOperation { Indices.Length: 1 } array => (array.ArrayReference, array.Indices[0]),
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance, Arguments.Length: 1 } indexer => (instance, indexer.Arguments[0].Value),
            _ => BuiltFromOneElement(value),
        };
        if (element is not { } read || WithoutConversions(read.index) is not ILocalReferenceOperation counter || !Steady(counter)) return null;
        if (add.Parent is not IExpressionStatementOperation statement || EnclosingLoop(statement) is not { } loop
            || !loop.Locals.Contains(counter.Local, SymbolEqualityComparer.Default)) return null;
        // Every position, however the rows are ordered: the whole collection, as a foreach over it adds.
        if (LoopRun(loop, counter.Local, read.collection) is not { } run || run.From.IsZero && run.To.IsEnd) return null;
        return run.InOrder(OrderOf(read.collection, MaxOrderDepth)).Segment;
    }

    /// <summary>The for loop whose body <paramref name="statement"/> is a statement of (directly, or in the body's block).</summary>
    private static IForLoopOperation? EnclosingLoop(IExpressionStatementOperation statement) => statement.Parent switch
    {
        IForLoopOperation loop when loop.Body == statement => loop,
        IBlockOperation { Parent: IForLoopOperation loop } block when loop.Body == block => loop,
        _ => null,
    };

    /// <summary>
    /// The positions a loop's counter runs over: from its first value up to the bound of its condition when it counts up by
    /// one (<c>i++</c>, <c>i += 1</c>), or down to it when it counts down by one; null for any other loop.
    /// </summary>
    private static RowSlice? LoopRun(IForLoopOperation loop, ILocalSymbol counter, IOperation collection)
    {
        if (loop.Body.Descendants().Any(operation => operation is IBranchOperation or IReturnOperation or IThrowOperation)) return null;
        if (loop.Before.SelectMany(before => before.DescendantsAndSelf()).OfType<IVariableDeclaratorOperation>()
                .FirstOrDefault(declarator => SymbolEqualityComparer.Default.Equals(declarator.Symbol, counter)) is not { Initializer.Value: { } first }
            || BoundOf(first, collection, MaxBoundDepth) is not { } start) return null;
        if (loop.AtLoopBottom is not [IExpressionStatementOperation { Operation: var step }] || Step(step, counter) is not { } direction) return null;
        if (loop.Condition is null || WithoutConversions(loop.Condition) is not IBinaryOperation condition
            || PositionComparedWith(condition, counter) is not { Kind: var kind }) return null;
        // Counting up, the condition must end the run from above (i < n, i <= cut); counting down, from below (i >= cut).
        if (direction > 0 ? kind is not (BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual)
            : kind is not (BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual)) return null;
        RowSlice within = direction > 0
            ? RowSlice.Of(start, RowSlice.Bound.EndOfRows)
            : RowSlice.Of(RowSlice.Bound.Zero, start.Plus(RowSlice.Bound.Number(1)));
        return Run(condition, counter, collection, within);
    }

    /// <summary>+1 for <c>i++</c>, <c>++i</c>, <c>i += 1</c>; -1 for the same downwards; null for any other step.</summary>
    private static int? Step(IOperation step, ILocalSymbol counter)
    {
        bool IsCounter(IOperation target) => target is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, counter);
        return step switch
        {
            IIncrementOrDecrementOperation moved when IsCounter(moved.Target) => moved.Kind == OperationKind.Increment ? 1 : -1,
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract, Value.ConstantValue: { HasValue: true, Value: 1 } } moved
                when IsCounter(moved.Target) => moved.OperatorKind == BinaryOperatorKind.Add ? 1 : -1,
            _ => null,
        };
    }
}
