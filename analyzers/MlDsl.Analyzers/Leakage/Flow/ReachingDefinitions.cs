using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Graph = Microsoft.CodeAnalysis.FlowAnalysis;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Which whole assignments of a local reach each read of it in one body: a reaching-definitions pass over Roslyn's
/// control-flow graph. A local given every row and then only the training part holds the training part where it is
/// read after the second assignment; assignments in the two branches of an <c>if</c>, or before and inside a loop,
/// both reach a read after them, so a leak on any path stays a leak.
/// <para>
/// Only locals declared in the body and assigned as a whole at two places or more are followed. A definition is an
/// initializer, a simple assignment or a deconstruction naming the local; anything else that changes it (an Add,
/// an element written, a compound assignment, an <c>out</c> argument, an assignment in a lambda or in a
/// <c>finally</c>, whose flow the graph leaves implicit) kills nothing, and the analysis joins its value into
/// every read. A read the graph does not show (inside a lambda, run whenever it is called) sees every value.
/// </para>
/// </summary>
internal sealed class ReachingDefinitions
{
    /// <summary>The sites (declarators, assignments, deconstructions) where each followed local is assigned as a whole.</summary>
    private readonly Dictionary<ILocalSymbol, HashSet<SyntaxNode>> sites;

    /// <summary>For each read of a followed local (its identifier), the sites whose value may reach it.</summary>
    private readonly Dictionary<SyntaxNode, HashSet<SyntaxNode>> reaching;

    private ReachingDefinitions(Dictionary<ILocalSymbol, HashSet<SyntaxNode>> sites, Dictionary<SyntaxNode, HashSet<SyntaxNode>> reaching)
    {
        this.sites = sites;
        this.reaching = reaching;
    }

    /// <summary>Whether reads of <paramref name="local"/> are followed.</summary>
    public bool Follows(ILocalSymbol local) => sites.ContainsKey(local);

    /// <summary>Whether <paramref name="site"/> (as <see cref="Key"/> gives it) assigns <paramref name="local"/> as a whole.</summary>
    public bool IsDefinition(ILocalSymbol local, SyntaxNode site) => sites.TryGetValue(local, out HashSet<SyntaxNode>? known) && known.Contains(Key(site));

    /// <summary>The sites that may reach a read, or null when the read is not followed (every value reaches it).</summary>
    public IReadOnlyCollection<SyntaxNode>? Reaching(ILocalReferenceOperation read) =>
        Follows(read.Local) && reaching.TryGetValue(read.Syntax, out HashSet<SyntaxNode>? found) ? found : null;

    /// <summary>The node a definition is known by: a declarator's initializer is known by its declarator.</summary>
    public static SyntaxNode Key(SyntaxNode site) => site switch
    {
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator,
        VariableDeclarationSyntax { Variables.Count: 1 } declaration => declaration.Variables[0],
        _ => site,
    };

    /// <summary>
    /// The definitions reaching each read in <paramref name="body"/>, or null when no local declared there is assigned
    /// as a whole twice (nothing to follow: the flow-insensitive join is then exact) or the body has no graph of its own
    /// (a lambda's body, an initializer).
    /// </summary>
    public static ReachingDefinitions? Compute(IOperation body)
    {
        if (!AssignsALocalTwice(body)) return null;
        Graph.ControlFlowGraph? graph;
        try
        {
            graph = GraphOf(body);
        }
        catch (System.ArgumentException)
        {
            return null; // an operation tree the graph builder does not accept: stay flow-insensitive
        }
        return graph is null ? null : new Builder(graph).Build();
    }

    /// <summary>A cheap look before building a graph: a local assigned as a whole at two places or more.</summary>
    private static bool AssignsALocalTwice(IOperation body)
    {
        var seen = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (IOperation operation in body.Descendants())
        {
            IEnumerable<ILocalSymbol> assigned = operation switch
            {
                IVariableDeclaratorOperation { Initializer: not null } declarator => new[] { declarator.Symbol },
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => new[] { target.Local },
                IDeconstructionAssignmentOperation deconstruction => DeconstructedLocals(deconstruction.Target).Select(local => local.Local),
                _ => Enumerable.Empty<ILocalSymbol>(),
            };
            foreach (ILocalSymbol local in assigned)
                if (!seen.Add(local)) return true;
        }
        return false;
    }

