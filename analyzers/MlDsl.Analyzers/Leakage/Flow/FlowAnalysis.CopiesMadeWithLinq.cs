using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Copies of a row made inside a <c>SelectMany</c> selector by projecting something that is not the row
/// (<c>a =&gt; Enumerable.Range(0, 3).Select(k =&gt; a with { ... })</c>, <c>a =&gt; noise.Select(n =&gt; a with { ... })</c>): every
/// element of the projected sequence is built from the same row, so each row becomes several. A selector that projects
/// the row's own children (<c>o =&gt; o.Lines.Select(...)</c>) flattens them and copies nothing.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>Whether a SelectMany selector returns a projection, not of the row, whose elements are rows built from the row.</summary>
    private bool CopiesProjectedFromOne(IAnonymousFunctionOperation selector, IOperation? returned)
    {
        while (returned is IConversionOperation conversion) returned = conversion.Operand;
        if (returned is IInvocationOperation { TargetMethod.Name: "ToList" or "ToArray" or "AsEnumerable" } materialized)
            returned = materialized.Instance ?? materialized.Arguments.FirstOrDefault()?.Value;
        while (returned is IConversionOperation conversion) returned = conversion.Operand;
        if (returned is not IInvocationOperation { TargetMethod.Name: "Select" } projection || selector.Symbol.Parameters.Length == 0) return false;
        IParameterSymbol row = selector.Symbol.Parameters[0];
        if (!context.IsRowTyped(row.Type) || !context.IsRowTyped(ElementType(projection.Type))) return false;
        IOperation? projected = projection.Instance ?? projection.Arguments.FirstOrDefault()?.Value;
        IOperation? builder = projection.Arguments.Length > 1 ? projection.Arguments[1].Value : projection.Instance is null ? null : projection.Arguments.FirstOrDefault()?.Value;
        if (projected is null || builder is null) return false;
        // What is projected must not be the row's own (its children): those are flattened, one element each.
        if (Mentions(projected, row) || AtMostOne(projected)) return false;
        return Mentions(builder, row);
    }

    private static bool Mentions(IOperation operation, IParameterSymbol parameter) =>
        operation.DescendantsAndSelf().OfType<IParameterReferenceOperation>().Any(reference => SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter));

    /// <summary><c>Enumerable.Range(start, 1)</c> or <c>Range(start, 0)</c>: a single copy (or none) is not a multiplication.</summary>
    private static bool AtMostOne(IOperation projected)
    {
        while (projected is IConversionOperation conversion) projected = conversion.Operand;
        return projected is IInvocationOperation { TargetMethod.Name: "Range" or "Repeat", Arguments.Length: 2 } range
            && range.Arguments[1].Value.ConstantValue is { HasValue: true, Value: int count } && count <= 1;
    }
}
