using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// The references to each local of one whole operation tree (a method body with its lambdas and local functions),
/// listed once: the leakage rules ask "every reference to this local" again and again for one body (at each score
/// and ordering, in every pass of the flow analysis), and each question walked the whole tree anew. Each list keeps
/// the walk's order, so every answer is the walk's answer.
/// The tree of a body is built once per compilation and shared by every analyzer of it; an edit makes new trees.
/// </summary>
internal sealed class LocalReferences
{
    private static readonly ConditionalWeakTable<IOperation, LocalReferences> PerRoot = new();
    private static readonly ConditionalWeakTable<IOperation, LocalReferences>.CreateValueCallback Build = root => new LocalReferences(root);

    private readonly Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> references = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The values each local is given: where it is declared, by plain assignments (<c>x = value</c>), and by deconstructing a
    /// tuple literal (<see cref="Deconstruction"/>).
    /// </summary>
    private readonly Dictionary<ILocalSymbol, List<IOperation>> values = new(SymbolEqualityComparer.Default);

    private LocalReferences(IOperation root)
    {
        foreach (IOperation operation in root.Descendants())
        {
            // var (a, b) = (x, y) gives a and b their values as two plain declarations would.
            if (operation is IDeconstructionAssignmentOperation deconstruction)
                foreach ((ILocalSymbol local, IOperation element) in Deconstruction.LocalsGiven(deconstruction)) Give(local, element);
            (ILocalSymbol Local, IOperation Value)? given = operation switch
            {
                IVariableDeclaratorOperation { Initializer.Value: { } initial } declarator => (declarator.Symbol, initial),
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target, Value: { } assigned } => (target.Local, assigned),
                _ => null,
            };
            if (given is { } value) Give(value.Local, value.Value);
            if (operation is not ILocalReferenceOperation reference) continue;
            if (!references.TryGetValue(reference.Local, out List<ILocalReferenceOperation>? list)) references[reference.Local] = list = new List<ILocalReferenceOperation>();
            list.Add(reference);
        }
    }

    private void Give(ILocalSymbol local, IOperation value)
    {
        if (!values.TryGetValue(local, out List<IOperation>? valuesOfLocal)) values[local] = valuesOfLocal = new List<IOperation>();
        valuesOfLocal.Add(value);
    }

    /// <summary>The index of the whole tree <paramref name="near"/> belongs to (its topmost parent's).</summary>
    public static LocalReferences Of(IOperation near)
    {
        IOperation root = near;
        while (root.Parent is not null) root = root.Parent;
        return PerRoot.GetValue(root, Build);
    }

    /// <summary>Every reference to <paramref name="local"/> in the tree (declarations such as <c>out var x</c> included), in the walk's order.</summary>
    public IReadOnlyList<ILocalReferenceOperation> ReferencesTo(ILocalSymbol local) =>
        references.TryGetValue(local, out List<ILocalReferenceOperation>? list) ? list : System.Array.Empty<ILocalReferenceOperation>();

    /// <summary>
    /// The one value <paramref name="local"/> is ever given by a declaration or a plain assignment; null when it is given none
    /// or several (whether other writes change it, <c>x++</c> or <c>out x</c>, is the caller's to check).
    /// </summary>
    public IOperation? OnlyValueOf(ILocalSymbol local) =>
        values.TryGetValue(local, out List<IOperation>? list) && list.Count == 1 ? list[0] : null;

    /// <summary>The references that read or write <paramref name="local"/>, not those that declare it.</summary>
    public IEnumerable<ILocalReferenceOperation> UsesOf(ILocalSymbol local)
    {
        foreach (ILocalReferenceOperation reference in ReferencesTo(local))
            if (!reference.IsDeclaration) yield return reference;
    }
}
