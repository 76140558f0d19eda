using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// A count or a mean over the rows strictly before the current one in time: <c>history.Count(h =&gt; h.At &lt; t.At &amp;&amp;
/// h.At &gt;= t.At.AddHours(-24))</c>, <c>days.Where(d =&gt; d.Day &lt;= today.Day.AddDays(-7)).Average(d =&gt; d.Failed)</c>. The
/// filter compares a time member of the element with the same member of another row (the current one) and keeps only
/// earlier times, so the result is a value of that row's past, known when the row is scored, as a trailing window is
/// (<see cref="RowWindow"/>): not a statistic of the rows later split, and no row's own label is in it. A filter that keeps
/// the row's own time (<c>h.At &lt;= t.At</c>) or later ones is no such past.
/// </summary>
internal static class EarlierRows
{
    private const int Hops = 6;

    private static readonly HashSet<string> Aggregates = new(StringComparer.Ordinal)
    {
        "Count", "LongCount", "Average", "Sum", "Max", "Min", "Mean", "Median",
    };

    /// <summary>Whether the aggregate <paramref name="call"/> (or a Where on its way) keeps only rows strictly earlier than another row.</summary>
    public static bool Only(IInvocationOperation call)
    {
        if (!Aggregates.Contains(call.TargetMethod.Name)) return false;
        IOperation? link = call;
        for (int hops = 0; hops < Hops && link is IInvocationOperation invocation; hops++)
        {
            if (invocation == call || invocation.TargetMethod.Name == "Where")
                foreach (IArgumentOperation argument in invocation.Arguments)
                    if (Lambda(argument.Value) is { } predicate && predicate.Symbol.Parameters.Length == 1
                        && Returned(predicate) is { } condition && Conjuncts(condition).Any(test => StrictlyBefore(test, predicate.Symbol.Parameters[0])))
                        return true;
            link = Strip(invocation.Instance ?? invocation.Arguments.FirstOrDefault()?.Value);
            if (link is ILocalReferenceOperation local) link = Strip(RowWindow.Initializer(local));
        }
        return false;
    }

    /// <summary>
    /// <c>h.T &lt; x.T</c>, <c>h.T &lt; x.T.AddDays(c)</c> with c ≤ 0, <c>h.T &lt;= x.T.AddDays(c)</c> with c &lt; 0 (either way round),
    /// where <c>h</c> is the element, <c>T</c> a point in time and <c>x</c> another row.
    /// </summary>
    private static bool StrictlyBefore(IOperation test, IParameterSymbol element)
    {
        if (Strip(test) is not IBinaryOperation comparison) return false;
        (IOperation earlier, IOperation later, bool orEqual) = comparison.OperatorKind switch
        {
            BinaryOperatorKind.LessThan => (comparison.LeftOperand, comparison.RightOperand, false),
            BinaryOperatorKind.LessThanOrEqual => (comparison.LeftOperand, comparison.RightOperand, true),
            BinaryOperatorKind.GreaterThan => (comparison.RightOperand, comparison.LeftOperand, false),
            BinaryOperatorKind.GreaterThanOrEqual => (comparison.RightOperand, comparison.LeftOperand, true),
            _ => (null!, null!, false),
        };
        if (earlier is null || Strip(earlier) is not IMemberReferenceOperation { Instance: IParameterReferenceOperation own, Member: var time } candidate
            || !SymbolEqualityComparer.Default.Equals(own.Parameter, element) || !IsPointInTime(candidate.Type)) return false;
        IOperation? target = Strip(later);
        double shift = 0;
        if (later is IInvocationOperation { Instance: { } moved, Arguments.Length: 1 } add && add.TargetMethod.Name.StartsWith("Add", StringComparison.Ordinal)
            && add.Arguments[0].Value.ConstantValue is { HasValue: true, Value: { } amount } && amount is IConvertible)
        {
            shift = Convert.ToDouble(amount, System.Globalization.CultureInfo.InvariantCulture);
            target = Strip(moved);
        }
        bool strict = orEqual ? shift < 0 : shift <= 0;
        return strict && target is IMemberReferenceOperation { Instance: { } other } reference && SymbolEqualityComparer.Default.Equals(reference.Member, time)
            && !other.DescendantsAndSelf().OfType<IParameterReferenceOperation>().Any(read => SymbolEqualityComparer.Default.Equals(read.Parameter, element));
    }

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
        while (value is IConversionOperation or IParenthesizedOperation)
            value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
        return value;
    }
}
