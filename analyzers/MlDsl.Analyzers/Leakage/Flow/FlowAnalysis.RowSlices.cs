using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Which positions a slice of rows takes (<see cref="RowSlice"/>): read from the call or the range that takes it, with each
/// bound written over the values it is computed from, so that <c>x.Take(cut)</c> and <c>x.Skip(cut)</c> with the same
/// <c>cut</c> are seen to be the two sides of one cut. A bound is read only from values that hold one value for the whole
/// method (constants, parameters, locals assigned once, a for loop's variable within one pass of its body, the count of
/// the rows being sliced); otherwise the slice is a subset of its own, as every Take and Skip was before.
/// </summary>
internal sealed partial class FlowAnalysis
{
    private const int MaxBoundDepth = 8;

    /// <summary>The slice segment a LINQ, list, array or span call takes of <paramref name="receiver"/>; null when it is none or its bounds are not known.</summary>
    private static string? SliceSegment(string name, IOperation? receiver, IReadOnlyList<IArgumentOperation> arguments)
    {
        if (arguments.Count == 0) return null;
        IOperation[] values = arguments.Select(argument => argument.Value).ToArray();
        RowSlice.Bound? Read(int i) => BoundOf(values[i], receiver, MaxBoundDepth);
        RowSlice? slice = (name, values.Length) switch
        {
            ("Take" or "AsSpan" or "AsMemory", 1) when Range(values[0]) is { } range => RangeSlice(range, receiver),
            ("Take", 1) => Read(0) is { } count ? RowSlice.Of(RowSlice.Bound.Zero, count) : null,
            ("Skip" or "AsSpan" or "AsMemory" or "Slice", 1) => Read(0) is { } start ? RowSlice.Of(start, RowSlice.Bound.EndOfRows) : null,
            ("TakeLast", 1) => Read(0) is { } count ? RowSlice.Of(RowSlice.Bound.EndOfRows.Plus(count, -1), RowSlice.Bound.EndOfRows) : null,
            ("SkipLast", 1) => Read(0) is { } count ? RowSlice.Of(RowSlice.Bound.Zero, RowSlice.Bound.EndOfRows.Plus(count, -1)) : null,
            ("GetRange" or "Slice" or "AsSpan" or "AsMemory", 2) => Read(0) is { } start && Read(1) is { } length ? RowSlice.Of(start, start.Plus(length)) : null,
            ("Where", 1) => PositionFilter(values[0], receiver),
            _ => null,
        };
        return slice?.InOrder(OrderOf(receiver, MaxOrderDepth)).Segment;
    }

