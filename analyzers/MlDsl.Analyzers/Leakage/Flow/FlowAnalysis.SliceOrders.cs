using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Which order a slice counts its positions in (<see cref="RowSlice.Order"/>), and which collection a copy is a copy of. A sort
/// keeps the rows (the flow sees the same rows), but <c>byTime.Take(cut)</c> of a sorted copy and <c>rows.Skip(cut)</c> of the
/// rows as read are not the two sides of one cut: the first <c>cut</c> rows by time are spread over the whole file. The order
/// is read from the expression sliced, through copies (<c>ToList</c>, <c>ToArray</c>) and locals that hold one value, back to
/// the last sort; two copies of one sort, or two sorts by the same key, are one order.
/// </summary>
internal sealed partial class FlowAnalysis
{
    private const int MaxOrderDepth = 12;

    /// <summary>Calls whose result holds the same rows in the same order (a copy).</summary>
    private static readonly HashSet<string> CopiesInOrder = new(System.StringComparer.Ordinal)
    {
        "ToList", "ToArray", "AsEnumerable", "AsReadOnly", "Cast", "ToImmutableArray", "ToImmutableList",
    };

    /// <summary>Calls whose result holds the same rows in another order.</summary>
    private static readonly HashSet<string> Reorders = new(System.StringComparer.Ordinal)
    {
        "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "Order", "OrderDescending", "Reverse", "Shuffle",
    };

    /// <summary>
    /// The order <paramref name="collection"/> holds its rows in: empty for the order it was made in (read from a file, passed
    /// in, a part of a split), the sorts since then otherwise (<c>OrderBy:_.At</c>), <see cref="RowSlice.UnknownOrder"/> where a
    /// local changes or the chain is too long to follow.
    /// </summary>
    private static string OrderOf(IOperation? collection, int depth)
    {
        if (collection is null) return "";
        if (depth == 0) return RowSlice.UnknownOrder;
        collection = WithoutConversions(collection);
        switch (collection)
        {
            case IInvocationOperation call when ReceiverOf(call) is { } receiver:
                string name = call.TargetMethod.Name;
                if (CopiesInOrder.Contains(name)) return OrderOf(receiver, depth - 1);
                return name switch
                {
                    // A sort starts a new order (its ties aside); ThenBy refines the one before. Descending is the ascending
                    // order reversed, so that the newest rows first can be compared with the oldest first.
                    "OrderBy" => name + ":" + SortKey(call),
                    "OrderByDescending" => RowSlice.Mirror("OrderBy:" + SortKey(call)),
                    "Order" => name,
                    "OrderDescending" => RowSlice.Mirror("Order"),
                    "ThenBy" or "ThenByDescending" => Then(OrderOf(receiver, depth - 1), name + ":" + SortKey(call)),
                    "Reverse" => Reversed(OrderOf(receiver, depth - 1)),
                    "Shuffle" => "Shuffle" + call.Syntax.SpanStart,
                    _ => "",
                };
            // Query syntax (from h in hours orderby h.Hour select h) is the calls it stands for.
            case ITranslatedQueryOperation query:
                return OrderOf(query.Operation, depth - 1);
            case ILocalReferenceOperation local:
                return Steady(local) && LocalReferences.Of(local).OnlyValueOf(local.Local) is { } held ? OrderOf(held, depth - 1) : RowSlice.UnknownOrder;
            default:
                return "";
        }
    }

    private static string Then(string before, string refinement) =>
        before == RowSlice.UnknownOrder ? before : before.Length == 0 ? refinement : before + "," + refinement;

    private static string Reversed(string order) => order == RowSlice.UnknownOrder ? order : RowSlice.Mirror(order);

    /// <summary>
    /// A sort's key, written so that one key is one text whatever its parameter is called (<c>r =&gt; r.At</c> and
    /// <c>x =&gt; x.At</c> are <c>_.At</c>). A key that does not read the element (<c>_ =&gt; rng.Next()</c>) shuffles: each such
    /// sort is an order of its own.
    /// </summary>
    private static string SortKey(IInvocationOperation call)
    {
        IOperation? key = call.Arguments.Skip(call.Instance is null && call.TargetMethod.IsExtensionMethod ? 1 : 0).FirstOrDefault()?.Value;
        while (key is IConversionOperation or IDelegateCreationOperation)
            key = key is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)key).Target;
        if (key is not IAnonymousFunctionOperation { Symbol.Parameters: [{ } element] } lambda)
            return key is null ? "" : Writable(string.Concat(key.Syntax.DescendantTokens().Select(token => token.Text)));
        SyntaxNode body = lambda.Syntax is AnonymousFunctionExpressionSyntax { Body: { } written } ? written : lambda.Syntax;
        bool readsElement = false;
        string text = string.Concat(body.DescendantTokens().Select(token =>
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != element.Name) return token.Text;
            readsElement = true;
            return "_";
        }));
        return readsElement ? Writable(text) : "shuffled" + call.Syntax.SpanStart;
    }

    /// <summary>A text with the separators of paths and slice segments replaced, so that it can be written into one.</summary>
    private static string Writable(string text) => text.Replace('/', '÷').Replace('|', '¦').Replace(';', ',').Replace('@', 'a');

    /// <summary>
    /// The name of the collection <paramref name="collection"/> holds the rows of, through copies and sorts (<c>byTime</c> of
    /// <c>var byTime = rows.OrderBy(r =&gt; r.At).ToList()</c> is <c>rows</c>): a copy has as many rows as its original. Null
    /// where it is not one collection at every read (see <see cref="SteadyName"/>).
    /// </summary>
    private static string? CopiedFrom(IOperation collection, int depth)
    {
        collection = WithoutConversions(collection);
        if (depth > 0 && collection is ITranslatedQueryOperation query) return CopiedFrom(query.Operation, depth - 1);
        if (depth > 0 && collection is IInvocationOperation call && ReceiverOf(call) is { } receiver
            && (CopiesInOrder.Contains(call.TargetMethod.Name) || Reorders.Contains(call.TargetMethod.Name)))
            return CopiedFrom(receiver, depth - 1);
        string? own = SteadyName(collection);
        if (depth > 0 && own is not null && collection is ILocalReferenceOperation local
            && LocalReferences.Of(local).OnlyValueOf(local.Local) is { } held && Untranslated(WithoutConversions(held)) is IInvocationOperation copy
            && (CopiesInOrder.Contains(copy.TargetMethod.Name) || Reorders.Contains(copy.TargetMethod.Name)))
            return CopiedFrom(copy, depth - 1) ?? own;
        return own;
    }

    /// <summary>The collection a LINQ or collection call works on: its instance, or an extension method's first argument.</summary>
    private static IOperation? ReceiverOf(IInvocationOperation call) =>
        call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);

    /// <summary>A query written in query syntax as the calls it stands for; any other value as it is.</summary>
    private static IOperation Untranslated(IOperation value) => value is ITranslatedQueryOperation query ? query.Operation : value;

    private static IOperation WithoutConversions(IOperation value)
    {
        while (value is IConversionOperation or IParenthesizedOperation)
            value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
        return value;
    }
}
