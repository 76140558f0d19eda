using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// A per-row count or mean of outcomes over the rows up to and including the row's own time (or later ones), written where a
/// row is built: <c>PriorStockouts = ledger.Count(h =&gt; h.Item == r.Item &amp;&amp; h.Week &lt;= r.Week &amp;&amp; h.StockOut == 1)</c>
/// beside <c>StockOut = r.StockOut</c>. The filter compares a time member of the element with the same member of another row,
/// keeps that row's own time, and the count reads the label (or the member the label is copied from): the row's own answer is
/// in its feature, in-sample target encoding (MLDSL0017), which MLDSL0016's page says such a count is. Strictly earlier rows
/// (<see cref="EarlierRows"/>) are the row's past and stay silent; a count that reads no outcome is a statistic as before.
/// </summary>
internal static class OutcomesUpToTheRow
{
    private const int Hops = 6;

    private static readonly HashSet<string> Aggregates = new(StringComparer.Ordinal)
    {
        "Count", "LongCount", "Average", "Sum", "Max", "Min", "Mean", "Median",
    };

    /// <summary>Whether the aggregate <paramref name="call"/>, inside the initializer of a [Dataset] row, counts outcomes up to that row's time.</summary>
    public static bool Counts(IInvocationOperation call)
    {
        if (!Aggregates.Contains(call.TargetMethod.Name) || EarlierRows.Only(call) || Outcomes(call) is not { Count: > 0 } outcomes) return false;
        bool keepsOwnTime = false, readsOutcome = false;
        IOperation? link = call;
        for (int hops = 0; hops < Hops && link is IInvocationOperation invocation; hops++)
        {
            if (invocation == call || invocation.TargetMethod.Name is "Where" or "Select")
                foreach (IArgumentOperation argument in invocation.Arguments)
                {
                    if (Lambda(argument.Value) is not { Symbol.Parameters: [var element] } lambda) continue;
                    readsOutcome |= lambda.Body.Descendants().OfType<IMemberReferenceOperation>().Any(member => outcomes.Contains(member.Member)
                        && Strip(member.Instance) is IParameterReferenceOperation own && SymbolEqualityComparer.Default.Equals(own.Parameter, element));
                    if (invocation.TargetMethod.Name != "Select" && Returned(lambda) is { } condition)
                        keepsOwnTime |= Conjuncts(condition).Any(test => KeepsOwnTime(test, element));
                }
            link = Strip(invocation.Instance ?? invocation.Arguments.FirstOrDefault()?.Value);
        }
        return keepsOwnTime && readsOutcome;
    }

    /// <summary>
    /// The answers of the row being built around <paramref name="call"/>: each member of a raw record (no [Dataset] row) a label
    /// is copied from (<c>StockOut = r.StockOut</c>); null when the call is not inside a [Dataset] row's initializer.
    /// </summary>
    private static HashSet<ISymbol>? Outcomes(IOperation call)
    {
        IOperation? node = call.Parent;
        while (node is not null and not IObjectOrCollectionInitializerOperation) node = node.Parent;
        if (node is not IObjectOrCollectionInitializerOperation initializer || initializer.Type is not { } type || !HasAttributeNamed(type, "DatasetAttribute")) return null;
        // Only members of raw records the label is copied from: a count of a [Dataset] row's own label over rows of its type
        // is a statistic of labels the flow analysis follows (MLDSL0016 at the count, MLDSL0017 where it lands in the row).
        var outcomes = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (ISimpleAssignmentOperation assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
            if (assignment.Target is IMemberReferenceOperation { Member: var target } && HasAttributeNamed(target, "LabelAttribute")
                && Strip(assignment.Value) is IMemberReferenceOperation copied && copied.Member.ContainingType is { } raw
                && !HasAttributeNamed(raw, "DatasetAttribute")) outcomes.Add(copied.Member);
        return outcomes;
    }

    private static bool HasAttributeNamed(ISymbol symbol, string name) =>
        symbol.GetAttributes().Any(data => data.AttributeClass is { Name: var found, ContainingNamespace.Name: "MlDsl" } && found == name);

    /// <summary>
    /// <c>h.T &lt;= x.T</c>, <c>h.T &gt;= x.T</c>, <c>h.T == x.T</c> or <c>h.T &gt; x.T</c> (either way round), where <c>h</c> is the element,
    /// <c>T</c> a point in time and <c>x</c> another row: the element's time may be the row's own, or later.
    /// </summary>
    private static bool KeepsOwnTime(IOperation test, IParameterSymbol element)
    {
        if (Strip(test) is not IBinaryOperation comparison) return false;
        bool elementLeft = IsTimeOf(comparison.LeftOperand, element, out ISymbol? time);
        if (!elementLeft && !IsTimeOf(comparison.RightOperand, element, out time)) return false;
        IOperation other = Strip(elementLeft ? comparison.RightOperand : comparison.LeftOperand)!;
        if (other is not IMemberReferenceOperation { Instance: { } instance } reference || !SymbolEqualityComparer.Default.Equals(reference.Member, time)
            || instance.DescendantsAndSelf().OfType<IParameterReferenceOperation>().Any(read => SymbolEqualityComparer.Default.Equals(read.Parameter, element)))
            return false;
        // Only "element strictly before" leaves the row's own time out.
        return comparison.OperatorKind switch
        {
            BinaryOperatorKind.LessThan => !elementLeft,
            BinaryOperatorKind.GreaterThan => elementLeft,
            BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.Equals => true,
            _ => false,
        };
    }

    private static bool IsTimeOf(IOperation operand, IParameterSymbol element, out ISymbol? time)
    {
        time = null;
        if (Strip(operand) is not IMemberReferenceOperation { Instance: IParameterReferenceOperation own, Member: var member } reference
            || !SymbolEqualityComparer.Default.Equals(own.Parameter, element) || reference.Type?.Name is not ("DateTime" or "DateTimeOffset" or "DateOnly")) return false;
        time = member;
        return true;
    }

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
