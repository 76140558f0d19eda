using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Whether an ordering (<c>OrderBy</c>, <c>ThenByDescending</c>) picks something: an ordering decides only where an
/// element is taken from its front (<c>First()</c>, <c>[0]</c>) or it leaves for code that may do so. A table
/// ordered and only enumerated, printed or written out (error analysis after the final evaluation, a
/// leaderboard) keeps every candidate and chooses none.
/// </summary>
internal static class OrderingUse
{
    /// <summary>Calls that take one element by its place: after an ordering, the best or the worst.</summary>
    private static readonly HashSet<string> Picks = new(System.StringComparer.Ordinal)
    {
        "First", "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault", "ElementAt", "ElementAtOrDefault",
    };

    /// <summary>Calls that keep the order (and the elements, or some of them) of what they are given.</summary>
    private static readonly HashSet<string> KeepOrder = new(System.StringComparer.Ordinal)
    {
        "ToList", "ToArray", "AsEnumerable", "ToImmutableArray", "ToImmutableList", "ThenBy", "ThenByDescending", "Select", "Where",
        "Take", "Skip", "TakeWhile", "SkipWhile", "Cast", "OfType", "Distinct",
    };

    private const int MaxDepth = 4;

    /// <summary>Whether the ordering <paramref name="ordering"/> may choose: its front element read, or its result sent where that is unknown.</summary>
    public static bool MayPick(IInvocationOperation ordering) => MayPick(ordering, MaxDepth);

    private static bool MayPick(IOperation value, int depth)
    {
        if (depth < 0) return true;
        IOperation? parent = value.Parent;
        while (parent is IConversionOperation) parent = parent.Parent;
        switch (parent)
        {
            case IForEachLoopOperation loop when loop.Collection.Syntax == value.Syntax || Unwrapped(loop.Collection) == value:
                // Enumerated in order: each element in turn, none kept for its place (unless the loop leaves early).
                return loop.Body.Descendants().Any(operation => operation is IBranchOperation { BranchKind: BranchKind.Break } || operation is IReturnOperation);
            case IInterpolationOperation or IInterpolatedStringOperation:
                return false;
            case IArrayElementReferenceOperation element when element.ArrayReference == value:
                return true;
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when indexer.Instance == value:
                return true;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return References(declarator.Symbol, parent).Any(reference => MayPick(reference, depth - 1));
            case IArgumentOperation { Parent: IInvocationOperation call } argument:
                if (Consumer(call, argument) is { } chained) return Chained(chained, depth);
                return !IsReport(call);
            case IInvocationOperation call when call.Instance == value:
                return Chained(call, depth);
            default:
                return true;
        }
    }

    private static bool Chained(IInvocationOperation call, int depth)
    {
        string name = call.TargetMethod.Name;
        if (Picks.Contains(name)) return true;
        if (KeepOrder.Contains(name)) return MayPick(call, depth);
        // string.Join(", ", ordered) and the like read every element.
        return !IsReport(call);
    }

    /// <summary>The call the value is the receiver of, as an extension method's first argument.</summary>
    private static IInvocationOperation? Consumer(IInvocationOperation call, IArgumentOperation argument) =>
        call.Instance is null && call.TargetMethod.IsExtensionMethod && call.Arguments.FirstOrDefault() == argument ? call : null;

    /// <summary>Calls that only print or write out what they are given.</summary>
    private static bool IsReport(IInvocationOperation call)
    {
        string type = call.TargetMethod.ContainingType?.Name ?? "";
        string name = call.TargetMethod.Name;
        return type is "Console" or "TextWriter" or "StreamWriter" && name is "WriteLine" or "Write"
            || type == "File" && name.StartsWith("Write", System.StringComparison.Ordinal)
            || type == "File" && name.StartsWith("Append", System.StringComparison.Ordinal)
            || type == "String" && name is "Join" or "Concat";
    }

    private static IOperation Unwrapped(IOperation operation)
    {
        while (operation is IConversionOperation conversion) operation = conversion.Operand;
        return operation;
    }

    private static IEnumerable<ILocalReferenceOperation> References(ILocalSymbol local, IOperation near) => LocalReferences.Of(near).UsesOf(local);
}
