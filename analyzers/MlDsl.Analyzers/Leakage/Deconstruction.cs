using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// Locals given their values by deconstructing a tuple literal (<c>var (train, test) = (rows.Take(cut).ToList(), rows.Skip(cut).ToList())</c>,
/// <c>(var a, var b) = (x, y)</c>, <c>(a, b) = (x, y)</c>, nested tuples): each local receives the element at its place, exactly as
/// if it had been assigned that element alone, so the rules that follow a local to its value, or a value to the local that
/// keeps it, follow these too. A deconstruction of anything else (a split's parts, a helper's returned tuple) pairs nothing:
/// which part a local receives is not written there.
/// </summary>
internal static class Deconstruction
{
    /// <summary>Each local of the target beside the element of the tuple literal it receives.</summary>
    public static IEnumerable<(ILocalSymbol Local, IOperation Value)> LocalsGiven(IDeconstructionAssignmentOperation deconstruction)
    {
        var pairs = new List<(ILocalSymbol, IOperation)>();
        Pair(deconstruction.Target, deconstruction.Value, pairs);
        return pairs;
    }

    private static void Pair(IOperation target, IOperation value, List<(ILocalSymbol, IOperation)> pairs)
    {
        if (target is IDeclarationExpressionOperation declaration) target = declaration.Expression;
        if (target is ILocalReferenceOperation local)
        {
            pairs.Add((local.Local, value));
            return;
        }
        value = WithoutConversions(value);
        if (target is not ITupleOperation targets || value is not ITupleOperation values || targets.Elements.Length != values.Elements.Length) return;
        for (int i = 0; i < targets.Elements.Length; i++) Pair(targets.Elements[i], values.Elements[i], pairs);
    }

    /// <summary>The local that <paramref name="element"/>, an element of a tuple literal being deconstructed, lands in; null otherwise.</summary>
    public static ILocalSymbol? LocalGiven(IOperation element)
    {
        var path = new List<int>();
        IOperation node = element;
        while (true)
        {
            IOperation? parent = node.Parent;
            while (parent is IConversionOperation)
            {
                node = parent;
                parent = parent.Parent;
            }
            switch (parent)
            {
                case ITupleOperation tuple:
                    path.Add(tuple.Elements.IndexOf(node));
                    node = tuple;
                    continue;
                case IDeconstructionAssignmentOperation deconstruction when deconstruction.Value == node && path.Count > 0:
                    path.Reverse();
                    return Target(deconstruction.Target, path);
                default:
                    return null;
            }
        }
    }

    private static ILocalSymbol? Target(IOperation target, List<int> path)
    {
        foreach (int index in path)
        {
            if (target is IDeclarationExpressionOperation declaration) target = declaration.Expression;
            if (target is not ITupleOperation tuple || index < 0 || index >= tuple.Elements.Length) return null;
            target = tuple.Elements[index];
        }
        if (target is IDeclarationExpressionOperation declared) target = declared.Expression;
        return (target as ILocalReferenceOperation)?.Local;
    }

    private static IOperation WithoutConversions(IOperation value)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        return value;
    }
}
