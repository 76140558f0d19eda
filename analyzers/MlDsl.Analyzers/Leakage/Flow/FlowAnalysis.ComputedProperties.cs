using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// A computed property of a type declared here, read on an object (<c>table.Oversampled</c>, whose getter is
/// <c>=&gt; [.. claims, .. claims.Where(...)]</c>): its getter runs at the read, as a helper method does at its call, so the
/// getter is summarised like one, with the object's flow for what it reads of itself. What the getter learns or copies
/// keeps its place in the getter (as a member read inside the type does, <see cref="FlowContext.MemberFlow"/>): the
/// read shows nothing of it. Auto-properties hold what is assigned to them, and the members of rows are their values,
/// not computations over rows: neither is summarised.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>What a computed property's getter returns for the object <paramref name="instance"/> holds, or null when the property is no computed one of this compilation.</summary>
    private DataFlow? ComputedProperty(IPropertyReferenceOperation property, DataFlow instance)
    {
        if (property.Arguments.Length > 0 || property.Property.GetMethod is not { } getter || !IsComputed(property.Property)) return null;
        if (property.Property.ContainingType is { } owner && context.IsRowTyped(owner)) return null;
        if (SummaryOf(getter.OriginalDefinition) is not { } summary) return null;
        return summary.Substitute(summary.Returned, System.Array.Empty<DataFlow>(), call: null, instance).Join(MembersRead(getter));
    }

    /// <summary>Whether a property's getter is written (an expression body, a get accessor with a body) in a non-generated file.</summary>
    private static bool IsComputed(IPropertySymbol property) => property.DeclaringSyntaxReferences.Any(reference =>
        !GeneratedCode.Is(reference.SyntaxTree) && reference.GetSyntax() switch
        {
            PropertyDeclarationSyntax { ExpressionBody: not null } => true,
            PropertyDeclarationSyntax { AccessorList: { } accessors } => accessors.Accessors.Any(accessor =>
                accessor.Keyword.ValueText == "get" && (accessor.Body is not null || accessor.ExpressionBody is not null)),
            _ => false,
        });
}
