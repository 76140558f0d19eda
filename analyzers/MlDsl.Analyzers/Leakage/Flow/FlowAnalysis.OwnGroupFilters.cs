using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

internal sealed partial class FlowAnalysis
{
    /// <summary>
    /// Whether an aggregate's predicate keeps only the rows of the current row's own group: one of its conditions joined by
    /// <c>&amp;&amp;</c> is <c>x.Lot == w.Lot</c>, the element's <c>[GroupKey]</c> equal to the same member of another row
    /// (<c>read.Count(x =&gt; x.Lot == w.Lot)</c>, the lot's size; <c>Where(x =&gt; x.Lot == w.Lot).Average(...)</c>). That is
    /// the statistic of a <c>GroupBy</c> on the key written per row: it stays within the group, which a grouped split keeps on
    /// one side. A condition under <c>||</c> may let other groups' rows in, so it does not count.
    /// </summary>
    private static bool FiltersToOwnGroup(IInvocationOperation call) =>
        call.Arguments.Any(argument => Unwrapped(argument.Value) is IAnonymousFunctionOperation { Symbol.Parameters: [var element] } lambda
            && lambda.Body.Operations is [IReturnOperation { ReturnedValue: { } condition }]
            && SameGroupCondition(condition, element));

    private static IOperation Unwrapped(IOperation value)
    {
        while (value is IConversionOperation or IDelegateCreationOperation or IParenthesizedOperation)
            value = value switch
            {
                IConversionOperation conversion => conversion.Operand,
                IDelegateCreationOperation creation => creation.Target,
                _ => ((IParenthesizedOperation)value).Operand,
            };
        return value;
    }

    private static bool SameGroupCondition(IOperation condition, IParameterSymbol element)
    {
        condition = Unwrapped(condition);
        if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both)
            return SameGroupCondition(both.LeftOperand, element) || SameGroupCondition(both.RightOperand, element);
        if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals)
            return GroupKeyOf(equals.LeftOperand, element, own: true) is { } left && SymbolEqualityComparer.Default.Equals(left, GroupKeyOf(equals.RightOperand, element, own: false))
                || GroupKeyOf(equals.RightOperand, element, own: true) is { } right && SymbolEqualityComparer.Default.Equals(right, GroupKeyOf(equals.LeftOperand, element, own: false));
        // string.Equals(x.Lot, w.Lot), x.Lot.Equals(w.Lot)
        if (condition is IInvocationOperation { TargetMethod.Name: "Equals" } call)
        {
            IOperation[] sides = (call.Instance is null ? call.Arguments.Select(argument => argument.Value) : new[] { call.Instance }.Concat(call.Arguments.Select(argument => argument.Value))).ToArray();
            if (sides.Length < 2) return false;
            return GroupKeyOf(sides[0], element, own: true) is { } first && SymbolEqualityComparer.Default.Equals(first, GroupKeyOf(sides[1], element, own: false))
                || GroupKeyOf(sides[1], element, own: true) is { } second && SymbolEqualityComparer.Default.Equals(second, GroupKeyOf(sides[0], element, own: false));
        }
        return false;
    }

    /// <summary>
    /// The <c>[GroupKey]</c> member read by <paramref name="side"/>: of the predicate's element when <paramref name="own"/>,
    /// else of some other row (the one being built). Null for anything else.
    /// </summary>
    private static IPropertySymbol? GroupKeyOf(IOperation side, IParameterSymbol element, bool own)
    {
        if (Unwrapped(side) is not IPropertyReferenceOperation { Instance: { } instance } member
            || !member.Property.GetAttributes().Any(data => data.AttributeClass?.ToDisplayString() == "MlDsl.GroupKeyAttribute"))
            return null;
        bool ofElement = Unwrapped(instance) is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, element);
        return ofElement == own ? member.Property : null;
    }
}
