using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// Options held in object state (<c>private SplitOptions Holdout { get; }</c> set by the constructor,
/// <c>Holdout = new SplitOptions { Kind = SplitKind.Stratified }</c>): a member only its initializer and constructors can set
/// holds the one value they give it, as a local's initial value is followed.
/// </summary>
internal static partial class OptionsKind
{
    /// <summary>
    /// The one value a get-only auto-property or a readonly field of this object (or a static one) is given, by its
    /// initializer or by assignments in its type's constructors; null when it may be set elsewhere or is given several.
    /// </summary>
    private static IOperation? SetOnce(IOperation member)
    {
        (ISymbol symbol, IOperation? instance) = member switch
        {
            IPropertyReferenceOperation { Property: { SetMethod: null, GetMethod: not null, Parameters.Length: 0 } property } reference => ((ISymbol)property, reference.Instance),
            IFieldReferenceOperation { Field: { IsReadOnly: true } field } reference => (field, reference.Instance),
            _ => (null!, null),
        };
        if (symbol is null || instance is not (null or IInstanceReferenceOperation) || member.SemanticModel is not { } model) return null;
        var values = new List<ExpressionSyntax>();
        foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax())
            {
                case PropertyDeclarationSyntax { AccessorList: { } accessors } property when accessors.Accessors.All(accessor => accessor.Body is null && accessor.ExpressionBody is null):
                    if (property.Initializer is { } propertyInitial) values.Add(propertyInitial.Value);
                    break;
                case PropertyDeclarationSyntax:
                    return null; // a computed property: its value is its getter's
                case VariableDeclaratorSyntax { Initializer: { } fieldInitial }:
                    values.Add(fieldInitial.Value);
                    break;
            }
        }
        foreach (SyntaxReference typeReference in symbol.ContainingType.DeclaringSyntaxReferences)
            foreach (ConstructorDeclarationSyntax constructor in typeReference.GetSyntax().DescendantNodes().OfType<ConstructorDeclarationSyntax>())
                foreach (AssignmentExpressionSyntax assignment in constructor.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                    if (Names(assignment.Left, symbol.Name)) values.Add(assignment.Right);
        if (values.Count != 1) return null;
        SemanticModel owner = values[0].SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(values[0].SyntaxTree);
        return owner.GetOperation(values[0]);
    }

    private static bool Names(ExpressionSyntax target, string name) => target switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText == name,
        _ => false,
    };
}
