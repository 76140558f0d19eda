using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0017 through the value that becomes the label, kept in a local or given as a parameter first: <c>int bought =
/// visit.Events.Contains("checkout") ? 1 : 0;</c> then <c>Purchased = bought</c> beside <c>CartAdds = visit.CartAdds + bought</c>.
/// Whatever the local was computed from, the label records it, so a feature reading it (directly, through another local, or
/// as an argument of a helper) is computed from the answer. A label recorded from a member of the row is the recorded-outcome
/// branch's (<see cref="RecordedOutcome"/>), not this one's.
/// </summary>
internal sealed partial class EntanglementRule
{
    private void FeaturesReadingTheLabelsValue(OperationAnalysisContext context, ITypeSymbol type, string primary,
        List<(ISymbol Target, ISimpleAssignmentOperation Assignment, List<Read> Reads)> assignments, HashSet<ISimpleAssignmentOperation> alreadyReported)
    {
        foreach ((ISymbol target, ISimpleAssignmentOperation assignment, _) in assignments)
        {
            if (!LeakageSymbols.HasAttribute(target, label) || RecordedOutcome(assignment.Value, primary, HelperDepth) is not null
                || LabelValue(assignment.Value, HelperDepth) is not { } held) continue;
            foreach ((ISymbol other, ISimpleAssignmentOperation derived, _) in assignments)
            {
                if (derived == assignment || alreadyReported.Contains(derived) || !LeakageSymbols.HasAttribute(other, feature)) continue;
                if (!Computes(derived.Value, held, HelperDepth)) continue;
                alreadyReported.Add(derived);
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LabelLeakage, derived.Syntax.GetLocation(),
                    $"Feature '{other.Name}' of {type.Name} is computed from '{held.Name}', the value its label '{target.Name}' is set to: the model sees the answer during training and cannot at prediction time; compute it from other inputs"));
            }
        }
    }

    /// <summary>
    /// The local or parameter a label's value records: a plain read, a conversion, or a recoding by equality with constants
    /// (<c>bought ? 1 : 0</c>, <c>status == 2 ? 1 : 0</c>); through a local that copies another, the first one. Null for a member
    /// read or anything computed (a threshold on a local is a rule, the label-from-a-feature branch's question).
    /// </summary>
    private static ISymbol? LabelValue(IOperation value, int depth)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        switch (value)
        {
            case ILocalReferenceOperation local when IsScalarType(local.Local.Type):
                return depth > 0 && Initializer(local) is { } initial && LabelValue(initial, depth - 1) is { } copied ? copied : local.Local;
            case IParameterReferenceOperation parameter when IsScalarType(parameter.Parameter.Type):
                return parameter.Parameter;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional when IsConstant(conditional.WhenTrue) && IsConstant(whenFalse):
                return LabelValue(conditional.Condition, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                return IsConstant(comparison.RightOperand) ? LabelValue(comparison.LeftOperand, depth)
                    : IsConstant(comparison.LeftOperand) ? LabelValue(comparison.RightOperand, depth) : null;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return LabelValue(not.Operand, depth);
            case IIsPatternOperation { Pattern: IConstantPatternOperation or INegatedPatternOperation { Pattern: IConstantPatternOperation } } pattern:
                return LabelValue(pattern.Value, depth);
            case ISwitchExpressionOperation @switch when @switch.Arms.All(arm => arm.Guard is null && IsConstant(arm.Value)
                && arm.Pattern is IConstantPatternOperation or IDiscardPatternOperation):
                return LabelValue(@switch.Value, depth);
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="value"/> is computed from <paramref name="held"/>: through arithmetic, comparisons, conditionals,
    /// conversions, <c>Math</c> functions and locals' initializers. A call or an indexer given the value only chooses what is
    /// read (<c>ReadPixels($"{digit}.json")</c>: the files of a class, the way a labelled data set is laid out), so it is not
    /// followed; neither is a lambda (a filter's condition).
    /// </summary>
    private static bool Computes(IOperation value, ISymbol held, int depth)
    {
        switch (value)
        {
            case ILocalReferenceOperation { IsDeclaration: false } local:
                return SymbolEqualityComparer.Default.Equals(local.Local, held)
                    || depth > 0 && IsScalarType(local.Local.Type) && Initializer(local) is { } initial && Computes(initial, held, depth - 1);
            case IParameterReferenceOperation parameter:
                return SymbolEqualityComparer.Default.Equals(parameter.Parameter, held);
            case IInvocationOperation call when call.TargetMethod.ContainingType?.Name is not ("Math" or "MathF" or "Convert")
                || call.TargetMethod.ContainingType.ContainingNamespace?.Name != "System":
                return false;
            case IPropertyReferenceOperation { Property.IsIndexer: true } or IArrayElementReferenceOperation or IImplicitIndexerReferenceOperation
                or IAnonymousFunctionOperation or IInterpolatedStringOperation or IObjectCreationOperation or IThrowOperation:
                return false;
            default:
                return value.ChildOperations.Any(child => Computes(child, held, depth));
        }
    }

    /// <summary>Numbers, flags, text and times: one value, not a row or a collection.</summary>
    private static bool IsScalarType(ITypeSymbol type) =>
        type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Enum || type.Name is "DateTime" or "DateTimeOffset"
        || type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var inner] } && IsScalarType(inner);
}
