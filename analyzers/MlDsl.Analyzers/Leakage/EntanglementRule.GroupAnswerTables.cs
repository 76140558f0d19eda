using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// In-sample target encoding over raw records: a table of an aggregate per group of the value the label records
/// (<c>raw.GroupBy(d =&gt; (d.Corridor, d.Departure.Date)).ToDictionary(g =&gt; g.Key, g =&gt; g.Sum(d =&gt; d.DelayMinutes))</c>, where the
/// row built takes its label from <c>r.DelayMinutes</c>) read for a feature under the row's own group
/// (<c>corridorDelay[(r.Corridor, r.Departure.Date)]</c>): the row's own answer is in its feature. Reported on the feature's
/// assignment, as the flow analysis does for a mean of a <c>[Label]</c> member (the page's <c>byDistrict</c>), which is left to it.
/// The same table read under another group (the day before) holds no answer of the row and stays silent here.
/// </summary>
internal sealed partial class EntanglementRule
{
    private const int KeyDepth = 8;

    private void GroupAnswerTables(OperationAnalysisContext context, ITypeSymbol type, string primary, HashSet<ISymbol> outcomes,
        List<(ISymbol Target, ISimpleAssignmentOperation Assignment, List<Read> Reads)> assignments, HashSet<ISimpleAssignmentOperation> reported)
    {
        // Recorded outcomes that are no [Label] of a dataset: a [Label]'s statistic is the flow analysis' (FlowRules.TargetEncoding).
        var recorded = new HashSet<ISymbol>(outcomes.Where(outcome => !IsDatasetMember(outcome, label)), SymbolEqualityComparer.Default);
        if (recorded.Count == 0) return;
        foreach ((ISymbol target, ISimpleAssignmentOperation assignment, _) in assignments)
        {
            if (!LeakageSymbols.HasAttribute(target, feature) || reported.Contains(assignment)) continue;
            foreach (TableRead read in TableReads(assignment.Value, new Dictionary<IParameterSymbol, IOperation>(SymbolEqualityComparer.Default), HelperDepth))
            {
                if (GroupedAnswer(read.Table, recorded) is not ({ } answer, { } groupKey) || !SameKey(groupKey.Key, read.Key, groupKey.Element, primary, KeyDepth)) continue;
                reported.Add(assignment);
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LabelLeakage, assignment.Syntax.GetLocation(),
                    $"Feature '{target.Name}' of {type.Name} reads a statistic of '{answer.Name}', the value its label is taken from, over the group it belongs to ({read.Table.Syntax}[{read.Key.Syntax}]): each row's own answer is in its feature (in-sample target encoding), so the model learns to read it and cannot at prediction time; compute it from earlier groups or out of fold"));
                break;
            }
        }
    }

    /// <summary>
    /// For a table made by <c>GroupBy(key).ToDictionary(g =&gt; g.Key, g =&gt; ...)</c> whose value selector reads one of
    /// <paramref name="answers"/>: that member, and the grouping key with its element parameter; nulls otherwise.
    /// </summary>
    private static (ISymbol? Answer, (IOperation Key, IParameterSymbol Element)? GroupKey) GroupedAnswer(IOperation table, HashSet<ISymbol> answers)
    {
        while (table is IConversionOperation conversion) table = conversion.Operand;
        if (table is not ILocalReferenceOperation local || Initializer(local) is not { } initial) return (null, null);
        while (initial is IConversionOperation conversion) initial = conversion.Operand;
        if (initial is not IInvocationOperation { TargetMethod.Name: "ToDictionary" } made) return (null, null);
        IOperation[] selectors = (made.Instance is null ? made.Arguments.Skip(1) : made.Arguments).Select(argument => argument.Value).ToArray();
        if (selectors.Length < 2 || Lambda(selectors[1]) is not { } values) return (null, null);
        ISymbol? answer = values.Body.Descendants().OfType<IMemberReferenceOperation>().Select(member => member.Member).FirstOrDefault(answers.Contains);
        IOperation? grouped = made.Instance ?? made.Arguments.FirstOrDefault()?.Value;
        while (grouped is IConversionOperation conversion) grouped = conversion.Operand;
        if (answer is null || grouped is not IInvocationOperation { TargetMethod.Name: "GroupBy" } groupBy) return (null, null);
        IOperation? keySelector = (groupBy.Instance is null ? groupBy.Arguments.Skip(1) : groupBy.Arguments).FirstOrDefault()?.Value;
        return keySelector is not null && Lambda(keySelector) is { Symbol.Parameters: [var element], Body.Operations: [IReturnOperation { ReturnedValue: { } key }] }
            ? (answer, (key, element)) : (null, null);
    }

    /// <summary>
    /// Whether <paramref name="read"/> is the grouping key <paramref name="grouping"/> computed for the row <paramref name="primary"/>
    /// instead of the element: the same members, calls and constants, the element replaced by the row.
    /// </summary>
    private static bool SameKey(IOperation grouping, IOperation read, IParameterSymbol element, string primary, int depth)
    {
        while (grouping is IConversionOperation conversion) grouping = conversion.Operand;
        while (read is IConversionOperation conversion) read = conversion.Operand;
        if (depth < 0) return false;
        if (grouping is IParameterReferenceOperation { Parameter: var own } && SymbolEqualityComparer.Default.Equals(own, element)) return Key(read) == primary;
        if (grouping.ConstantValue.HasValue) return read.ConstantValue.HasValue && Equals(grouping.ConstantValue.Value, read.ConstantValue.Value);
        return (grouping, read) switch
        {
            (ITupleOperation a, ITupleOperation b) => a.Elements.Length == b.Elements.Length
                && a.Elements.Zip(b.Elements, (x, y) => SameKey(x, y, element, primary, depth - 1)).All(same => same),
            (IMemberReferenceOperation { Instance: { } a } x, IMemberReferenceOperation { Instance: { } b } y) => SymbolEqualityComparer.Default.Equals(x.Member, y.Member)
                && SameKey(a, b, element, primary, depth - 1),
            (IInvocationOperation x, IInvocationOperation y) => SymbolEqualityComparer.Default.Equals(x.TargetMethod, y.TargetMethod)
                && (x.Instance is null) == (y.Instance is null) && (x.Instance is null || SameKey(x.Instance, y.Instance!, element, primary, depth - 1))
                && x.Arguments.Length == y.Arguments.Length && x.Arguments.Zip(y.Arguments, (p, q) => SameKey(p.Value, q.Value, element, primary, depth - 1)).All(same => same),
            _ => false,
        };
    }
}
