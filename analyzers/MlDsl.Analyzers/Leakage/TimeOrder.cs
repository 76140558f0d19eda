using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// The direction in time of an ordered collection of rows: <c>OrderBy(w =&gt; w.Week)</c> is oldest first,
/// <c>OrderByDescending(w =&gt; w.Week)</c> newest first, and each <c>Reverse()</c> (the LINQ one, or a list's in-place one
/// on the local that holds it) turns it round. <c>ThenBy</c>, filters, projections and copies keep the order of the rows
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
                if (ReversedInPlace(local)) flipped = !flipped;
                collection = LocalValue.Of(local.Local, local.SemanticModel);
                continue;
            }
            if (collection is not IInvocationOperation call) return null;
            switch (call.TargetMethod.Name)
            {
                case "OrderBy" or "OrderByDescending":
                    if (!IsTimeKey(call, timestamp)) return null;
                    return (call.TargetMethod.Name == "OrderByDescending") ^ flipped ? Direction.NewestFirst : Direction.OldestFirst;
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

    /// <summary>Whether an ordering's key (its lambda) is a point in time read from its row.</summary>
    public static bool IsTimeKey(IInvocationOperation ordering, INamedTypeSymbol timestamp)
    {
        IOperation? key = ordering.Arguments.LastOrDefault()?.Value;
        IAnonymousFunctionOperation? lambda = key?.DescendantsAndSelf().OfType<IAnonymousFunctionOperation>().FirstOrDefault();
        if (lambda?.Body.Operations.LastOrDefault() is not IReturnOperation { ReturnedValue: { } returned }) return false;
        while (returned is IConversionOperation conversion) returned = conversion.Operand;
        return returned is IMemberReferenceOperation { Instance: IParameterReferenceOperation, Member: { } member }
            && (LeakageSymbols.HasAttribute(member, timestamp) || IsPointInTime(member));
    }

    private static bool IsPointInTime(ISymbol member) => (member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    }) is { } type && (type.SpecialType == SpecialType.System_DateTime || type.Name is "DateTimeOffset" or "DateOnly");

    /// <summary>A statement <c>list.Reverse();</c> on the local: the list it holds is turned round in place.</summary>
    private static bool ReversedInPlace(ILocalReferenceOperation local) =>
        LocalReferences.Of(local).UsesOf(local.Local).Any(reference =>
            reference.Parent is IInvocationOperation { TargetMethod: { Name: "Reverse", ReturnsVoid: true }, Arguments.Length: 0 } reverse
            && reverse.Instance == reference);

    private static IOperation? Receiver(IInvocationOperation call) => call.Instance ?? call.Arguments.FirstOrDefault()?.Value;
}
