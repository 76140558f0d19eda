using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// A count or a mean over the rows up to AND including the current row's time that reads the label:
/// <c>hours.Count(h =&gt; h.Hour &lt;= r.Hour &amp;&amp; h.Hour &gt; r.Hour.AddHours(-24) &amp;&amp; h.Occupancy &gt; 0.95f)</c>. Unlike the
/// strictly earlier rows of <see cref="EarlierRows"/>, the filter keeps the row's own time, so the row's own label is counted:
/// a window around the row that reads its answer, which MLDSL0017 reports on the aggregate (as it does a trailing window one
/// row too long), not a statistic of the whole data (no MLDSL0016). Without a label read the same count is a statistic, left
/// to MLDSL0016.
/// </summary>
internal static class OwnTimeWindow
{
    private const int Hops = 6;

    private static readonly HashSet<string> Aggregates = new(StringComparer.Ordinal)
    {
        "Count", "LongCount", "Average", "Sum", "Max", "Min", "Mean", "Median",
    };

    /// <summary>
    /// The other row whose time the aggregate <paramref name="call"/>'s filter (on it, or a Where on its way) keeps, its own time
    /// included, when every time test of the filter admits that time and a lambda of the chain reads a member
    /// <paramref name="isLabel"/> accepts of the element; null otherwise.
    /// </summary>
    public static IOperation? Including(IInvocationOperation call, Func<ISymbol, bool> isLabel)
    {
        if (!Aggregates.Contains(call.TargetMethod.Name)) return null;
        IOperation? current = null;
        bool readsLabel = false;
        IOperation? link = call;
        for (int hops = 0; hops < Hops && link is IInvocationOperation invocation; hops++)
        {
            if (invocation == call || invocation.TargetMethod.Name is "Where" or "Select")
                foreach (IArgumentOperation argument in invocation.Arguments)
                {
                    if (Lambda(argument.Value) is not { Symbol.Parameters: [var element] } lambda) continue;
                    readsLabel |= lambda.Body.Descendants().OfType<IMemberReferenceOperation>().Any(member => isLabel(member.Member)
                        && member.Instance is IParameterReferenceOperation own && SymbolEqualityComparer.Default.Equals(own.Parameter, element));
                    if (invocation.TargetMethod.Name == "Select" || Returned(lambda) is not { } condition) continue;
                    var tests = Conjuncts(condition).Select(test => TimeTest(test, element)).Where(test => test is not null).ToList();
                    if (tests.Count == 0) continue;
                    if (tests.Any(test => !test!.Value.KeepsOwnTime)) return null;
                    current ??= tests[0]!.Value.Other;
                }
            link = Strip(invocation.Instance ?? invocation.Arguments.FirstOrDefault()?.Value);
            if (link is ILocalReferenceOperation local && RowWindow.Initializer(local) is { } initial) link = Strip(initial);
        }
        // Rows of one group walked in a loop or a lambda (a card's payments): the flow analysis' statistic of labels in their own
        // rows covers them (MLDSL0017 on the feature beside the MLDSL0016 of the count), as before.
        if (link is ILocalReferenceOperation or IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } })
            return null;
        return readsLabel ? current : null;
    }

    /// <summary>
    /// A comparison of the element's time member with the same member of another row, moved by a constant or not: that row's
    /// instance, and whether the comparison holds when both times are equal (<c>h.T &lt;= x.T</c>, <c>h.T &gt; x.T.AddHours(-24)</c>).
    /// </summary>
    private static (IOperation Other, bool KeepsOwnTime)? TimeTest(IOperation test, IParameterSymbol element)
    {
        if (Strip(test) is not IBinaryOperation comparison) return null;
        foreach ((IOperation mine, IOperation theirs, bool flipped) in new[] { (comparison.LeftOperand, comparison.RightOperand, false), (comparison.RightOperand, comparison.LeftOperand, true) })
        {
            if (Strip(mine) is not IMemberReferenceOperation { Instance: IParameterReferenceOperation own, Member: var time } candidate
                || !SymbolEqualityComparer.Default.Equals(own.Parameter, element) || !IsPointInTime(candidate.Type)) continue;
            IOperation? target = Strip(theirs);
            double shift = 0;
            if (target is IInvocationOperation { Instance: { } moved, Arguments.Length: 1 } add && add.TargetMethod.Name.StartsWith("Add", StringComparison.Ordinal)
                && add.Arguments[0].Value.ConstantValue is { HasValue: true, Value: IConvertible amount })
            {
                shift = Convert.ToDouble(amount, System.Globalization.CultureInfo.InvariantCulture);
                target = Strip(moved);
            }
            if (target is not IMemberReferenceOperation { Instance: { } other } reference || !SymbolEqualityComparer.Default.Equals(reference.Member, time)
                || other.DescendantsAndSelf().OfType<IParameterReferenceOperation>().Any(read => SymbolEqualityComparer.Default.Equals(read.Parameter, element))) continue;
            // Written as mine ⋄ theirs + shift; with both times equal, does it hold?
            BinaryOperatorKind kind = flipped ? Flip(comparison.OperatorKind) : comparison.OperatorKind;
            bool keeps = kind switch
            {
                BinaryOperatorKind.LessThan => shift > 0,
                BinaryOperatorKind.LessThanOrEqual => shift >= 0,
                BinaryOperatorKind.GreaterThan => shift < 0,
                BinaryOperatorKind.GreaterThanOrEqual => shift <= 0,
                BinaryOperatorKind.Equals => shift == 0,
                _ => false,
            };
            return (other, keeps);
        }
        return null;
    }

    private static BinaryOperatorKind Flip(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
        _ => kind,
    };

    private static bool IsPointInTime(ITypeSymbol? type) => type?.Name is "DateTime" or "DateTimeOffset" or "DateOnly";

    private static IEnumerable<IOperation> Conjuncts(IOperation condition)
    {
        condition = Strip(condition)!;
        if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } both)
            return Conjuncts(both.LeftOperand).Concat(Conjuncts(both.RightOperand));
        return new[] { condition };
    }

    private static IAnonymousFunctionOperation? Lambda(IOperation value)
    {
        while (value is IConversionOperation or IDelegateCreationOperation)
            value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
        return value as IAnonymousFunctionOperation;
    }

    private static IOperation? Returned(IAnonymousFunctionOperation lambda) =>
        lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } value } ? value : null;

    private static IOperation? Strip(IOperation? value)
    {
        while (value is IConversionOperation or IParenthesizedOperation or ITranslatedQueryOperation)
            value = value switch
            {
                IConversionOperation conversion => conversion.Operand,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                _ => ((ITranslatedQueryOperation)value).Operation,
            };
        return value;
    }
}
