using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Filters on the position modulo a number (<c>Where((r, i) =&gt; i % 5 != 0)</c>, <c>i % k == fold</c>): they keep the positions
/// of some residues (<see cref="ResidueClass"/>), so that <c>i % 5 == 0</c> and <c>i % 5 != 0</c> are seen to be complementary
/// and <c>i % 5 != 0</c> and <c>i % 2 == 0</c> to share every tenth row.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>
    /// The residues a condition on the position alone keeps: a comparison of <c>i % m</c> (or <c>(i + c) % m</c>) with a constant,
    /// and <c>!</c>, <c>&amp;&amp;</c>, <c>||</c> of such; null for any other condition, or one that cannot be written.
    /// </summary>
    private static ResidueClass? ResidueFilter(IOperation condition, IParameterSymbol position, IOperation? collection)
    {
        condition = WithoutConversions(condition);
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } negation:
                return ResidueFilter(negation.Operand, position, collection)?.Complement();
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } joined:
                if (ResidueFilter(joined.LeftOperand, position, collection) is not { } first || ResidueFilter(joined.RightOperand, position, collection) is not { } second)
                    return null;
                return joined.OperatorKind == BinaryOperatorKind.ConditionalAnd ? ResidueClass.Both(first, second) : ResidueClass.Either(first, second);
            case IBinaryOperation comparison when Comparison(comparison.OperatorKind) is { } written:
                if (WithoutConversions(comparison.RightOperand).ConstantValue is { HasValue: true, Value: int right })
                    return Compared(comparison.LeftOperand, written, right, position, collection);
                if (WithoutConversions(comparison.LeftOperand).ConstantValue is { HasValue: true, Value: int left })
                    return Compared(comparison.RightOperand, Flipped(written), left, position, collection);
                return null;
            default:
                return null;
        }
    }

    /// <summary><c>i % m</c> (written <paramref name="remainder"/>) compared with <paramref name="value"/>.</summary>
    private static ResidueClass? Compared(IOperation remainder, string comparison, int value, IParameterSymbol position, IOperation? collection)
    {
        if (WithoutConversions(remainder) is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Remainder } modulo) return null;
        // The position, or the position moved by a constant ((i + 1) % 7 == 0).
        int shift = 0;
        IOperation moved = WithoutConversions(modulo.LeftOperand);
        if (moved is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } sum)
        {
            int sign = sum.OperatorKind == BinaryOperatorKind.Add ? 1 : -1;
            if (IsPosition(sum.LeftOperand, position) && WithoutConversions(sum.RightOperand).ConstantValue is { HasValue: true, Value: int after }) shift = sign * after;
            else if (sign == 1 && IsPosition(sum.RightOperand, position) && WithoutConversions(sum.LeftOperand).ConstantValue is { HasValue: true, Value: int before }) shift = before;
            else return null;
        }
        else if (!IsPosition(moved, position)) return null;
        if (BoundOf(modulo.RightOperand, collection, MaxBoundDepth) is not { } modulus) return null;
        if (modulus.Terms.Count == 0) return ResidueClass.Compared(modulus.Constant, shift, comparison, value);
        // A modulus that is a value (i % k == 0): only "is" and "is not" one residue, of the position itself.
        if (shift != 0 || modulus.Constant != 0 || modulus.Terms.Count != 1 || modulus.Terms.First().Value != 1) return null;
        return ResidueClass.ComparedWithNamed(modulus.Terms.First().Key, comparison, value);
    }

    private static string? Comparison(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Equals => "==",
        BinaryOperatorKind.NotEquals => "!=",
        BinaryOperatorKind.LessThan => "<",
        BinaryOperatorKind.LessThanOrEqual => "<=",
        BinaryOperatorKind.GreaterThan => ">",
        BinaryOperatorKind.GreaterThanOrEqual => ">=",
        _ => null,
    };

    /// <summary>The comparison with its sides swapped: <c>0 &lt; i % 5</c> is <c>i % 5 &gt; 0</c>.</summary>
    private static string Flipped(string comparison) => comparison switch
    {
        "<" => ">",
        "<=" => ">=",
        ">" => "<",
        ">=" => "<=",
        _ => comparison,
    };
}
