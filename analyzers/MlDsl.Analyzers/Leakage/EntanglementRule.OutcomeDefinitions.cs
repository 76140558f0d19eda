using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// When a label that reads a feature is still an outcome: <c>Recoveries &gt; 0 || TotalPayment &lt; Amount</c> defines "went bad"
/// from values declared known only with or after the label, and compares one of them with the feature <c>Amount</c> (less paid
/// back than lent). The model never sees the late side, so it cannot reproduce the rule from its inputs; the feature only sets
/// the scale the outcome is measured against. A label is made from a feature when some condition of it can be decided from
/// features alone (<c>Recoveries &gt; 0 || Amount &gt; 30000</c>: the second half is a rule over an input the model sees), and
/// with no late value at all the label-from-a-feature branch is unchanged (nothing declares which side is the outcome).
/// </summary>
internal sealed partial class EntanglementRule
{
    /// <summary>
    /// Whether every condition of a label's value that reads a feature (as <see cref="LabelSource"/> finds it) also reads a
    /// member of the row declared known with or after the label, and at least one condition does.
    /// </summary>
    private bool OutcomeMeasuredAgainstFeatures(IOperation value, string primary,
        List<(ISymbol Target, ISimpleAssignmentOperation Assignment, List<Read> Reads)> assignments, ISymbol labelMember)
    {
        if (knownAt is null) return false;
        var conditions = new List<IOperation>();
        Conditions(value, conditions, HelperDepth);
        bool anyLate = false;
        foreach (IOperation condition in conditions)
        {
            var reads = new List<Read>();
            Collect(condition, reads, new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default), HelperDepth);
            bool late = reads.Any(read => read.Instance == primary && !LeakageSymbols.HasAttribute(read.Member, label)
                && DatasetLeakageAnalyzer.KnownTooLate(read.Member, knownAt) is not null);
            anyLate |= late;
            if (!late && LabelSource(reads, primary, assignments, labelMember) is not null) return false;
        }
        return anyLate;
    }

    /// <summary>
    /// The conditions a label's value is made of: through constant arms (<c>c ? 1 : 0</c>), <c>&amp;&amp;</c>, <c>||</c>,
    /// <c>!</c> and locals holding a condition; anything else (a comparison, a computed number) is one condition.
    /// </summary>
    private static void Conditions(IOperation value, List<IOperation> conditions, int depth)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        switch (value)
        {
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional when IsConstant(conditional.WhenTrue) && IsConstant(whenFalse):
                Conditions(conditional.Condition, conditions, depth);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr
                or BinaryOperatorKind.And or BinaryOperatorKind.Or } logical when logical.Type?.SpecialType == SpecialType.System_Boolean:
                Conditions(logical.LeftOperand, conditions, depth);
                Conditions(logical.RightOperand, conditions, depth);
                break;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                Conditions(not.Operand, conditions, depth);
                break;
            case ILocalReferenceOperation { Local.Type.SpecialType: SpecialType.System_Boolean } local when depth > 0 && Initializer(local) is { } initial:
                Conditions(initial, conditions, depth - 1);
                break;
            default:
                conditions.Add(value);
                break;
        }
    }
}
