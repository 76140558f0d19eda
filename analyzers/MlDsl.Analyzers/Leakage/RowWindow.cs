using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// Which rows of an ordered collection an expression reads relative to the current row <c>i</c> of a loop or a
/// projection: one model for single rows (<c>raw[i - 24]</c>, <c>raw[Math.Min(i + 24, n - 1)]</c>, <c>ElementAt(i + 1)</c>)
/// and windows (<c>Skip(s).Take(t)</c>, <c>Take(t)</c>, <c>Skip(s)</c>, <c>GetRange(s, t)</c>, <c>Slice(s, t)</c>,
/// <c>raw[(i - a)..(i + b)]</c> with its exclusive end). A span is an inclusive interval of offsets from <c>i</c>;
/// <c>null</c> bounds are the first and the last row. Rows before <c>i</c> are the past, known when row <c>i</c> is
/// predicted; row <c>i</c> or a later one carries the label being predicted or a future one.
/// </summary>
internal static partial class RowWindow
{
    /// <summary>The rows read: offsets from the index <paramref name="Index"/> (a loop variable or a lambda parameter).</summary>
    public readonly record struct Span(IOperation Collection, string Index, int? From, int? To, IOperation Window)
    {
        /// <summary>Whether every row read lies before the current one.</summary>
        public bool IsPast => To is < 0;

        /// <summary>The same rows counted the other way round (for rows held newest first): offset k becomes -k, the bounds swap.</summary>
        public Span Mirrored => this with { From = -To, To = -From };
    }

    private const int Hops = 6;

    /// <summary>The window a LINQ or list call works on: its receiver, or an extension method's first argument.</summary>
    public static Span? OfReceiver(IInvocationOperation call) => Of(call.Instance ?? call.Arguments.FirstOrDefault()?.Value);

    /// <summary>The window <paramref name="value"/> takes of a collection around a row index; null when it is no such window.</summary>
    public static Span? Of(IOperation? value)
    {
        for (int hops = 0; hops < Hops && value is not null; hops++)
        {
            value = Strip(value);
            if (RangeIndex(value) is { } ranged) return ranged;
            // A window kept in a local (List<Reading> week = raw.GetRange(i - 7, 7)) is read through its initializer.
            if (value is ILocalReferenceOperation local)
            {
                value = Initializer(local);
                continue;
            }
            if (value is not IInvocationOperation link) return null;
            IOperation? inner = Receiver(link);
            IOperation[] arguments = Arguments(link);
            switch (link.TargetMethod.Name)
            {
                case "Take" when arguments.Length == 1 && inner is not null:
                    // Skip(i + a).Take(t): rows i + a .. i + a + t - 1.
                    if (Strip(inner) is IInvocationOperation { TargetMethod.Name: "Skip" } skip && Arguments(skip) is { Length: 1 } skipped
                        && Offset(skipped[0]) is { } start && Receiver(skip) is { } skipSource)
                        return MostRows(arguments[0]) is { } count
                            ? new Span(skipSource, start.Index, start.Offset, start.Offset + count - 1, link)
                            : new Span(skipSource, start.Index, start.Offset, null, link);
                    // Take(i + c): every row before i + c.
                    return Offset(arguments[0]) is { } end ? new Span(inner, end.Index, null, end.Offset - 1, link) : null;
                case "Skip" when arguments.Length == 1 && inner is not null:
                    return Offset(arguments[0]) is { } from ? new Span(inner, from.Index, from.Offset, null, link) : null;
                case "GetRange" or "Slice" when arguments.Length == 2 && inner is not null:
                    return Offset(arguments[0]) is { } first
                        ? new Span(inner, first.Index, first.Offset,
                            arguments[1].ConstantValue is { HasValue: true, Value: int length } ? first.Offset + length - 1 : null, link)
                        : null;
                case "Select" or "Where" or "Cast" or "OfType" or "ToList" or "ToArray" or "AsEnumerable" or "OrderBy" or "OrderByDescending":
                    value = inner;
                    continue;
                default:
                    return null;
            }
        }
        return null;
    }

