using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// A lookup table built from single records (<c>meters.ToDictionary(m =&gt; m.Day, m =&gt; m.Load)</c>, <c>ToLookup(r =&gt; r.Patient)</c>)
/// is those records re-indexed by a key, not a statistic of them: <c>ToDictionary</c> throws on a repeated key, so each entry is
/// one record's value, and reading it under another record's key (yesterday's load, a patient's previous visit) is a lag that is
/// known when the row is predicted. Its entries keep the records' rows, so whatever later aggregates them is the statistic; a
/// read of the label under the row's own key or a later one is MLDSL0017's (<see cref="EntanglementRule"/>). A table built over
/// groups (<c>GroupBy(...).ToDictionary(g =&gt; g.Key, g =&gt; g.Average(...))</c>, also through a projection of the groups) holds
/// what was computed over each group: a statistic, as before.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>Calls whose elements stand for several records each: what follows them summarises groups.</summary>
    private static readonly HashSet<string> Grouping = new(System.StringComparer.Ordinal)
    {
        "GroupBy", "GroupJoin", "ToLookup", "Chunk", "CountBy", "AggregateBy",
    };

    private const int LookupChainHops = 12;

    /// <summary>
    /// The flow of a lookup table built by <paramref name="call"/> (<c>ToDictionary</c> or <c>ToLookup</c>) when it indexes single
    /// records: the records' rows and what the value selector carries besides them; null when it is built over groups.
    /// </summary>
    private DataFlow? RecordsIndexed(IInvocationOperation call, string name, DataFlow source, List<IArgumentOperation> arguments)
    {
        if (name is not ("ToDictionary" or "ToLookup") || source.Rows.IsEmpty || !OfSingleRecords(call)) return null;
        DataFlow indexed = source.WithParts(default);
        // The value selector (the second lambda) may read a statistic learned elsewhere (m => m.Load / peak): it stays with the entries.
        if (arguments.Count >= 2) indexed = indexed.Join(Lambda(arguments[1].Value, source, distinctParameters: false).WithParts(default));
        return indexed;
    }

    /// <summary>
    /// Whether the elements a table is built from are single records: their type is no collection, and the chain of calls that
    /// made them (through locals' initializers) holds no grouping, whose elements summarise several records.
    /// </summary>
    private bool OfSingleRecords(IInvocationOperation call) =>
        call.TargetMethod.TypeArguments.FirstOrDefault() is { } element && !IsCollection(element)
        && Ungrouped(call.Instance ?? call.Arguments.FirstOrDefault()?.Value);

    /// <summary>
    /// Whether a sequence's elements are records as they were read or built, one each: no grouping in the chain of calls
    /// that made it (through locals' initializers), and no dictionary, whose entries are what was filed under each key.
    /// </summary>
    private bool Ungrouped(IOperation? link)
    {
        for (int hops = 0; hops < LookupChainHops && link is not null; hops++)
        {
            while (link is IConversionOperation or IParenthesizedOperation or ITranslatedQueryOperation)
                link = link switch
                {
                    IConversionOperation conversion => conversion.Operand,
                    IParenthesizedOperation parenthesized => parenthesized.Operand,
                    _ => ((ITranslatedQueryOperation)link).Operation,
                };
            if (IsKeyed(link.Type)) return false;
            switch (link)
            {
                case IInvocationOperation inner when context.IsEnumerableLike(inner.TargetMethod):
                    if (Grouping.Contains(inner.TargetMethod.Name)) return false;
                    link = inner.Instance ?? (inner.TargetMethod.IsExtensionMethod ? inner.Arguments.FirstOrDefault()?.Value : null);
                    continue;
                case ILocalReferenceOperation local:
                    link = RowWindow.Initializer(local);
                    continue;
                default:
                    return true;
            }
        }
        return true;
    }

    /// <summary>A dictionary or a lookup: its elements are entries filed under keys, not records.</summary>
    private static bool IsKeyed(ITypeSymbol? type) => type is INamedTypeSymbol named && named.AllInterfaces.Append(named)
        .Any(candidate => candidate.OriginalDefinition.Name is "IDictionary" or "IReadOnlyDictionary" or "ILookup"
            && candidate.ContainingNamespace?.ToDisplayString() is "System.Collections.Generic" or "System.Linq");

    /// <summary>A sequence (not a string): an element of this type holds several values, as a group does.</summary>
    private static bool IsCollection(ITypeSymbol type) => type.SpecialType != SpecialType.System_String
        && (type is IArrayTypeSymbol || type is INamedTypeSymbol named && named.AllInterfaces.Append(named)
            .Any(candidate => candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T));

    /// <summary>
    /// Whether an aggregate runs over the entries a table files under another time than the one read from the row
    /// (<c>perDay[c.Day.AddDays(-1)].Sum()</c>): the records of that day, a lag window like <c>raw.Skip(i - 7).Take(7)</c>,
    /// not a statistic of every row. A read under the row's own key is its own group, a statistic as before.
    /// </summary>
    private static bool OverShiftedEntries(IInvocationOperation call)
    {
        IOperation? receiver = call.Instance ?? call.Arguments.FirstOrDefault()?.Value;
        while (receiver is IConversionOperation conversion) receiver = conversion.Operand;
        if (receiver is not IPropertyReferenceOperation { Property.IsIndexer: true, Arguments: [{ Value: var key }], Instance: { } table } || !IsKeyed(table.Type)) return false;
        return ShiftedTime(key);
    }

    /// <summary>
    /// A key moved in time by a constant (<c>c.Day.AddDays(-1)</c>, <c>c.At - TimeSpan.FromHours(1)</c>), also as an element of a
    /// tuple key (<c>(r.Corridor, r.Departure.Date.AddDays(-1))</c>: the corridor's entries of the day before).
    /// </summary>
    private static bool ShiftedTime(IOperation key)
    {
        while (key is IConversionOperation conversion) key = conversion.Operand;
        if (key is ITupleOperation tuple) return tuple.Elements.Any(ShiftedTime);
        return key switch
        {
            IInvocationOperation { Instance: { Type.Name: "DateTime" or "DateTimeOffset" or "DateOnly" }, Arguments: [{ Value.ConstantValue: { HasValue: true, Value: { } amount } }] } shift
                => shift.TargetMethod.Name.StartsWith("Add", System.StringComparison.Ordinal) && System.Convert.ToDouble(amount, System.Globalization.CultureInfo.InvariantCulture) != 0,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract, Type.Name: "DateTime" or "DateTimeOffset" } => true,
            _ => false,
        };
    }
}
