using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// A tally per entity kept while walking the rows oldest first, read for each row before its own row is added
/// (<c>foreach (var e in export.OrderBy(e =&gt; e.Opened)) { int earlier = seen.GetValueOrDefault(e.AccountNo); ...; seen[e.AccountNo] =
/// earlier + 1; }</c>): what a row reads is a count over the entity's strictly earlier rows, a value of that row's past, known
/// when it is scored, as a count filtered to earlier times is (<see cref="EarlierRows"/>). It is no vocabulary learned from every
/// row so long as the finished tally is not read after the loop; read in another order, under another key, after the write or
/// after the loop, it is one, as before.
/// </summary>
internal sealed partial class FlowAnalysis
{
    private bool IsEarlierRowsTally(IPropertyReferenceOperation indexer, ISymbol? collection)
    {
        if (collection is not ILocalSymbol table || indexer.Arguments.Length != 1 || indexer.Parent is not ISimpleAssignmentOperation write
            || write.Target != indexer) return false;
        string key = indexer.Arguments[0].Value.Syntax.ToString();
        IOperation? node = write.Parent;
        while (node is not null and not ILoopOperation) node = node is IAnonymousFunctionOperation or ILocalFunctionOperation ? null : node.Parent;
        if (node is not ILoopOperation { Body: { } body } loop || TimeOrder.Of(WalkedRows(loop, indexer.Arguments[0].Value), Symbols.TimestampAttribute) != TimeOrder.Direction.OldestFirst)
            return false;
        IOperation root = loop;
        while (root.Parent is not null) root = root.Parent;
        foreach (ILocalReferenceOperation reference in root.Descendants().OfType<ILocalReferenceOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(reference.Local, table) || reference.IsDeclaration) continue;
            int at = reference.Syntax.SpanStart;
            // The finished tally read after the loop counts every row.
            if (at >= loop.Syntax.Span.End) return false;
            if (!loop.Syntax.Span.Contains(at)) continue;
            if (reference.Parent is IPropertyReferenceOperation { Property.IsIndexer: true } other && other.Parent is ISimpleAssignmentOperation { Target: var written } && written == other)
            {
                if (other.Arguments[0].Value.Syntax.ToString() != key) return false;
                continue;
            }
            // Every other use reads the row's own entry, before the row is added.
            if (at >= write.Syntax.SpanStart || ReadKey(reference) is not { } read || read != key) return false;
        }
        return body is not null;
    }

    /// <summary>The key a read of a table is made under (<c>seen.GetValueOrDefault(key)</c>, <c>TryGetValue(key, ...)</c>, <c>seen[key]</c>).</summary>
    private static string? ReadKey(ILocalReferenceOperation reference)
    {
        IOperation? parent = reference.Parent;
        while (parent is IConversionOperation or IArgumentOperation) parent = parent.Parent;
        return parent switch
        {
            IInvocationOperation { TargetMethod.Name: "GetValueOrDefault" or "TryGetValue" or "ContainsKey" } call =>
                (call.Instance is null ? call.Arguments.ElementAtOrDefault(1) : call.Arguments.FirstOrDefault())?.Value.Syntax.ToString(),
            IPropertyReferenceOperation { Property.IsIndexer: true, Arguments: [var argument] } => argument.Value.Syntax.ToString(),
            _ => null,
        };
    }

    /// <summary>The rows a loop walks: a foreach's collection, or the list a for or while loop picks the keyed row from (<c>sorted[i]</c>).</summary>
    private static IOperation? WalkedRows(ILoopOperation loop, IOperation key)
    {
        if (loop is IForEachLoopOperation each) return each.Collection;
        IOperation? instance = key;
        for (int hops = 0; hops < 6 && instance is not null; hops++)
        {
            while (instance is IConversionOperation conversion) instance = conversion.Operand;
            switch (instance)
            {
                case IMemberReferenceOperation { Instance: var owner } when instance is not IPropertyReferenceOperation { Property.IsIndexer: true }:
                    instance = owner;
                    continue;
                case ILocalReferenceOperation local:
                    instance = LocalValue.Of(local.Local, local.SemanticModel);
                    continue;
                case IArrayElementReferenceOperation element:
                    return element.ArrayReference;
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: var list }:
                    return list;
                default:
                    return null;
            }
        }
        return null;
    }
}
