using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// The pairs a Zip without a result selector yields: <c>legs.Zip(legs.Skip(1))</c> is a sequence of tuples whose <c>First</c>
/// is row <c>k</c> and <c>Second</c> row <c>k + 1</c>, so <c>Select(pair =&gt; pair.First with { InboundDelay =
/// pair.Second.ArrivalDelay })</c> reads the next row's label exactly as the result-selector form
/// (<c>Zip(legs.Skip(1), (current, next) =&gt; ...)</c>) does. The elements are told apart by their position in the tuple,
/// whether named <c>First</c>/<c>Second</c> or <c>Item1</c>/<c>Item2</c>.
/// </summary>
internal sealed partial class EntanglementRule
{
    /// <summary>One element of a Zip's pair read in the projection over the pairs: the lambda's pair parameter and the element's position.</summary>
    private readonly record struct PairElement(IParameterSymbol Pair, int Position);

    /// <summary>
    /// For <c>pair.First</c> (or <c>pair.Item2</c>) where <c>pair</c> is the parameter of a projection over
    /// <c>rows.Zip(rows.Skip(k))</c> (through filters and copies): the element and how far ahead each element's row is;
    /// null for anything else.
    /// </summary>
    private static (PairElement Element, int[] Shifts)? ZippedPairElement(IOperation? current)
    {
        if (PairElementOf(current) is not { } element || element.Pair.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda)
            return null;
        IOperation? node = current;
        while (node is not null && !(node is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))) node = node.Parent;
        node = node?.Parent;
        while (node is IDelegateCreationOperation or IConversionOperation) node = node.Parent;
        if (node is not IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Select" } projection }) return null;
        IOperation? source = projection.Instance ?? projection.Arguments.FirstOrDefault()?.Value;
        for (int hops = 0; hops < 4 && source is not null; hops++)
        {
            while (source is IConversionOperation conversion) source = conversion.Operand;
            if (source is not IInvocationOperation call) return null;
            // The two-source Zip yields the tuple; a Zip given a result selector is ZipShifts' question.
            if (call.TargetMethod.Name == "Zip")
                return call.TargetMethod.Parameters.Length == (call.TargetMethod.IsExtensionMethod && call.Instance is null ? 2 : 1)
                    && ZipSourceShifts(call) is { } shifts ? (element, shifts) : null;
            if (call.TargetMethod.Name is not ("Where" or "ToList" or "ToArray" or "AsEnumerable")) return null;
            source = call.Instance ?? call.Arguments.FirstOrDefault()?.Value;
        }
        return null;
    }

    /// <summary>The element of a tuple-typed lambda parameter a value reads (<c>pair.Second</c>: position 1); null otherwise.</summary>
    private static PairElement? PairElementOf(IOperation? value)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        if (value is not IFieldReferenceOperation { Field: { ContainingType: { IsTupleType: true } tuple } field, Instance: IParameterReferenceOperation { Parameter: var pair } })
            return null;
        // Named (First) or by position (Item2): the element's name is one of the two names of its slot.
        int position = tuple.TupleElements.ToList().FindIndex(element => element.Name == field.Name || element.CorrespondingTupleField?.Name == field.Name);
        return position < 0 ? null : new PairElement(pair, position);
    }

    /// <summary>
    /// For the current row an element of a Zip's pair: a test for a member's instance being an element further ahead
    /// (<c>pair.Second</c> when the row is <c>pair.First</c> of <c>rows.Zip(rows.Skip(1))</c>); null when the row is no such element.
    /// </summary>
    private static System.Func<IOperation, bool>? LaterPairElement(IOperation? current)
    {
        if (ZippedPairElement(current) is not ({ } at, { } shifts)) return null;
        return instance => PairElementOf(instance) is { } other && SymbolEqualityComparer.Default.Equals(other.Pair, at.Pair)
            && other.Position < shifts.Length && shifts[other.Position] > shifts[at.Position];
    }

    /// <summary>The keys (<see cref="Key"/>) a read of a later element of the pair has: <c>pair.Second</c> and <c>pair.Item2</c> alike.</summary>
    private static HashSet<string>? LaterPairElementKeys(IOperation? current)
    {
        if (ZippedPairElement(current) is not ({ } at, { } shifts) || at.Pair.Type is not INamedTypeSymbol { IsTupleType: true } tuple) return null;
        var keys = new HashSet<string>(System.StringComparer.Ordinal);
        for (int position = 0; position < tuple.TupleElements.Length && position < shifts.Length; position++)
        {
            if (shifts[position] <= shifts[at.Position]) continue;
            IFieldSymbol element = tuple.TupleElements[position];
            keys.Add(at.Pair.Name + "." + element.Name);
            keys.Add(at.Pair.Name + "." + (element.CorrespondingTupleField ?? element).Name);
        }
        return keys;
    }
}
