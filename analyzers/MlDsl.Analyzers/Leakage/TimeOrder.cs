using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// The direction in time of an ordered collection of rows: <c>OrderBy(w =&gt; w.Week)</c> is oldest first,
/// <c>OrderByDescending(w =&gt; w.Week)</c> and <c>OrderBy(w =&gt; -w.Week.Ticks)</c> newest first, a list sorted in place by a comparison of its rows' time
/// (<c>list.Sort((a, b) =&gt; b.Week.CompareTo(a.Week))</c>) as the comparison says, and each <c>Reverse()</c> (the LINQ one, or a
/// list's in-place one on the local that holds it) turns it round. <c>ThenBy</c>, filters, projections and copies keep the order of the rows
/// they are given. Only an ordering by a point in time (a [Timestamp] member, or a DateTime, DateTimeOffset or DateOnly
/// member) says anything about time; anything else is unknown.
/// </summary>
internal static class TimeOrder
{
    public enum Direction { OldestFirst, NewestFirst }

    private const int Hops = 8;

    /// <summary>Whether <paramref name="collection"/> is known to hold its rows newest first.</summary>
    public static bool IsNewestFirst(IOperation? collection, INamedTypeSymbol timestamp) => Of(collection, timestamp) == Direction.NewestFirst;

    /// <summary>The time direction of <paramref name="collection"/>, or null when it is not ordered by a point in time.</summary>
    public static Direction? Of(IOperation? collection, INamedTypeSymbol timestamp)
    {
        bool flipped = false;
        for (int hops = 0; hops < Hops && collection is not null; hops++)
        {
            while (collection is IConversionOperation conversion) collection = conversion.Operand;
            if (collection is ILocalReferenceOperation local)
            {
                (bool sorted, Direction? by, bool reversed) = InPlace(local, timestamp);
                if (reversed) flipped = !flipped;
                if (sorted) return by is { } direction ? flipped ? Turned(direction) : direction : null;
                collection = LocalValue.Of(local.Local, local.SemanticModel);
                continue;
            }
            if (collection is not IInvocationOperation call) return null;
            switch (call.TargetMethod.Name)
            {
                case "OrderBy" or "OrderByDescending":
                    if (KeyRunsBackwards(call, timestamp) is not { } backwards) return null;
                    return (call.TargetMethod.Name == "OrderByDescending") ^ backwards ^ flipped ? Direction.NewestFirst : Direction.OldestFirst;
                case "Reverse" when !call.TargetMethod.ReturnsVoid:
                    flipped = !flipped;
                    break;
                case "ThenBy" or "ThenByDescending" or "ToList" or "ToArray" or "AsEnumerable" or "Where" or "Select" or "Cast" or "OfType"
                    or "Take" or "Skip" or "TakeLast" or "SkipLast" or "Distinct":
                    break;
                default:
                    return null;
            }
            collection = Receiver(call);
        }
        return null;
    }

    /// <summary>Whether an ordering's key (its lambda) is a point in time read from its row, or a number that follows it (see <see cref="KeyRunsBackwards"/>).</summary>
    public static bool IsTimeKey(IInvocationOperation ordering, INamedTypeSymbol timestamp) => KeyRunsBackwards(ordering, timestamp) is not null;

