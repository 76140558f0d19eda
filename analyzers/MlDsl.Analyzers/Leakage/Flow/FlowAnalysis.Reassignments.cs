using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// A local assigned as a whole at several places holds, where it is read, only the values of the assignments that reach
/// that read (<see cref="ReachingDefinitions"/>): <c>data = every row; ...; data = split.Train; Fit(data, ...)</c> fits
/// on the training part alone. Every other change to the local (an Add, an element, an assignment in a lambda) is joined
/// into every read, as before; so is every value of a read the graph does not follow. The joined value of each symbol
/// (<c>state</c>) is kept whole for everything that asks by symbol.
/// </summary>
internal sealed partial class FlowAnalysis
{
    private ReachingDefinitions? reachingDefinitions;

    /// <summary>The declarator, assignment or deconstruction whose value <see cref="Assign"/> is storing now, if any.</summary>
    private SyntaxNode? definitionSite;

    /// <summary>Per followed local, the value stored at each of its whole assignments.</summary>
    private readonly Dictionary<ISymbol, Dictionary<SyntaxNode, DataFlow>> definedAt = new(SymbolEqualityComparer.Default);

    /// <summary>Per followed local, what was stored in it other than by a whole assignment: every read sees it.</summary>
    private readonly Dictionary<ISymbol, DataFlow> heldAtEveryRead = new(SymbolEqualityComparer.Default);

    /// <summary>Stores <paramref name="value"/> as the value of the whole assignment at <paramref name="site"/>.</summary>
    private void AssignAt(SyntaxNode site, System.Action store)
    {
        SyntaxNode? before = definitionSite;
        definitionSite = site;
        try
        {
            store();
        }
        finally
        {
            definitionSite = before;
        }
    }

    /// <summary>
    /// Keeps a followed local's value by where it was stored; whether the value some read sees changed.
    /// A value stored other than by one of the local's whole assignments is seen at every read.
    /// </summary>
    private bool RecordReaching(ISymbol symbol, DataFlow value)
    {
        if (reachingDefinitions is null || symbol is not ILocalSymbol local || !reachingDefinitions.Follows(local)) return false;
        if (definitionSite is { } site && reachingDefinitions.IsDefinition(local, site))
        {
            SyntaxNode key = ReachingDefinitions.Key(site);
            if (!definedAt.TryGetValue(symbol, out Dictionary<SyntaxNode, DataFlow>? values)) definedAt[symbol] = values = new Dictionary<SyntaxNode, DataFlow>();
            return JoinInto(values, key, value);
        }
        DataFlow known = heldAtEveryRead.TryGetValue(symbol, out DataFlow? held) ? held : DataFlow.Empty;
        DataFlow joined = known.Join(value);
        if (joined.SameAs(known)) return false;
        heldAtEveryRead[symbol] = joined;
        return true;
    }

    private static bool JoinInto(Dictionary<SyntaxNode, DataFlow> values, SyntaxNode key, DataFlow value)
    {
        DataFlow known = values.TryGetValue(key, out DataFlow? held) ? held : DataFlow.Empty;
        DataFlow joined = known.Join(value);
        if (joined.SameAs(known)) return false;
        values[key] = joined;
        return true;
    }

    /// <summary>A local's value where it is read: the values of the assignments reaching the read, or every value.</summary>
    private DataFlow ReadLocal(ILocalReferenceOperation read)
    {
        if (reachingDefinitions?.Reaching(read) is not { } sites) return Read(read.Local);
        readThisPass.Add(read.Local);
        DataFlow value = heldAtEveryRead.TryGetValue(read.Local, out DataFlow? held) ? held : DataFlow.Empty;
        if (definedAt.TryGetValue(read.Local, out Dictionary<SyntaxNode, DataFlow>? values))
            foreach (SyntaxNode site in sites)
                if (values.TryGetValue(site, out DataFlow? stored)) value = value.Join(stored);
        return value;
    }
}