    /// <summary>The locals a deconstruction's target names as a whole (<c>(a, var b)</c>, <c>var (a, b)</c>, nested tuples).</summary>
    private static IEnumerable<ILocalReferenceOperation> DeconstructedLocals(IOperation target)
    {
        if (target is IDeclarationExpressionOperation declaration) target = declaration.Expression;
        if (target is ILocalReferenceOperation local) return new[] { local };
        if (target is ITupleOperation tuple) return tuple.Elements.SelectMany(DeconstructedLocals);
        return Enumerable.Empty<ILocalReferenceOperation>();
    }

    /// <summary>The graph of the method, constructor or local function whose body this is.</summary>
    private static Graph.ControlFlowGraph? GraphOf(IOperation body)
    {
        IOperation root = body;
        while (root.Parent is not null) root = root.Parent;
        Graph.ControlFlowGraph? graph = root switch
        {
            IMethodBodyOperation method => Graph.ControlFlowGraph.Create(method),
            IConstructorBodyOperation constructor => Graph.ControlFlowGraph.Create(constructor),
            IBlockOperation block => Graph.ControlFlowGraph.Create(block),
            _ => null,
        };
        if (graph is null) return null;
        return body.Parent switch
        {
            null or IMethodBodyOperation or IConstructorBodyOperation => graph,
            ILocalFunctionOperation function => LocalFunctionGraph(graph, function.Symbol),
            _ => null, // a lambda's body: its reads are not followed
        };
    }

    private static Graph.ControlFlowGraph? LocalFunctionGraph(Graph.ControlFlowGraph graph, IMethodSymbol function)
    {
        foreach (IMethodSymbol declared in graph.LocalFunctions)
        {
            Graph.ControlFlowGraph inner = graph.GetLocalFunctionControlFlowGraph(declared);
            if (SymbolEqualityComparer.Default.Equals(declared, function)) return inner;
            if (LocalFunctionGraph(inner, function) is { } nested) return nested;
        }
        return null;
    }

    /// <summary>One reaching-definitions pass: definitions numbered, then IN and OUT sets of blocks to a fixed point.</summary>
    private sealed class Builder
    {
        private readonly Graph.ControlFlowGraph graph;
        private readonly HashSet<ILocalSymbol> declared = new(SymbolEqualityComparer.Default);
        private readonly List<(ILocalSymbol Local, SyntaxNode Site)> definitions = new();
        private readonly Dictionary<(ILocalSymbol, SyntaxNode), int> numbers = new();
        private readonly Dictionary<ILocalSymbol, BitArray> ofLocal = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<SyntaxNode, HashSet<SyntaxNode>> reaching = new();

        /// <summary>Definitions found before numbering: which locals are assigned as a whole at two places or more.</summary>
        private Dictionary<ILocalSymbol, HashSet<SyntaxNode>>? found;

        public Builder(Graph.ControlFlowGraph graph)
        {
            this.graph = graph;
            CollectDeclared(graph.Root);
        }

        private void CollectDeclared(Graph.ControlFlowRegion region)
        {
            foreach (ILocalSymbol local in region.Locals) declared.Add(local);
            foreach (Graph.ControlFlowRegion nested in region.NestedRegions) CollectDeclared(nested);
        }

        public ReachingDefinitions? Build()
        {
            found = new Dictionary<ILocalSymbol, HashSet<SyntaxNode>>(SymbolEqualityComparer.Default);
            foreach (Graph.BasicBlock block in graph.Blocks)
                if (!InFinally(block)) Scan(block, current: null);
            var followed = new Dictionary<ILocalSymbol, HashSet<SyntaxNode>>(SymbolEqualityComparer.Default);
            foreach (KeyValuePair<ILocalSymbol, HashSet<SyntaxNode>> pair in found)
                if (pair.Value.Count >= 2) followed[pair.Key] = pair.Value;
            if (followed.Count == 0) return null;
            foreach (KeyValuePair<ILocalSymbol, HashSet<SyntaxNode>> pair in followed)
                foreach (SyntaxNode site in pair.Value)
                {
                    numbers[(pair.Key, site)] = definitions.Count;
                    definitions.Add((pair.Key, site));
                }
            foreach (ILocalSymbol local in followed.Keys)
            {
                var mask = new BitArray(definitions.Count);
                for (int i = 0; i < definitions.Count; i++) mask[i] = SymbolEqualityComparer.Default.Equals(definitions[i].Local, local);
                ofLocal[local] = mask;
            }
            found = null;
            BitArray[] outs = Solve();
            // The last walk records, at each read, the definitions reaching it.
            foreach (Graph.BasicBlock block in graph.Blocks) Scan(block, In(block, outs), record: true);
            return new ReachingDefinitions(followed, reaching);
        }

