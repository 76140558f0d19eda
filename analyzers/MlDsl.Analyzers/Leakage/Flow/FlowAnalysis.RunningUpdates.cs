using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Running statistics written as plain assignments in a loop, as compound ones (<c>sum += r.X</c>) are: a minimum or
/// maximum kept by <c>low = Math.Min(low, r.X)</c>, <c>high = r.X &gt; high ? r.X : high</c> or <c>if (r.X &gt; high) high = r.X;</c>,
/// and a total or moving average written out (<c>sum = sum + r.X</c>, <c>ema = 0.9 * ema + 0.1 * r.X</c>). Each updates a number
/// from its own last value (or under a condition on it) once per row, so after the loop it is a statistic of every row walked.
/// </summary>
internal sealed partial class FlowAnalysis
{
    private bool RunningUpdate(ISimpleAssignmentOperation assignment, out string? what)
    {
        what = null;
        ISymbol? target = assignment.Target switch
        {
            ILocalReferenceOperation local => local.Local,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        if (target is null || !IsNumber(assignment.Target.Type) || !InLoopOverRows(assignment)) return false;
        bool selfRead = Reads(assignment.Value, target);
        bool guarded = !selfRead && GuardedByComparisonWith(assignment, target);
        if (!selfRead && !guarded) return false;
        what = guarded || assignment.Value.DescendantsAndSelf().Any(node => node is IConditionalOperation
            || node is IInvocationOperation { TargetMethod: { Name: "Min" or "Max" or "MinMagnitude" or "MaxMagnitude" } })
            ? "a running minimum or maximum" : "a running total";
        return true;
    }

    private static bool Reads(IOperation value, ISymbol target) =>
        value.DescendantsAndSelf().Any(node => node switch
        {
            ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, target),
            IFieldReferenceOperation field => SymbolEqualityComparer.Default.Equals(field.Field, target),
            _ => false,
        });

    /// <summary>
    /// Inside a loop over rows, within the same function: a <c>foreach</c> over a collection of rows, or an index loop bounded
    /// by one's <c>Count</c>/<c>Length</c>. A loop over one row's own readings (<c>foreach (var v in f.Readings)</c>) keeps a
    /// statistic of that row, which it knows when it is scored.
    /// </summary>
    private bool InLoopOverRows(IOperation operation)
    {
        for (IOperation? parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation) return false;
            if (parent is IForEachLoopOperation each) return context.IsRowTyped(each.Collection.Type) || IsRowsConversion(each.Collection);
            if (parent is IForLoopOperation loop) return loop.Condition?.DescendantsAndSelf().OfType<IPropertyReferenceOperation>()
                .Any(bound => bound.Property.Name is "Count" or "Length" && context.IsRowTyped(bound.Instance?.Type)) == true;
            if (parent is ILoopOperation) return false;
        }
        return false;
    }

    /// <summary>A foreach's collection is converted to IEnumerable: the operand's type says whether it holds rows.</summary>
    private bool IsRowsConversion(IOperation collection) =>
        collection is IConversionOperation conversion && context.IsRowTyped(conversion.Operand.Type);

    /// <summary><c>if (r.X &gt; high) high = r.X;</c>: the assignment runs under a comparison that reads the number it sets.</summary>
    private static bool GuardedByComparisonWith(IOperation assignment, ISymbol target)
    {
        for (IOperation? child = assignment, parent = assignment.Parent; parent is not null and not ILoopOperation; child = parent, parent = parent.Parent)
            if (parent is IConditionalOperation conditional && child != conditional.Condition
                && conditional.Condition.DescendantsAndSelf().OfType<IBinaryOperation>().Any(comparison => comparison.OperatorKind
                    is BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                    && Reads(comparison, target)))
                return true;
        return false;
    }
}
