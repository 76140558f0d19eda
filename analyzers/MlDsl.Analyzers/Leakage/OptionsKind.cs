using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// The <c>Kind</c> an options value (SplitOptions, FoldOptions) holds where the code shows it: set in
/// <c>new XOptions { Kind = ... }</c>, in <c>defaults with { Kind = ... }</c>, or inherited through a
/// <c>with</c> that leaves it alone from a local or a static readonly field initialised once, or from a get-only
/// property or readonly field that its initializer or one constructor gives one value (see <c>SetOnce</c>).
/// </summary>
internal static partial class OptionsKind
{
    private const int MaxHops = 4;

    /// <summary>The Kind's member name; null when the options leave the default; <paramref name="known"/> false when the code does not show it.</summary>
    public static string? Of(IOperation? value, out bool known) => Resolve(value, MaxHops, out known);

    private static string? Resolve(IOperation? value, int hops, out bool known)
    {
        known = true;
        while (value is IConversionOperation conversion) value = conversion.Operand;
        switch (value)
        {
            case null or IDefaultValueOperation or ILiteralOperation: return null;
            case IObjectCreationOperation creation:
                return Assigned(creation.Initializer, out string? kind, out known) ? kind : null;
            case IWithOperation with:
                if (Assigned(with.Initializer, out string? set, out known)) return set;
                return hops > 0 ? Resolve(with.Operand, hops - 1, out known) : Unknown(out known);
            case ILocalReferenceOperation local when hops > 0 && Initializer(local.Local, value.SemanticModel, onlyIfNeverAssigned: true) is { } initial:
                return Resolve(initial, hops - 1, out known);
            case IFieldReferenceOperation { Field: { IsReadOnly: true } field } when hops > 0 && Initializer(field, value.SemanticModel, onlyIfNeverAssigned: false) is { } initial:
                return Resolve(initial, hops - 1, out known);
            // Options kept in a get-only property or readonly field that one constructor (or the initializer) sets.
            case IPropertyReferenceOperation or IFieldReferenceOperation when hops > 0 && SetOnce(value) is { } memberValue:
                return Resolve(memberValue, hops - 1, out known);
            default: return Unknown(out known);
        }
    }

    private static string? Unknown(out bool known)
    {
        known = false;
        return null;
    }

    /// <summary>Whether the initializer sets Kind; <paramref name="kind"/> is the enum member, <paramref name="known"/> false when it is not a constant member.</summary>
    private static bool Assigned(IObjectOrCollectionInitializerOperation? initializer, out string? kind, out bool known)
    {
        known = true;
        kind = null;
        foreach (IOperation item in initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
        {
            if (item is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Kind" } } assignment) continue;
            IOperation assigned = assignment.Value;
            while (assigned is IConversionOperation conversion) assigned = conversion.Operand;
            if (assigned is IFieldReferenceOperation field) kind = field.Field.Name;
            else known = false;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The initial value of a local (never assigned again in its block) or a readonly field, from
    /// its declarator; null when there is none or the value may change.
    /// </summary>
    private static IOperation? Initializer(ISymbol symbol, SemanticModel? model, bool onlyIfNeverAssigned)
    {
        if (model is null) return null;
        foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator) continue;
            if (onlyIfNeverAssigned && declarator.FirstAncestorOrSelf<BlockSyntax>() is { } block
                && block.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(assignment =>
                    assignment.Left is IdentifierNameSyntax name && name.Identifier.ValueText == symbol.Name))
                return null;
            SemanticModel owner = value.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(value.SyntaxTree);
            return owner.GetOperation(value);
        }
        return null;
    }
}
