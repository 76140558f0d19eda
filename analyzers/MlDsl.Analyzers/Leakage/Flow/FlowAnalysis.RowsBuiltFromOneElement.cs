using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// A new row built from one element of a counting loop (<c>hours.Add(new PvHour { Hour = raw[i].Hour, ... })</c>): it holds the
/// record at position <c>i</c> and nothing else of the rows, as <c>hours.Add(raw[i])</c> would, so the add is named by the
/// loop's run of positions (<see cref="IndexLoopSegment"/>) and a later loop over <c>raw.Skip(half)</c> is compared with it by
/// position. Read so only where every mention of the collection is an element at the counter and the rest of the value reads
/// plain values (numbers, dates, strings): anything else might carry other rows into the new one.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>The one element <c>rows[i]</c> a built value reads its rows from, or null when it reads rows any other way.</summary>
    private static (IOperation Collection, IOperation Index)? BuiltFromOneElement(IOperation value)
    {
        if (WithoutConversions(value) is not (IObjectCreationOperation or IWithOperation or IAnonymousObjectCreationOperation)) return null;
        (IOperation Collection, IOperation Index)? found = null;
        foreach (IOperation node in value.Descendants())
        {
            if (ElementAt(node) is not { } element) continue;
            if (WithoutConversions(element.Index) is not ILocalReferenceOperation counter
                || ReferencedSymbol(WithoutConversions(element.Collection)) is not { } collection) return null;
            if (found is { } first && (!SymbolEqualityComparer.Default.Equals(ReferencedSymbol(WithoutConversions(first.Collection)), collection)
                || !SymbolEqualityComparer.Default.Equals(((ILocalReferenceOperation)WithoutConversions(first.Index)).Local, counter.Local))) return null;
            found ??= element;
        }
        if (found is not { } read) return null;
        ISymbol rows = ReferencedSymbol(WithoutConversions(read.Collection))!;
        foreach (IOperation node in value.Descendants())
        {
            if (ReferencedSymbol(node) is not { } symbol) continue;
            bool asElement = node.Parent is { } parent && ElementAt(parent) is { } element && WithoutConversions(element.Collection) == node;
            if (SymbolEqualityComparer.Default.Equals(symbol, rows) ? !asElement : !HoldsPlainValue(symbol)) return null;
        }
        return found;
    }

    /// <summary><c>rows[i]</c> as an array element or an indexer with one argument; null for anything else.</summary>
    private static (IOperation Collection, IOperation Index)? ElementAt(IOperation node) => node switch
    {
        IArrayElementReferenceOperation { Indices.Length: 1 } array => (array.ArrayReference, array.Indices[0]),
        IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance, Arguments.Length: 1 } indexer => (instance, indexer.Arguments[0].Value),
        _ => null,
    };

    private static ISymbol? ReferencedSymbol(IOperation node) => node switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation { Field.IsConst: false } field => field.Field,
        _ => null,
    };

    /// <summary>A local, parameter or field of a plain type (a number, a date, a string, an enum): it holds no rows.</summary>
    private static bool HoldsPlainValue(ISymbol symbol)
    {
        ITypeSymbol? type = symbol switch { ILocalSymbol local => local.Type, IParameterSymbol parameter => parameter.Type, IFieldSymbol field => field.Type, _ => null };
        return type is not null && (type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Enum
            || type is { Name: "DateTime" or "DateTimeOffset" or "TimeSpan" or "Guid", ContainingNamespace.Name: "System" });
    }
}
