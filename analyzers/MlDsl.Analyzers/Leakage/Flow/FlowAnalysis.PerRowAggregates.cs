using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Aggregates over ONE row's own values: <c>r.Text.Count(char.IsUpper)</c>, <c>r.Text.Split(' ').Count(Good.Contains)</c>,
/// <c>words.Count(...)</c> with <c>words = r.Text.Split(' ')</c>, <c>r.Readings.Average()</c>. A count or a mean of one
/// review's words is a feature of that review, known when it is predicted; it learns nothing from the other rows. An aggregate
/// learns from rows only when the collection it runs over holds rows or values drawn from several of them, which the
/// operation tree shows: here the collection is traced back (through members, calls that keep or transform it, locals and
/// lambda parameters) to a single row (a value of a [Dataset] type) and nothing else that holds rows.
/// </summary>
internal sealed partial class FlowAnalysis
{
    private const int OneRowDepth = 8;

    /// <summary>
    /// What a per-row aggregate gives: a value of that row (its rows, as the row's other members), plus what its selector or
    /// predicate reads besides the element (a vocabulary learned from rows, a fitted step) without the element's own rows.
    /// </summary>
    private DataFlow OneRowAggregate(DataFlow source, List<IArgumentOperation> arguments)
    {
        DataFlow result = source.WithParts(default);
        foreach (IArgumentOperation argument in arguments)
        {
            DataFlow read = Lambda(argument.Value, source, distinctParameters: false);
            if (!read.Events.IsEmpty) result = result.Join(read.WithoutRows());
        }
        return result;
    }

    /// <summary>Whether the aggregate <paramref name="call"/> runs over the values of one row only (its receiver and every argument that holds rows).</summary>
    private bool OverOneRow(IInvocationOperation call)
    {
        if (context.IsRowTyped(call.Type)) return false;
        bool extension = call.Instance is null && call.TargetMethod.IsExtensionMethod;
        IOperation? receiver = call.Instance ?? (extension ? call.Arguments.FirstOrDefault()?.Value : null);
        var anchors = new HashSet<object>();
        if (receiver is not null && !OneRowValue(receiver, anchors, OneRowDepth)) return false;
        foreach (IArgumentOperation argument in call.Arguments)
        {
            if (extension && argument == call.Arguments[0]) continue;
            if (IsFunction(argument.Value) || argument.Value.ConstantValue.HasValue) continue;
            if (OneRowValue(argument.Value, anchors, OneRowDepth)) continue;
            if (!Eval(argument.Value).Rows.IsEmpty) return false;
        }
        // One row, the same one everywhere (a and b's words together are values of two rows).
        return anchors.Count == 1;
    }

    private static bool IsFunction(IOperation value)
    {
        while (value is IConversionOperation or IDelegateCreationOperation)
            value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
        return value is IAnonymousFunctionOperation or IMethodReferenceOperation;
    }

