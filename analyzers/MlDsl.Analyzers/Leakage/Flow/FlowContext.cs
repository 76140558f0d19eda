using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// What the analysis of one compilation shares between methods: the MlDsl symbols, which types hold
/// rows, and the summaries of helper methods (what each returns in terms of its parameters).
/// </summary>
internal sealed class FlowContext
{
    /// <summary>How many helper calls deep summaries follow; deeper calls join their arguments.</summary>
    public const int MaxSummaryDepth = 3;

    private readonly ConcurrentDictionary<ITypeSymbol, bool> rowTyped = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary?> summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamespaceSymbol, bool> collectionNamespaces = new(SymbolEqualityComparer.Default);

    public FlowContext(LeakageSymbols symbols, Compilation compilation)
    {
        Symbols = symbols;
        Compilation = compilation;
    }

    public LeakageSymbols Symbols { get; }
    public Compilation Compilation { get; }

    /// <summary>A [Dataset] row, a collection of rows (also nested, as in groups), or a split of rows.</summary>
    public bool IsRowTyped(ITypeSymbol? type)
    {
        if (type is null) return false;
        return rowTyped.GetOrAdd(type, t => ComputeRowTyped(t, 0));
    }

    private bool ComputeRowTyped(ITypeSymbol type, int depth)
    {
        if (depth > 3) return false;
        if (type is IArrayTypeSymbol array) return ComputeRowTyped(array.ElementType, depth + 1);
        if (type is not INamedTypeSymbol named) return false;
        if (LeakageSymbols.HasAttribute(named, Symbols.DatasetAttribute) || Symbols.IsDataSplit(named)) return true;
        if (named.SpecialType == SpecialType.System_String) return false;
        IEnumerable<INamedTypeSymbol> enumerables = named.AllInterfaces.Append(named)
            .Where(candidate => candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
        return enumerables.Any(enumerable => ComputeRowTyped(enumerable.TypeArguments[0], depth + 1));
    }

    /// <summary>A method of LINQ, the collections or arrays: it keeps, selects or aggregates the rows it is given.</summary>
    public bool IsEnumerableLike(IMethodSymbol method)
    {
        if (method.ContainingNamespace is { } space && collectionNamespaces.GetOrAdd(space, s => s.ToDisplayString() is "System.Linq" or "System.Collections.Generic" or "System.Collections.Immutable"))
            return true;
        return method.ContainingType?.SpecialType == SpecialType.System_Array || method.ContainingType?.Name == "Array";
    }

    /// <summary>The summary of a method declared in source, or null when it has no body here or is being summarised (recursion).</summary>
    public MethodSummary? Summary(IMethodSymbol method, int depth)
    {
        if (depth >= MaxSummaryDepth) return null;
        method = method.OriginalDefinition;
        if (summaries.TryGetValue(method, out MethodSummary? known)) return known;
        // Only this thread's own recursion sees "no summary": analyzers run concurrently, and another
        // method's analysis must never take a summary still being computed for missing.
        computing ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (!computing.Add(method)) return null;
        try
        {
            MethodSummary? summary = MethodSummary.Compute(this, method, depth + 1);
            return summaries.GetOrAdd(method, summary);
        }
        finally
        {
            computing.Remove(method);
        }
    }

    [System.ThreadStatic] private static HashSet<IMethodSymbol>? computing;
}
