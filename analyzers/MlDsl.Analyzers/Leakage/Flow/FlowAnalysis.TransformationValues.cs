using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Transformations held as values that capture a statistic: clipping bounds taken at ranks of sorted values, and functions
/// returned by a call given rows (<c>Prepare(k)(train)</c>, <c>fit(train)</c> from a list of fitters). Both are statistics
/// of the rows they were made from, not those rows: applying them to a part gives that part's rows, changed with what they
/// learned, so validation and test rows passed through them stay validation and test rows.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>
    /// A number picked by its rank from values sorted by themselves (<c>values.OrderBy(d =&gt; d).ElementAt(n / 100)</c>,
    /// <c>.Order().First()</c>): a percentile, a minimum or a maximum, as much a statistic of those rows as <c>Max</c> is.
    /// </summary>
    private bool IsRankPick(IInvocationOperation call, string name, DataFlow source) =>
        IsPickAtRank(call) && !source.Rows.IsEmpty && IsNumber(call.Type) && SortedByValue(call.Instance ?? call.Arguments.FirstOrDefault()?.Value, hops: 0);

    /// <summary>
    /// <c>First()</c>, <c>Last()</c>, or <c>ElementAt(k)</c> at a fixed rank (<see cref="IsRank"/>): not <c>ElementAt(i)</c> of a
    /// loop walking the sorted values one by one.
    /// </summary>
    private static bool IsPickAtRank(IInvocationOperation call) => call.TargetMethod.Name switch
    {
        "First" or "FirstOrDefault" or "Last" or "LastOrDefault" => true,
        "ElementAt" or "ElementAtOrDefault" => call.Arguments.LastOrDefault()?.Value is { } index && IsRank(index),
        _ => false,
    };

    /// <summary>
    /// An index that names a rank of the whole sequence: a constant, <c>^k</c>, or a position computed from its size
    /// (<c>n * 99 / 100</c>, <c>values.Length / 2</c>). An index computed from a loop's counter alone (<c>i - 1</c>, a lag)
    /// walks the values one row at a time.
    /// </summary>
    private static bool IsRank(IOperation index) => index.ConstantValue.HasValue
        || index.DescendantsAndSelf().Any(node => node is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat }
            or IPropertyReferenceOperation { Property.Name: "Count" or "Length" or "LongLength" }
            or IInvocationOperation { TargetMethod.Name: "Count" or "LongCount" });

    /// <summary>
    /// <c>sorted[sorted.Length / 100]</c> of an array or list of numbers sorted by themselves: a percentile of the rows the
    /// numbers come from, learned there (an event at the access), not a value of one of them.
    /// </summary>
    private DataFlow? RankElement(IOperation access, IOperation collection, DataFlow values, IOperation index)
    {
        if (values.Rows.IsEmpty || !IsNumber(access.Type) || !IsRank(index) || !SortedByValue(collection, hops: 0)) return null;
        if (DrawnFromStatistic(collection)) return PartOfStatistic(values);
        var learned = new LearnEvent(access.Syntax.GetLocation(), "A percentile", LearnKind.Aggregate, values.Rows);
        return new DataFlow(ImmutableHashSet<Origin>.Empty, values.Events.Add(learned), ImmutableHashSet<Origin>.Empty, default);
    }

    /// <summary>
    /// <c>rows.OrderBy(h =&gt; h.Distance).ElementAt(n / 100).Distance</c>: the sorted feature of the row at a rank, which is
    /// a percentile of that feature as much as a pick from the sorted values is. Null for any other member read.
    /// </summary>
    private DataFlow? RankMember(IMemberReferenceOperation member, DataFlow row)
    {
        if (row.Rows.IsEmpty || !IsNumber(member.Type) || member.Instance is not { } instance) return null;
        while (instance is IConversionOperation conversion) instance = conversion.Operand;
        if (instance is not IInvocationOperation pick || !IsPickAtRank(pick) || !SortedBy(pick.Instance ?? pick.Arguments.FirstOrDefault()?.Value, member.Member, hops: 0))
            return null;
        var learned = new LearnEvent(member.Syntax.GetLocation(), "A percentile", LearnKind.Aggregate, row.Rows);
        return new DataFlow(ImmutableHashSet<Origin>.Empty, row.Events.Add(learned), ImmutableHashSet<Origin>.Empty, default);
    }

    private static bool IsNumber(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Single or SpecialType.System_Double
        or SpecialType.System_Decimal or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte
        or SpecialType.System_DateTime;

    private static bool SortedByValue(IOperation? sequence, int hops) => SortedBy(sequence, key: null, hops);

    /// <summary>
    /// Whether a sequence is sorted by <paramref name="key"/> of its elements (by the values themselves when null):
    /// <c>Order()</c>, <c>OrderBy(d =&gt; d)</c>, <c>OrderBy(h =&gt; h.Distance)</c> for the key Distance, then
    /// <c>Select(h =&gt; h.Distance)</c> (sorted values), through <c>ToArray</c>, <c>Skip</c> and the like; or a local only
    /// ever assigned such a sequence or sorted in place (<c>Array.Sort(values)</c>, <c>values.Sort()</c>). Values sorted by
    /// another key (days) keep their order by that key: a pick there is one row's value (a lag), not a percentile.
    /// </summary>
    private static bool SortedBy(IOperation? sequence, ISymbol? key, int hops)
    {
        if (sequence is null || hops > 8) return false;
        while (sequence is IConversionOperation conversion) sequence = conversion.Operand;
        switch (sequence)
        {
            case IInvocationOperation call:
                string name = call.TargetMethod.Name;
                IOperation? receiver = call.Instance ?? call.Arguments.FirstOrDefault()?.Value;
                IOperation? selector = call.Arguments.LastOrDefault()?.Value;
                if (name is "Order" or "OrderDescending") return key is null;
                if (name is "OrderBy" or "OrderByDescending") return key is null ? IsIdentity(selector) : SymbolEqualityComparer.Default.Equals(KeyMember(selector), key);
                // Sorted rows projected on the feature they are sorted by are that feature's sorted values.
                if (name == "Select" && key is null && KeyMember(selector) is { } projected) return SortedBy(receiver, projected, hops + 1);
                if (name is not ("ToArray" or "ToList" or "AsEnumerable" or "ToImmutableArray" or "ToImmutableList" or "Reverse"
                    or "Skip" or "Take" or "SkipLast" or "TakeLast")) return false;
                return SortedBy(receiver, key, hops + 1);
            case ILocalReferenceOperation { Local: var local }:
                IOperation root = sequence;
                while (root.Parent is not null) root = root.Parent;
                bool assigned = false, sorted = true;
                foreach (IOperation node in root.Descendants())
                {
                    IOperation? value = node switch
                    {
                        IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) => declarator.Initializer?.Value,
                        ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local) => assignment.Value,
                        _ => null,
                    };
                    if (value is not null)
                    {
                        assigned = true;
                        sorted &= SortedBy(value, key, hops + 1);
                    }
                    if (key is null && node is IInvocationOperation { TargetMethod.Name: "Sort", Arguments.Length: <= 1 } sort
                        && Holder(sort.Instance ?? sort.Arguments.FirstOrDefault()?.Value) is ILocalSymbol sortedLocal
                        && SymbolEqualityComparer.Default.Equals(sortedLocal, local))
                        return true;
                }
                return assigned && sorted;
            default:
                return false;
        }
    }

    /// <summary><c>d =&gt; d</c>: a key selector that returns its element.</summary>
    private static bool IsIdentity(IOperation? selector) =>
        SelectorResult(selector, out IParameterSymbol? element) is IParameterReferenceOperation { Parameter: var parameter }
        && SymbolEqualityComparer.Default.Equals(parameter, element);

    /// <summary>The member <c>h =&gt; h.Distance</c> reads of its element, or null for any other selector.</summary>
    private static ISymbol? KeyMember(IOperation? selector) =>
        SelectorResult(selector, out IParameterSymbol? element) is IMemberReferenceOperation { Instance: IParameterReferenceOperation { Parameter: var parameter } } member
        && SymbolEqualityComparer.Default.Equals(parameter, element) ? member.Member : null;

    /// <summary>What a one-parameter lambda written as one expression returns, with its parameter; null for anything else.</summary>
    private static IOperation? SelectorResult(IOperation? selector, out IParameterSymbol? element)
    {
        element = null;
        while (selector is IConversionOperation or IDelegateCreationOperation)
            selector = selector is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)selector).Target;
        if (selector is not IAnonymousFunctionOperation { Symbol.Parameters: [var parameter], Body.Operations: [IReturnOperation { ReturnedValue: { } result }] }) return null;
        element = parameter;
        while (result is IConversionOperation conversion) result = conversion.Operand;
        return result;
    }

    /// <summary>
    /// A function returned by a call given rows (<c>Prepare(k)(train)</c>, <c>fit(train)</c>, <c>MakeScaler(train)</c>) is a
    /// transformation fitted on them: it holds what it learned from those rows (an event at the call), not the rows, so
    /// applying it to the test part gives the test rows, and a fit on every row is reported once, here, where it is made.
    /// </summary>
    private DataFlow FittedFunction(IInvocationOperation call, DataFlow result)
    {
        if (call.Type?.TypeKind != TypeKind.Delegate || context.IsEnumerableLike(call.TargetMethod)) return result;
        DataFlow given = result;
        // The function invoked (prepare in prepare(train)) is not what its result is: only what it carries joins.
        if (call.Instance is { } instance) given = given.Join(WithoutFunctions(Eval(instance)));
        foreach (IArgumentOperation argument in call.Arguments)
            if (argument.Value.Type?.TypeKind != TypeKind.Delegate) given = given.Join(Eval(argument.Value));
        if (given.Rows.IsEmpty) return result;
        string text = call.Syntax.ToString();
        var learned = new LearnEvent(call.Syntax.GetLocation(), "The transformation " + (text.Length <= 60 ? text : call.TargetMethod.Name), LearnKind.Aggregate, given.Rows);
        return new DataFlow(ImmutableHashSet<Origin>.Empty, given.Events.Add(learned), ImmutableHashSet<Origin>.Empty, default);
    }
}
