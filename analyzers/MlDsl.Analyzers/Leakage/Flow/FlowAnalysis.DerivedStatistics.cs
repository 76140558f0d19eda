using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// One statistic, one report. A per-group median written by hand files every row's value under its group in a dictionary
/// (the statistic is learned there, where the rows are walked), then takes each list's middle value into another dictionary:
/// the keys and lists read back out of the first dictionary are what it learned, not rows, so the median and the second
/// dictionary are parts of the same statistic. Computed from such values, they carry the first one's event instead of
/// learning anew, and the leak is reported once, where the rows were learned from.
/// </summary>
internal sealed partial class FlowAnalysis
{
    private const int DrawnDepth = 6;

    /// <summary>
    /// Whether <paramref name="value"/> is read out of a dictionary or set that holds a statistic learned from every row it
    /// holds (its keys, its entries, an entry's list, through locals, <c>foreach</c> variables, members and LINQ calls).
    /// </summary>
    private bool DrawnFromStatistic(IOperation? value) => DrawnFromStatistic(value, DrawnDepth);

    private bool DrawnFromStatistic(IOperation? value, int depth)
    {
        for (; value is not null && depth >= 0; depth--)
        {
            while (value is IConversionOperation or IParenthesizedOperation or ITranslatedQueryOperation)
                value = value switch
                {
                    IConversionOperation conversion => conversion.Operand,
                    IParenthesizedOperation parenthesized => parenthesized.Operand,
                    _ => ((ITranslatedQueryOperation)value).Operation,
                };
            switch (value)
            {
                case ILocalReferenceOperation local:
                    if (HoldsLearnedStatistic(local.Local)) return true;
                    value = ForEachCollection(local) ?? RowWindow.Initializer(local);
                    continue;
                case IMemberReferenceOperation { Instance: { } instance }:
                    value = instance;
                    continue;
                case IArrayElementReferenceOperation element:
                    value = element.ArrayReference;
                    continue;
                case IInvocationOperation call when context.IsEnumerableLike(call.TargetMethod):
                    value = call.Instance ?? (call.TargetMethod.IsExtensionMethod ? call.Arguments.FirstOrDefault()?.Value : null);
                    continue;
                default:
                    return false;
            }
        }
        return false;
    }

    /// <summary>A dictionary or set local whose rows all come from a statistic it carries (a vocabulary filed from them).</summary>
    private bool HoldsLearnedStatistic(ILocalSymbol local)
    {
        if (!IsLookup(local.Type)) return false;
        DataFlow held = Value(local);
        return !held.Rows.IsEmpty && held.Rows.All(origin => held.EventsOf<LearnEvent>()
            .Any(learned => learned.Kind is LearnKind.Aggregate or LearnKind.Accumulated && learned.From.Any(from => from.Overlaps(origin))));
    }

    /// <summary>
    /// Whether what is filed at <paramref name="site"/> (<c>medians[ward] = values[values.Count / 2]</c>, an <c>Add</c>) is read
    /// out of a learned statistic, keys and values alike, wherever it holds rows.
    /// </summary>
    private bool FiledFromStatistic(IOperation site)
    {
        System.Collections.Generic.IEnumerable<IOperation> filed = site switch
        {
            IPropertyReferenceOperation indexer => indexer.Arguments.Select(argument => argument.Value)
                .Concat(indexer.Parent is ISimpleAssignmentOperation assignment && assignment.Target == indexer ? new[] { assignment.Value } : System.Array.Empty<IOperation>()),
            IInvocationOperation call => call.Arguments.Select(argument => argument.Value),
            _ => System.Array.Empty<IOperation>(),
        };
        bool any = false;
        foreach (IOperation part in filed)
        {
            if (Eval(part).Rows.IsEmpty) continue;
            if (!DrawnFromStatistic(part)) return false;
            any = true;
        }
        return any;
    }

    /// <summary>What a statistic computed from values drawn out of another one gives: that one's events, no rows, nothing learned anew.</summary>
    private static DataFlow PartOfStatistic(DataFlow drawn) => drawn.WithoutRows();
}