    /// <summary>
    /// Whether <paramref name="value"/> is one row or derived from one row only; each row it comes from is added to
    /// <paramref name="anchors"/> (a parameter or local's symbol, or the element access's text, <c>tills[i]</c>).
    /// </summary>
    private bool OneRowValue(IOperation? value, HashSet<object> anchors, int depth)
    {
        if (value is null || depth < 0) return false;
        while (value is IConversionOperation or IParenthesizedOperation)
            value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
        if (value.Type is INamedTypeSymbol row && LeakageSymbols.HasAttribute(row, Symbols.DatasetAttribute))
        {
            anchors.Add(value switch
            {
                IParameterReferenceOperation parameter => parameter.Parameter,
                ILocalReferenceOperation local => local.Local,
                IInstanceReferenceOperation => "this",
                _ => value.Syntax.ToString(),
            });
            return true;
        }
        if (OneRecord(value) is { } record)
        {
            anchors.Add(record);
            return true;
        }
        // Anything else that holds rows (a row's list of other rows, a group) is several rows.
        if (context.IsRowTyped(value.Type)) return false;
        switch (value)
        {
            case IPropertyReferenceOperation { Instance: { } instance } property:
                return OneRowValue(instance, anchors, depth - 1) && property.Arguments.All(index => Eval(index.Value).Rows.IsEmpty);
            case IFieldReferenceOperation { Instance: { } instance }:
                return OneRowValue(instance, anchors, depth - 1);
            case IArrayElementReferenceOperation element:
                return OneRowValue(element.ArrayReference, anchors, depth - 1) && element.Indices.All(index => Eval(index).Rows.IsEmpty);
            case IInvocationOperation call:
            {
                // A call that keeps or transforms the row's values (Split, ToLowerInvariant, Where, Select, string.Join of its fields).
                bool extension = call.Instance is null && call.TargetMethod.IsExtensionMethod;
                bool any = false;
                if (call.Instance is not null)
                {
                    if (!OneRowValue(call.Instance, anchors, depth - 1)) return false;
                    any = true;
                }
                foreach (IArgumentOperation argument in call.Arguments)
                {
                    if (IsFunction(argument.Value) || argument.Value.ConstantValue.HasValue) continue;
                    if (OneRowValue(argument.Value, anchors, depth - 1)) { any = true; continue; }
                    if (extension && argument == call.Arguments[0] || !Eval(argument.Value).Rows.IsEmpty) return false;
                }
                return any;
            }
            case IBinaryOperation binary:
                return OneRowOrFixed(binary.LeftOperand, anchors, depth) && OneRowOrFixed(binary.RightOperand, anchors, depth)
                    && (OneRowValue(binary.LeftOperand, new HashSet<object>(), depth - 1) || OneRowValue(binary.RightOperand, new HashSet<object>(), depth - 1));
            case IInterpolatedStringOperation interpolated:
                return interpolated.Parts.OfType<IInterpolationOperation>().All(part => OneRowOrFixed(part.Expression, anchors, depth))
                    && interpolated.Parts.OfType<IInterpolationOperation>().Any(part => OneRowValue(part.Expression, new HashSet<object>(), depth - 1));
            case ILocalReferenceOperation local:
                return OneRowLocal(local, anchors, depth - 1);
            case IParameterReferenceOperation parameter:
                return OneRowLambdaParameter(parameter, anchors, depth - 1);
            default:
                return false;
        }
    }

    private bool OneRowOrFixed(IOperation operand, HashSet<object> anchors, int depth) =>
        operand.ConstantValue.HasValue || OneRowValue(operand, anchors, depth - 1) || Eval(operand).Rows.IsEmpty;

    /// <summary>A local every assignment of which is one row's value (<c>string[] words = r.Text.Split(' ')</c>), or a foreach variable over one.</summary>
    private bool OneRowLocal(ILocalReferenceOperation reference, HashSet<object> anchors, int depth)
    {
        IOperation root = reference;
        while (root.Parent is not null) root = root.Parent;
        bool any = false;
        foreach (IOperation node in root.Descendants())
        {
            IOperation? assigned = node switch
            {
                IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local) => declarator.Initializer?.Value,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local) => assignment.Value,
                IForEachLoopOperation loop when loop.Locals.Contains(reference.Local, SymbolEqualityComparer.Default) => loop.Collection,
                _ => null,
            };
            if (assigned is null) continue;
            if (!OneRowValue(assigned, anchors, depth)) return false;
            any = true;
        }
        return any;
    }

    /// <summary>
    /// A lambda's parameter standing for an element of one row's values (<c>w</c> in <c>r.Text.Split(' ').Select(w =&gt; w.Count(char.IsUpper))</c>).
    /// </summary>
    private bool OneRowLambdaParameter(IParameterReferenceOperation reference, HashSet<object> anchors, int depth)
    {
        if (reference.Parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda) return false;
        IOperation? node = reference.Parent;
        while (node is not null && !(node is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))) node = node.Parent;
        while (node is not null and not IInvocationOperation) node = node.Parent;
        if (node is not IInvocationOperation owner || !context.IsEnumerableLike(owner.TargetMethod)) return false;
        IOperation? collection = owner.Instance ?? (owner.TargetMethod.IsExtensionMethod ? owner.Arguments.FirstOrDefault()?.Value : null);
        return OneRowValue(collection, anchors, depth);
    }
}
