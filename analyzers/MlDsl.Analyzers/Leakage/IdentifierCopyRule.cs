using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// MLDSL0021 outside the row type: a feature slot of a row built in a projection or a helper (<c>i with { DeviceType =
/// i.User }</c>, <c>new Visit { Clinic = raw.PatientId }</c>) filled with a copy of the row's group key or of an
/// identifier (a conversion or <c>ToString()</c> is still a copy). The feature then identifies the group as a declared
/// id feature would, and the grouped split no longer keeps the model from memorising it. Values computed from an id
/// (a count of its rows, a lookup of its history) are not copies and stay silent, as do copies into metadata.
/// Reported on the value assigned (the copy with its conversion).
/// </summary>
internal sealed class IdentifierCopyRule
{
    private readonly INamedTypeSymbol dataset, feature, label, groupKey;

    public IdentifierCopyRule(INamedTypeSymbol dataset, INamedTypeSymbol feature, INamedTypeSymbol label, INamedTypeSymbol groupKey)
    {
        this.dataset = dataset;
        this.feature = feature;
        this.label = label;
        this.groupKey = groupKey;
    }

    public void Check(OperationAnalysisContext context)
    {
        (ITypeSymbol? type, IObjectOrCollectionInitializerOperation? initializer) = context.Operation switch
        {
            IObjectCreationOperation creation => (creation.Type, creation.Initializer),
            IWithOperation with => (with.Type, with.Initializer),
            _ => (null, null),
        };
        if (type is null || initializer is null || !LeakageSymbols.HasAttribute(type, dataset)) return;

        foreach (ISimpleAssignmentOperation assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
        {
            if (assignment.Target is not IMemberReferenceOperation { Member: var target }
                || !LeakageSymbols.HasAttribute(target, feature) || LeakageSymbols.HasAttribute(target, label)
                || LeakageSymbols.HasAttribute(target, groupKey)) continue;
            if (CopiedMember(assignment.Value) is not { } copied || SymbolEqualityComparer.Default.Equals(copied.Member, target)) continue;
            string? why = Identifies(copied.Member);
            if (why is null) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.IdentifierAsFeature, assignment.Value.Syntax.GetLocation(),
                $"Feature '{target.Name}' of {type.Name} is a copy of '{copied.Member.Name}', {why}: the model learns which group a row belongs to, not what it shows, and cannot generalise to new groups; fill the feature from a measurement, and keep the id as [GroupKey] (split with SplitKind.Grouped) or [Ignore]"));
        }
    }

    /// <summary>Why the member identifies rather than describes (the group key, or a name of an identifier), or null.</summary>
    private string? Identifies(ISymbol member)
    {
        if (LeakageSymbols.HasAttribute(member, groupKey)) return "the rows' [GroupKey]";
        ITypeSymbol? type = member switch { IPropertySymbol property => property.Type, IFieldSymbol field => field.Type, _ => null };
        if (type is null) return null;
        bool categories = member.GetAttributes().Any(data => data.AttributeClass?.Name == "CategoriesAttribute");
        return IdentifierNames.Of(member, type, categories) switch
        {
            IdentifierKind.Entity => "an identifier",
            IdentifierKind.Row => "a row number",
            _ => null,
        };
    }

    /// <summary>
    /// The member a value is a plain copy of: the read itself, through conversions, parentheses and <c>ToString()</c>,
    /// <c>Convert.ToSingle(...)</c> or a parse of its text; anything computed from it is not a copy.
    /// </summary>
    private static IMemberReferenceOperation? CopiedMember(IOperation value)
    {
        while (true)
        {
            switch (value)
            {
                case IConversionOperation conversion: value = conversion.Operand; continue;
                case IParenthesizedOperation parenthesized: value = parenthesized.Operand; continue;
                case IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: { } instance }: value = instance; continue;
                case IInvocationOperation { TargetMethod: { IsStatic: true, Name: var name } method, Arguments.Length: 1 } call
                    when method.ContainingType?.Name == "Convert" && name.StartsWith("To", System.StringComparison.Ordinal)
                        || name == "Parse" && method.ContainingType?.SpecialType is not SpecialType.None:
                    value = call.Arguments[0].Value; continue;
                case IPropertyReferenceOperation or IFieldReferenceOperation:
                    var member = (IMemberReferenceOperation)value;
                    return member.Instance is null ? null : member;
                default: return null;
            }
        }
    }
}