        private BitArray[] Solve()
        {
            var outs = new BitArray[graph.Blocks.Length];
            for (int i = 0; i < outs.Length; i++) outs[i] = new BitArray(definitions.Count);
            for (bool changed = true; changed;)
            {
                changed = false;
                foreach (Graph.BasicBlock block in graph.Blocks)
                {
                    BitArray current = In(block, outs);
                    Scan(block, current);
                    if (!Same(current, outs[block.Ordinal])) { outs[block.Ordinal] = current; changed = true; }
                }
            }
            return outs;
        }

        /// <summary>
        /// What reaches a block's start: the join of its predecessors'. A block entered only implicitly (a catch, a
        /// finally, code the graph shows no way into) may be reached from anywhere: every definition.
        /// </summary>
        private BitArray In(Graph.BasicBlock block, BitArray[] outs)
        {
            var current = new BitArray(definitions.Count);
            if (block.Kind == Graph.BasicBlockKind.Entry) return current;
            if (block.Predecessors.IsEmpty) return current.Not();
            foreach (Graph.ControlFlowBranch branch in block.Predecessors) current.Or(outs[branch.Source.Ordinal]);
            return current;
        }

        private static bool InFinally(Graph.BasicBlock block)
        {
            for (Graph.ControlFlowRegion? region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
                if (region.Kind == Graph.ControlFlowRegionKind.Finally) return true;
            return false;
        }

        /// <summary>Runs a block's statements in order: collecting definitions (no set), or moving <paramref name="current"/> through them.</summary>
        private void Scan(Graph.BasicBlock block, BitArray? current, bool record = false)
        {
            foreach (IOperation statement in block.Operations) Visit(statement, block, current, record);
            if (block.BranchValue is { } branch) Visit(branch, block, current, record);
        }

        /// <summary>Children before parents, as they run: a value is read before the assignment it is stored by.</summary>
        private void Visit(IOperation operation, Graph.BasicBlock block, BitArray? current, bool record)
        {
            switch (operation)
            {
                case Graph.IFlowAnonymousFunctionOperation:
                    return; // a lambda's body runs when it is called, in a graph of its own
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    Visit(assignment.Value, block, current, record);
                    Define(target.Local, assignment.Syntax, block, current);
                    return;
                case IDeconstructionAssignmentOperation deconstruction:
                    Visit(deconstruction.Value, block, current, record);
                    foreach (ILocalReferenceOperation local in DeconstructedLocals(deconstruction.Target))
                        Define(local.Local, deconstruction.Syntax, block, current);
                    foreach (IOperation element in deconstruction.Target.DescendantsAndSelf().Where(part => part.Parent is ITupleOperation && part is not (ILocalReferenceOperation or ITupleOperation or IDeclarationExpressionOperation)))
                        Visit(element, block, current, record); // (rows[0], other) = ...: the index is read
                    return;
                case ILocalReferenceOperation read when record && current is not null && !read.IsImplicit && ofLocal.TryGetValue(read.Local, out BitArray? mask):
                {
                    if (!reaching.TryGetValue(read.Syntax, out HashSet<SyntaxNode>? sites)) reaching[read.Syntax] = sites = new HashSet<SyntaxNode>();
                    for (int i = 0; i < definitions.Count; i++)
                        if (mask[i] && current[i]) sites.Add(definitions[i].Site);
                    return;
                }
            }
            foreach (IOperation child in operation.ChildOperations) Visit(child, block, current, record);
        }

        private void Define(ILocalSymbol local, SyntaxNode site, Graph.BasicBlock block, BitArray? current)
        {
            if (!declared.Contains(local)) return;
            SyntaxNode key = Key(site);
            if (found is not null)
            {
                if (!found.TryGetValue(local, out HashSet<SyntaxNode>? known)) found[local] = known = new HashSet<SyntaxNode>();
                known.Add(key);
                return;
            }
            if (current is null || !numbers.TryGetValue((local, key), out int number)) return; // one in a finally kills nothing
            var others = (BitArray)ofLocal[local].Clone();
            current.And(others.Not()); // the local's earlier definitions stop here
            current[number] = true;
        }

        private static bool Same(BitArray left, BitArray right)
        {
            for (int i = 0; i < left.Length; i++)
                if (left[i] != right[i]) return false;
            return true;
        }
    }
}
