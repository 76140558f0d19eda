using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// A count of the entries a lookup files under a row's key (<c>byQueue[t.Queue].Count()</c> with <c>byQueue = tickets.ToLookup(t =&gt;
/// t.Queue)</c>): how many rows share the row's category, frequency encoding, a statistic of every row the lookup was built from
/// (the page's counts per category), not the count of a row's own values. A count of the entries filed under another time
/// (<c>byDay[d.Day.AddDays(-1)].Count()</c>) is a lag window (<see cref="OverShiftedEntries"/>), and one per group of the rows'
/// [GroupKey] is left to the grouped split's judgement as before: neither is counted here.
/// </summary>
internal sealed partial class FlowAnalysis
{
    private bool CountOfEntriesUnderKey(IInvocationOperation call, List<IArgumentOperation> arguments)
    {
        if (arguments.Count != 0 || OverShiftedEntries(call)) return false;
        IOperation? receiver = call.Instance ?? call.Arguments.FirstOrDefault()?.Value;
        while (receiver is IConversionOperation conversion) receiver = conversion.Operand;
        if (receiver is not IPropertyReferenceOperation { Property.IsIndexer: true, Arguments: [{ Value: var key }], Instance: { } table }
            || !IsKeyed(table.Type) || key.ConstantValue.HasValue) return false;
        return !KeyedByGroupKey(table);
    }

    /// <summary>Whether the lookup in <paramref name="table"/> (a local's initializer) files its entries under a [GroupKey] member.</summary>
    private bool KeyedByGroupKey(IOperation table)
    {
        while (table is IConversionOperation conversion) table = conversion.Operand;
        if (table is not ILocalReferenceOperation local || RowWindow.Initializer(local) is not IInvocationOperation made) return false;
        IOperation? keySelector = (made.Instance is null ? made.Arguments.Skip(1) : made.Arguments).FirstOrDefault()?.Value;
        return keySelector is not null && keySelector.DescendantsAndSelf().OfType<IPropertyReferenceOperation>()
            .Any(member => LeakageSymbols.HasAttribute(member.Property, Symbols.GroupKeyAttribute));
    }
}
