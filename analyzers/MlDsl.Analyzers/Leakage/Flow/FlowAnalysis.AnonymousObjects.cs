using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// An anonymous object (<c>new { l, mean = ... }</c>, also the one a query's <c>let</c> makes for each row) is a value whose
/// members are what it was created with, each kept apart by name: <c>t.l</c> is the row, <c>t.mean</c> the statistic. Its
/// members are no fields of the method's type: assigning them writes no member (a member written would be shared by every
/// call of a local function, so <c>Enrich(train)</c> and <c>Enrich(validation)</c> would seem to return the same rows).
/// </summary>
internal sealed partial class FlowAnalysis
{
    private DataFlow AnonymousObject(IAnonymousObjectCreationOperation creation)
    {
        var parts = ImmutableArray.CreateBuilder<DataFlow>();
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (IOperation initializer in creation.Initializers)
        {
            if (initializer is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } assignment) continue;
            parts.Add(Eval(assignment.Value));
            names.Add("." + property.Name);
        }
        return parts.Count == 0 ? DataFlow.Empty : DataFlow.Named(parts.ToImmutable(), names.ToImmutable());
    }

    /// <summary>Whether an assignment sets a member of an anonymous object being created (part of its value, not a write).</summary>
    private static bool InitializesAnonymousObject(ISimpleAssignmentOperation assignment) => assignment.Parent is IAnonymousObjectCreationOperation;
}