    /// <summary>
    /// <c>Where((r, i) =&gt; i &lt; cut)</c>, <c>Where((r, i) =&gt; i &gt;= cut)</c>, <c>Where((r, i) =&gt; i &gt;= a &amp;&amp; i &lt; b)</c>: a filter on the
    /// position alone keeps a run of positions, as <c>Take(cut)</c> and <c>Skip(cut)</c> do. Null for any other filter.
    /// </summary>
    private static RowSlice? PositionFilter(IOperation predicate, IOperation? collection)
    {
        while (predicate is IConversionOperation or IDelegateCreationOperation)
            predicate = predicate is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)predicate).Target;
        if (predicate is not IAnonymousFunctionOperation { Symbol.Parameters: [_, { Type.SpecialType: SpecialType.System_Int32 } position] } lambda
            || lambda.Body.Operations.LastOrDefault() is not IReturnOperation { ReturnedValue: { } condition }) return null;
        return Positions(condition, position, collection, RowSlice.Of(RowSlice.Bound.Zero, RowSlice.Bound.EndOfRows));
    }

    /// <summary>
    /// The positions <paramref name="within"/> that <paramref name="condition"/> on the position keeps: a run (<c>i &lt; cut</c>),
    /// residues (<c>i % 5 != 0</c>, see <see cref="ResidueFilter"/>), or both joined by <c>&amp;&amp;</c>; null when it is no such condition.
    /// </summary>
    private static RowSlice? Positions(IOperation condition, IParameterSymbol position, IOperation? collection, RowSlice within)
    {
        condition = WithoutConversions(condition);
        if (ResidueFilter(condition, position, collection) is { } residues)
        {
            ResidueClass? both = ResidueClass.Both(within.Residues, residues);
            return both is null ? null : within.WithResidues(both);
        }
        if (condition is not IBinaryOperation binary) return null;
        if (binary.OperatorKind == BinaryOperatorKind.ConditionalAnd)
            return Positions(binary.LeftOperand, position, collection, within) is { } left ? Positions(binary.RightOperand, position, collection, left) : null;
        return Run(binary, position, collection, within);
    }

    /// <summary>
    /// The positions <paramref name="within"/> that one comparison of the position with a bound keeps (<c>i &lt; cut</c>,
    /// <c>i &gt;= cut - 24</c>, <c>cut &gt; i</c>); null for any other condition or a bound that is not one value.
    /// </summary>
    private static RowSlice? Run(IBinaryOperation binary, ISymbol position, IOperation? collection, RowSlice within)
    {
        if (PositionComparedWith(binary, position) is not { } compared || BoundOf(compared.Bound, collection, MaxBoundDepth) is not { } bound) return null;
        return compared.Kind switch
        {
            BinaryOperatorKind.LessThan => within.Between(within.From, bound),
            BinaryOperatorKind.LessThanOrEqual => within.Between(within.From, bound.Plus(RowSlice.Bound.Number(1))),
            BinaryOperatorKind.GreaterThanOrEqual => within.Between(bound, within.To),
            BinaryOperatorKind.GreaterThan => within.Between(bound.Plus(RowSlice.Bound.Number(1)), within.To),
            _ => null,
        };
    }

    /// <summary>
    /// A comparison of the position with some value, turned round so that the position is on the left (<c>cut &gt; i</c> is
    /// <c>i &lt; cut</c>): the comparison and the value; null where neither side is the position.
    /// </summary>
    private static (BinaryOperatorKind Kind, IOperation Bound)? PositionComparedWith(IBinaryOperation binary, ISymbol position)
    {
        if (IsPosition(binary.LeftOperand, position)) return (binary.OperatorKind, binary.RightOperand);
        if (!IsPosition(binary.RightOperand, position)) return null;
        BinaryOperatorKind turned = binary.OperatorKind switch
        {
            BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
            BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
            BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
            BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
            var kind => kind,
        };
        return (turned, binary.LeftOperand);
    }

    /// <summary>Whether <paramref name="value"/> reads the position: a lambda's index parameter, or a loop's counter.</summary>
    private static bool IsPosition(IOperation value, ISymbol position) => WithoutConversions(value) switch
    {
        IParameterReferenceOperation reference => SymbolEqualityComparer.Default.Equals(reference.Parameter, position),
        ILocalReferenceOperation reference => SymbolEqualityComparer.Default.Equals(reference.Local, position),
        _ => false,
    };

    /// <summary>The slice an index by a range takes (<c>x[..cut]</c>, <c>x[a..b]</c>, <c>x[^n..]</c>); null for any other index.</summary>
    private static string? RangeSegment(IOperation index, IOperation collection) =>
        Range(index) is { } range ? RangeSlice(range, collection)?.InOrder(OrderOf(collection, MaxOrderDepth)).Segment : null;

    private static IRangeOperation? Range(IOperation value)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        return value as IRangeOperation;
    }

    private static RowSlice? RangeSlice(IRangeOperation range, IOperation? collection)
    {
        RowSlice.Bound? from = range.LeftOperand is null ? RowSlice.Bound.Zero : BoundOf(range.LeftOperand, collection, MaxBoundDepth);
        RowSlice.Bound? to = range.RightOperand is null ? RowSlice.Bound.EndOfRows : BoundOf(range.RightOperand, collection, MaxBoundDepth);
        return from is not null && to is not null ? RowSlice.Of(from, to) : null;
    }

    /// <summary>
    /// A position or a count as a sum over the values it is computed from: constants, <c>+</c>, <c>-</c>, a multiple by a
    /// constant, <c>^n</c> (the end less n), the count of <paramref name="collection"/> (its end), and named values that hold
    /// one value (<see cref="Steady"/>). Anything else made only of such values (<c>n * 4 / 5</c>) is one atom, named by its
    /// text. Null when the value may differ between two reads.
    /// </summary>
    private static RowSlice.Bound? BoundOf(IOperation value, IOperation? collection, int depth)
    {
        if (depth == 0) return null;
        while (value is IConversionOperation { Operand.Type.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int64 } or IParenthesizedOperation)
            value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
        if (value.ConstantValue is { HasValue: true, Value: int constant }) return RowSlice.Bound.Number(constant);
        switch (value)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } sum
                when BoundOf(sum.LeftOperand, collection, depth - 1) is { } left && BoundOf(sum.RightOperand, collection, depth - 1) is { } right:
                return left.Plus(right, sum.OperatorKind == BinaryOperatorKind.Add ? 1 : -1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product
                when product.RightOperand.ConstantValue is { HasValue: true, Value: int factor } && BoundOf(product.LeftOperand, collection, depth - 1) is { } scaled:
                return scaled.Times(factor);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product
                when product.LeftOperand.ConstantValue is { HasValue: true, Value: int factor } && BoundOf(product.RightOperand, collection, depth - 1) is { } scaled:
                return scaled.Times(factor);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } minus when BoundOf(minus.Operand, collection, depth - 1) is { } negated:
                return negated.Times(-1);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } fromEnd when BoundOf(fromEnd.Operand, collection, depth - 1) is { } back:
                return RowSlice.Bound.EndOfRows.Plus(back, -1);
            // A local holding one value is that value where it can be written as a bound (int testStart = (int)(n * 0.7)),
            // so that two cuts computed from one count are compared; otherwise it is an atom of its own.
            case ILocalReferenceOperation local when Steady(local):
                return (LocalReferences.Of(local).OnlyValueOf(local.Local) is { } held ? BoundOf(held, collection, depth - 1) : null)
                    ?? RowSlice.Bound.Atom("L:" + local.Local.Name + "#" + DeclaredAt(local.Local));
            case IParameterReferenceOperation parameter:
                return RowSlice.Bound.Atom("P:" + parameter.Parameter.Name);
            case IPropertyReferenceOperation { Property.Name: "Count" or "Length" or "LongLength", Arguments.Length: 0, Instance: { } counted }:
                return CountOf(counted, collection);
            case IInvocationOperation { TargetMethod.Name: "Count" or "LongCount" } call when call.Arguments.Length == (call.Instance is null ? 1 : 0):
                return CountOf(call.Instance ?? call.Arguments[0].Value, collection);
        }
        if (FractionOfCount(value, collection, depth) is { } fraction) return fraction;
        // Any other whole number made only of steady values (weeks.Length * 4 / 5, (int)(rows.Count * 0.8)): one atom, named by its text.
        if (value.Type?.SpecialType is not (SpecialType.System_Int32 or SpecialType.System_Int64) || !MadeOfSteadyValues(value, depth)) return null;
        string text = string.Concat(value.Syntax.ToString().Where(c => !char.IsWhiteSpace(c))).Replace('/', '÷');
        return RowSlice.Bound.Writable(text) ? RowSlice.Bound.Atom("T:" + text) : null;
    }

    /// <summary>
    /// A fixed fraction of a count, rounded to a whole number: <c>n * 4 / 5</c>, <c>n / 2</c>, <c>(int)(n * 0.8)</c>,
    /// <c>(int)Math.Round(n * 0.7)</c>, <c>(int)(n / 1.25)</c>. Each is a rounding of <c>fraction × n</c>, so two of them of one
    /// count are ordered by their fractions (<see cref="RowSlice.Bound.Compare"/>). Null for anything else.
    /// </summary>
    private static RowSlice.Bound? FractionOfCount(IOperation value, IOperation? collection, int depth)
    {
        if (value.Type?.SpecialType is not (SpecialType.System_Int32 or SpecialType.System_Int64)) return null;
        if (value is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide, RightOperand.ConstantValue: { HasValue: true, Value: int divisor } } division
            && divisor > 0 && BoundOf(division.LeftOperand, collection, depth - 1) is { } divided)
            return RowSlice.Bound.Fraction(1, divisor, divided);
        if (value is not IConversionOperation { Operand: { Type.SpecialType: SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal } rounded })
            return null;
        rounded = WithoutConversions(rounded);
        if (rounded is IInvocationOperation { TargetMethod: { ContainingType.Name: "Math", Name: "Floor" or "Ceiling" or "Round" or "Truncate" }, Arguments.Length: >= 1 } math)
            rounded = WithoutConversions(math.Arguments[0].Value);
        if (rounded is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide } scaling) return null;
        bool divides = scaling.OperatorKind == BinaryOperatorKind.Divide;
        // n * 0.8 or 0.8 * n; n / 1.25.
        (IOperation counted, IOperation factor) = !divides && scaling.LeftOperand.ConstantValue.HasValue
            ? (scaling.RightOperand, scaling.LeftOperand) : (scaling.LeftOperand, scaling.RightOperand);
        if (Rational(factor.ConstantValue) is not { } rational || BoundOf(counted, collection, depth - 1) is not { } count) return null;
        return divides ? RowSlice.Bound.Fraction(rational.Denominator, rational.Numerator, count) : RowSlice.Bound.Fraction(rational.Numerator, rational.Denominator, count);
    }

    /// <summary>A constant written in decimals (<c>0.8</c>, <c>0.75f</c>) as a fraction over a power of ten; null for anything else.</summary>
    private static (long Numerator, long Denominator)? Rational(Optional<object?> constant)
    {
        if (!constant.HasValue || constant.Value is not (double or float or decimal or int)) return null;
        decimal value;
        try
        {
            value = System.Convert.ToDecimal(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (System.OverflowException)
        {
            return null;
        }
        long denominator = 1;
        for (int digits = 0; digits < 9 && value != decimal.Truncate(value); digits++)
        {
            value *= 10;
            denominator *= 10;
        }
        return value == decimal.Truncate(value) && value > 0 && value < long.MaxValue ? ((long)value, denominator) : null;
    }

    /// <summary>The count of <paramref name="counted"/>: the end of the rows when it is the collection being sliced, else a named value.</summary>
    private static RowSlice.Bound? CountOf(IOperation counted, IOperation? collection)
    {
        string? name = CopiedFrom(counted, MaxOrderDepth);
        if (name is null) return null;
        return collection is not null && CopiedFrom(collection, MaxOrderDepth) == name ? RowSlice.Bound.EndOfRows : RowSlice.Bound.Atom("N:" + name);
    }

    /// <summary>A name for a collection that is the same one at every read (a steady local, a parameter, a field); null otherwise.</summary>
    private static string? SteadyName(IOperation collection)
    {
        while (collection is IConversionOperation conversion) collection = conversion.Operand;
        return collection switch
        {
            ILocalReferenceOperation local when Steady(local) => local.Local.Name + "#" + DeclaredAt(local.Local),
            IParameterReferenceOperation parameter => "P:" + parameter.Parameter.Name,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation, Field.IsReadOnly: true } field => "F:" + field.Field.Name,
            _ => null,
        };
    }

    private static bool MadeOfSteadyValues(IOperation value, int depth)
    {
        if (depth == 0) return false;
        return value switch
        {
            _ when value.ConstantValue.HasValue => true,
            IConversionOperation conversion => MadeOfSteadyValues(conversion.Operand, depth - 1),
            IParenthesizedOperation parenthesized => MadeOfSteadyValues(parenthesized.Operand, depth - 1),
            IBinaryOperation binary => MadeOfSteadyValues(binary.LeftOperand, depth - 1) && MadeOfSteadyValues(binary.RightOperand, depth - 1),
            IUnaryOperation unary => MadeOfSteadyValues(unary.Operand, depth - 1),
            ILocalReferenceOperation local => Steady(local),
            IParameterReferenceOperation => true,
            IPropertyReferenceOperation { Property.Name: "Count" or "Length" or "LongLength", Arguments.Length: 0, Instance: { } counted } => SteadyName(counted) is not null,
            IInvocationOperation { TargetMethod.Name: "Count" or "LongCount" } call when call.Arguments.Length == (call.Instance is null ? 1 : 0)
                => SteadyName(call.Instance ?? call.Arguments[0].Value) is not null,
            IInvocationOperation { TargetMethod: { ContainingType.Name: "Math", Name: "Floor" or "Ceiling" or "Round" or "Min" or "Max" } } call
                => call.Arguments.All(argument => MadeOfSteadyValues(argument.Value, depth - 1)),
            _ => false,
        };
    }

    /// <summary>
    /// Whether a local holds one value wherever it is read: given a value where it is declared and never written again,
    /// declared without one and written once, or a for loop's variable written only by the loop's own step (within one
    /// pass of the body every read sees the same value).
    /// </summary>
    private static bool Steady(ILocalReferenceOperation local)
    {
        SyntaxNode? declaration = local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        bool declaredWithValue = declaration is VariableDeclaratorSyntax { Initializer: not null } or SingleVariableDesignationSyntax;
        ForStatementSyntax? loop = declaration?.Parent?.Parent as ForStatementSyntax;
        int writes = 0;
        foreach (ILocalReferenceOperation use in LocalReferences.Of(local).UsesOf(local.Local))
        {
            if (!Writes(use)) continue;
            if (loop is not null && loop.Incrementors.Any(step => step.Span.Contains(use.Syntax.Span))) continue;
            if (++writes > 1) return false;
        }
        return declaredWithValue ? writes == 0 : writes == 1;
    }

    private static bool Writes(ILocalReferenceOperation use) => use.Parent switch
    {
        IAssignmentOperation assignment => assignment.Target == use,
        IIncrementOrDecrementOperation => true,
        IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } => true,
        ITupleOperation => true, // a target of a deconstruction, or a tuple of values: taken as a write, which only makes the local unsteady
        _ => false,
    };

    private static int DeclaredAt(ILocalSymbol local) => local.DeclaringSyntaxReferences.FirstOrDefault()?.Span.Start ?? 0;
}
