using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// One record that is not yet a [Dataset] row (a stay as the hospital exports it, with its several readings): the element a
/// projection's lambda or a <c>foreach</c> is given, <c>raws[i]</c>, or the parameter of a per-record helper
/// (<c>static Visit ToVisit(RawVisit raw)</c>). An aggregate over its own values (<c>raw.Readings.Average()</c>,
/// <c>raw.Notes.Count(char.IsDigit)</c>) is a feature of that record, as it is for a row (<see cref="OneRowValue"/>). Elements
/// of a grouping or of a dictionary are not records: they hold what was filed from several rows, and their aggregates are
/// statistics across rows, as before.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>What names the one record <paramref name="value"/> is (its symbol, or an element access's text); null when it is no such record.</summary>
    private object? OneRecord(IOperation value)
    {
        if (!IsSingleRecordType(value.Type)) return null;
        switch (value)
        {
            case IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda } parameter } reference:
                return ElementCollection(reference, lambda) is { } elements && Ungrouped(elements) ? parameter : null;
            case IParameterReferenceOperation { Parameter: { RefKind: RefKind.None } parameter }:
                // A helper taking one record (ToVisit(RawVisit raw)) is called per record; what it aggregates is that record's.
                return parameter;
            case ILocalReferenceOperation local when ForEachCollection(local) is { } walked:
                return Ungrouped(walked) ? local.Local : null;
            case IArrayElementReferenceOperation { Indices.Length: 1 } element when Eval(element.Indices[0]).Rows.IsEmpty && Ungrouped(element.ArrayReference):
                return element.Syntax.ToString();
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } list } indexer
                when Eval(indexer.Arguments[0].Value).Rows.IsEmpty && Ungrouped(list):
                return indexer.Syntax.ToString();
            default:
                return null;
        }
    }

    /// <summary>
    /// A class, struct or record that is one value (no sequence, string, number or delegate), holds no rows itself and is no
    /// model or split: the shape of a record read from a file before it becomes a row.
    /// </summary>
    private bool IsSingleRecordType(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, SpecialType: SpecialType.None, IsTupleType: false } named
        && !IsSystem(named.ContainingNamespace?.ToDisplayString()) && !IsCollection(named)
        && !context.IsRowTyped(named) && !Symbols.IsModelType(named) && !Symbols.IsDataSplit(named);

    private static bool IsSystem(string? space) => space is not null && (space == "System" || space.StartsWith("System.", System.StringComparison.Ordinal));

    /// <summary>The collection whose elements a lambda given to a LINQ call receives, or null.</summary>
    private IOperation? ElementCollection(IOperation inside, IMethodSymbol lambda)
    {
        IOperation? node = inside.Parent;
        while (node is not null && !(node is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))) node = node.Parent;
        while (node is not null and not IInvocationOperation) node = node.Parent;
        if (node is not IInvocationOperation owner || !context.IsEnumerableLike(owner.TargetMethod)) return null;
        return owner.Instance ?? (owner.TargetMethod.IsExtensionMethod ? owner.Arguments.FirstOrDefault()?.Value : null);
    }

    /// <summary>The collection a <c>foreach</c> walks when <paramref name="local"/> is its variable, or null.</summary>
    private static IOperation? ForEachCollection(ILocalReferenceOperation local)
    {
        for (IOperation? node = local.Parent; node is not null; node = node.Parent)
            if (node is IForEachLoopOperation loop && loop.Locals.Contains(local.Local, SymbolEqualityComparer.Default)) return loop.Collection;
        return null;
    }
}