    /// <summary>The one row <paramref name="instance"/> picks around a row index (<c>raw[i + 1]</c>, <c>raw.ElementAt(i - 1)</c>); null otherwise.</summary>
    public static Span? Element(IOperation? instance)
    {
        if (instance is null) return null;
        instance = Strip(instance);
        (IOperation? collection, IOperation? index) = instance switch
        {
            IArrayElementReferenceOperation { Indices.Length: 1 } array => (array.ArrayReference, array.Indices[0]),
            IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } owner } indexer => (owner, indexer.Arguments[0].Value),
            IInvocationOperation { TargetMethod.Name: "ElementAt" or "ElementAtOrDefault" } call when Arguments(call) is { Length: 1 } at => (Receiver(call), at[0]),
            _ => (null, null),
        };
        return collection is not null && index is not null && Offset(index) is { } offset
            ? new Span(collection, offset.Index, offset.Offset, offset.Offset, instance)
            : null;
    }

    /// <summary>
    /// The row an indexed projection's element stands for: in <c>days.Select((d, i) =&gt; ...)</c>, <c>d</c> is <c>days[i]</c>, so the
    /// projection is the same as a <c>for</c> loop over <c>i</c> and reads around it follow the same model. Null for anything else.
    /// </summary>
    public static Span? IndexedProjectionRow(IOperation? current)
    {
        if (current is null || Strip(current) is not IParameterReferenceOperation { Parameter: { Ordinal: 0, ContainingSymbol: IMethodSymbol
            { MethodKind: MethodKind.AnonymousFunction, Parameters.Length: 2 } lambda } } element
            || lambda.Parameters[1].Type.SpecialType != SpecialType.System_Int32) return null;
        IOperation? node = element.Parent;
        while (node is not null && !(node is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))) node = node.Parent;
        node = node?.Parent;
        while (node is IDelegateCreationOperation or IConversionOperation) node = node.Parent;
        return node is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Select" } projection } && Receiver(projection) is { } source
            ? new Span(Strip(source), lambda.Parameters[1].Name, 0, 0, element)
            : null;
    }

    /// <summary>
    /// The one row <paramref name="instance"/> picks from a window around a row index (<c>previous[^1]</c>, <c>previous[0]</c>,
    /// <c>previous.Last()</c> where <c>previous = raw.GetRange(i - 3, 3)</c>): the window and the row's offset from the index;
    /// null when it is no such element or the window's bound it counts from is not known.
    /// </summary>
    public static (Span Window, int Offset)? WindowElement(IOperation instance)
    {
        instance = Strip(instance);
        (IOperation? collection, IOperation? index, bool last) = instance switch
        {
            IImplicitIndexerReferenceOperation implicitIndex => (implicitIndex.Instance, implicitIndex.Argument, false),
            IArrayElementReferenceOperation { Indices.Length: 1 } array => (array.ArrayReference, array.Indices[0], false),
            IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } owner } indexer => (owner, indexer.Arguments[0].Value, false),
            IInvocationOperation { TargetMethod.Name: "ElementAt" or "ElementAtOrDefault" } call when Arguments(call) is { Length: 1 } at => (Receiver(call), at[0], false),
            IInvocationOperation { TargetMethod.Name: "First" or "FirstOrDefault" } call when Arguments(call).Length == 0 => (Receiver(call), null, false),
            IInvocationOperation { TargetMethod.Name: "Last" or "LastOrDefault" } call when Arguments(call).Length == 0 => (Receiver(call), null, true),
            _ => (null, null, false),
        };
        if (collection is null || Of(collection) is not { } window) return null;
        if (index is null) return last ? window.To is { } end ? (window, end) : null : window.From is { } start ? (window, start) : null;
        index = Strip(index);
        if (index is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat, Operand.ConstantValue: { HasValue: true, Value: int fromEnd } })
            return window.To is { } to ? (window, to - fromEnd + 1) : null;
        return index.ConstantValue is { HasValue: true, Value: int position } && window.From is { } from ? (window, from + position) : null;
    }

    /// <summary>
    /// For <c>i</c>, <c>i ± c</c>, <c>c + i</c> where <c>i</c> is a row index, and clamps of them (<c>Math.Min(i + 24, n - 1)</c>,
    /// <c>Math.Max(i - 24, 0)</c>: the clamp binds only at the edges of the series): the index and the constant offset.
    /// </summary>
    public static (string Index, int Offset)? Offset(IOperation value)
    {
        value = Strip(value);
        if (IsRowIndex(value)) return (Name(value), 0);
        if (value is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract or BinaryOperatorKind.Add } binary)
        {
            if (IsRowIndex(binary.LeftOperand) && binary.RightOperand.ConstantValue is { HasValue: true, Value: int constant })
                return (Name(binary.LeftOperand), binary.OperatorKind == BinaryOperatorKind.Subtract ? -constant : constant);
            if (binary.OperatorKind == BinaryOperatorKind.Add && IsRowIndex(binary.RightOperand) && binary.LeftOperand.ConstantValue is { HasValue: true, Value: int left })
                return (Name(binary.RightOperand), left);
        }
        if (value is IInvocationOperation { TargetMethod: { Name: "Min" or "Max", ContainingType.Name: "Math" }, Arguments.Length: 2 } clamp)
        {
            var (a, b) = (Offset(clamp.Arguments[0].Value), Offset(clamp.Arguments[1].Value));
            if (a is not null && b is null) return a;
            if (b is not null && a is null) return b;
        }
        return null;
    }

    /// <summary>
    /// The most rows a count takes: a constant, or a clamp <c>Math.Min(5, i)</c> by one (never more than 5, fewer at the start
    /// of the series); null when not bounded by a constant.
    /// </summary>
    private static int? MostRows(IOperation count)
    {
        count = Strip(count);
        if (count.ConstantValue is { HasValue: true, Value: int constant }) return constant;
        if (count is IInvocationOperation { TargetMethod: { Name: "Min", ContainingType.Name: "Math" }, Arguments.Length: 2 } clamp)
        {
            var (a, b) = (MostRows(clamp.Arguments[0].Value), MostRows(clamp.Arguments[1].Value));
            return a is { } x && b is { } y ? System.Math.Min(x, y) : a ?? b;
        }
        return null;
    }

    /// <summary>A for loop's variable or a lambda's integer parameter: the index of the row being made.</summary>
    public static bool IsRowIndex(IOperation value)
    {
        value = Strip(value);
        return value switch
        {
            ILocalReferenceOperation local => local.Local.DeclaringSyntaxReferences.Any(reference =>
                reference.GetSyntax().Parent?.Parent is ForStatementSyntax),
            IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction }, Type.SpecialType: SpecialType.System_Int32 } } => true,
            IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.Ordinary }, Type.SpecialType: SpecialType.System_Int32 } parameter } reference
                => PassedRowIndex(parameter, reference.SemanticModel),
            _ => false,
        };
    }

    /// <summary><c>raw[(i - 7)..i]</c>: rows i - 7 .. i - 1 (the end is exclusive; <c>^k</c> and an open end run to the last row).</summary>
    private static Span? RangeIndex(IOperation value)
    {
        if (value.Syntax is not ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } access
            || access.ArgumentList.Arguments[0].Expression is not RangeExpressionSyntax range || value.SemanticModel is not { } model) return null;
        if (model.GetOperation(access.Expression) is not { } collection) return null;
        (string Index, int Offset)? start = range.LeftOperand is null ? null : model.GetOperation(Unparenthesized(range.LeftOperand)) is { } left ? Offset(left) : null;
        (string Index, int Offset)? end = range.RightOperand is null or PrefixUnaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.IndexExpression }
            ? null : model.GetOperation(Unparenthesized(range.RightOperand)) is { } right ? Offset(right) : null;
        if (start is null && end is null) return null;
        if (range.LeftOperand is not null && start is null || range.RightOperand is not null && end is null
            && range.RightOperand is not PrefixUnaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.IndexExpression }) return null;
        string index = (start ?? end)!.Value.Index;
        return new Span(collection, index, start?.Offset, end is { } e ? e.Offset - 1 : null, value);
    }

    /// <summary>What a local holds (its initializer, its element of a deconstructed tuple: <see cref="LocalValue"/>), when known in the same tree.</summary>
    public static IOperation? Initializer(ILocalReferenceOperation local)
        => LocalValue.Of(local.Local, local.SemanticModel);

    private static ExpressionSyntax Unparenthesized(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
        return expression;
    }

    private static string Name(IOperation index) => Strip(index) switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        _ => index.Syntax.ToString(),
    };

    private static IOperation Strip(IOperation value)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        return value;
    }

    private static IOperation? Receiver(IInvocationOperation call) => call.Instance ?? call.Arguments.FirstOrDefault()?.Value;

    private static IOperation[] Arguments(IInvocationOperation call) =>
        (call.Instance is null && call.TargetMethod.IsExtensionMethod ? call.Arguments.Skip(1) : call.Arguments).Select(argument => argument.Value).ToArray();
}