    /// <summary>
    /// Whether an ordering's key runs against time: null when the key is no point in time read from its row; false for the
    /// time itself or a number that grows with it (<c>q =&gt; q.Day</c>, <c>q.Day.Ticks</c>, <c>q.At.ToUnixTimeSeconds()</c>,
    /// <c>q.Date.DayNumber</c>); true when that is negated (<c>q =&gt; -q.Day.Ticks</c>, a common way to sort newest first
    /// with <c>OrderBy</c>), each minus turning it round.
    /// </summary>
    private static bool? KeyRunsBackwards(IInvocationOperation ordering, INamedTypeSymbol timestamp)
    {
        IOperation? key = ordering.Arguments.LastOrDefault()?.Value;
        IAnonymousFunctionOperation? lambda = key?.DescendantsAndSelf().OfType<IAnonymousFunctionOperation>().FirstOrDefault();
        if (lambda?.Body.Operations.LastOrDefault() is not IReturnOperation { ReturnedValue: { } returned }) return null;
        bool backwards = false;
        for (int hops = 0; hops < Hops; hops++)
        {
            while (returned is IConversionOperation or IParenthesizedOperation)
                returned = returned is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)returned).Operand;
            switch (returned)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } minus:
                    backwards = !backwards;
                    returned = minus.Operand;
                    continue;
                case IPropertyReferenceOperation { Property.Name: "Ticks" or "UtcTicks" or "DayNumber", Instance: { } time } when IsPointInTime(time.Type):
                    returned = time;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ToUnixTimeSeconds" or "ToUnixTimeMilliseconds" or "ToOADate", Instance: { } time, Arguments.Length: 0 }
                    when IsPointInTime(time.Type):
                    returned = time;
                    continue;
            }
            break;
        }
        return returned is IMemberReferenceOperation { Instance: IParameterReferenceOperation, Member: { } member }
            && (LeakageSymbols.HasAttribute(member, timestamp) || IsPointInTime(member))
                ? backwards
                : null;
    }

    private static bool IsPointInTime(ISymbol member) => IsPointInTime(member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    });

    private static bool IsPointInTime(ITypeSymbol? type) =>
        type is not null && (type.SpecialType == SpecialType.System_DateTime || type.Name is "DateTimeOffset" or "DateOnly");

    private static Direction Turned(Direction direction) => direction == Direction.OldestFirst ? Direction.NewestFirst : Direction.OldestFirst;

    /// <summary>
    /// What statements on the local do to the list it holds, in their order: <c>list.Sort((a, b) =&gt; a.Week.CompareTo(b.Week))</c>
    /// puts it oldest first (<c>b.Week.CompareTo(a.Week)</c>, a negated comparison or <c>DateTime.Compare(b.Week, a.Week)</c> newest
    /// first) whatever it held before; each <c>list.Reverse();</c> after that turns it round. A sort by anything else makes the
    /// order in time unknown (sorted, by null).
    /// </summary>
    private static (bool Sorted, Direction? By, bool Reversed) InPlace(ILocalReferenceOperation local, INamedTypeSymbol timestamp)
    {
        bool sorted = false;
        Direction? by = null;
        bool reversed = false;
        foreach (ILocalReferenceOperation reference in LocalReferences.Of(local).UsesOf(local.Local))
        {
            if (reference.Parent is not IInvocationOperation { TargetMethod.ReturnsVoid: true } call || call.Instance != reference) continue;
            if (call.TargetMethod.Name == "Reverse" && call.Arguments.Length == 0) reversed = !reversed;
            else if (call.TargetMethod.Name == "Sort")
            {
                sorted = true;
                by = call.Arguments.Length == 1 ? ComparisonDirection(call.Arguments[0].Value, timestamp) : null;
                reversed = false;
            }
        }
        return (sorted, by, reversed);
    }

    /// <summary>
    /// The direction a comparison lambda sorts in when it compares a point in time of its two rows (<c>(a, b) =&gt; a.T.CompareTo(b.T)</c>
    /// oldest first; the rows swapped, or the result negated, newest first); null for any other comparison.
    /// </summary>
    private static Direction? ComparisonDirection(IOperation comparison, INamedTypeSymbol timestamp)
    {
        while (comparison is IConversionOperation or IDelegateCreationOperation)
            comparison = comparison is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)comparison).Target;
        if (comparison is not IAnonymousFunctionOperation { Symbol.Parameters.Length: 2 } lambda
            || lambda.Body.Operations.LastOrDefault() is not IReturnOperation { ReturnedValue: { } compared }) return null;
        bool negated = false;
        while (true)
        {
            while (compared is IConversionOperation conversion) compared = conversion.Operand;
            if (compared is not IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } minus) break;
            negated = !negated;
            compared = minus.Operand;
        }
        (IOperation? left, IOperation? right) = compared switch
        {
            IInvocationOperation { TargetMethod.Name: "CompareTo", Instance: { } instance, Arguments.Length: 1 } call => (instance, call.Arguments[0].Value),
            IInvocationOperation { TargetMethod: { Name: "Compare", IsStatic: true }, Arguments.Length: 2 } call => (call.Arguments[0].Value, call.Arguments[1].Value),
            _ => (null, null),
        };
        if (TimeOfParameter(left, timestamp) is not { } first || TimeOfParameter(right, timestamp) is not { } second
            || first.Ordinal == second.Ordinal || !SymbolEqualityComparer.Default.Equals(first.Member, second.Member)) return null;
        bool ascending = first.Ordinal == 0 ^ negated;
        return ascending ? Direction.OldestFirst : Direction.NewestFirst;
    }

    /// <summary>A point in time read from a lambda's parameter (<c>a.Week</c>): which parameter, and the member read.</summary>
    private static (int Ordinal, ISymbol Member)? TimeOfParameter(IOperation? value, INamedTypeSymbol timestamp)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        return value is IMemberReferenceOperation { Instance: IParameterReferenceOperation { Parameter: { } parameter }, Member: { } member }
            && (LeakageSymbols.HasAttribute(member, timestamp) || IsPointInTime(member)) ? (parameter.Ordinal, member) : null;
    }

    private static IOperation? Receiver(IInvocationOperation call) => call.Instance ?? call.Arguments.FirstOrDefault()?.Value;
}
