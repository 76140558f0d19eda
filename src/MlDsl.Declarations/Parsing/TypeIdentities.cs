using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Models;

namespace MlDsl.Declarations.Parsing;

internal static class TypeIdentities
{
    public static TypeIdentity Of(INamedTypeSymbol type) => new(
        type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
        type.Name,
        (type.IsRecord, type.IsValueType) switch
        {
            (true, true) => "record struct",
            (true, false) => "record",
            (false, true) => "struct",
            _ => "class",
        });

    public static bool HasAttribute(ISymbol symbol, string fullName)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
            if (attribute.AttributeClass?.ToDisplayString() == fullName) return true;
        return false;
    }

    public static AttributeData? FindAttribute(ISymbol symbol, string fullName)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
            if (attribute.AttributeClass?.ToDisplayString() == fullName) return attribute;
        return null;
    }

    public static Location? LocationOf(AttributeData attribute, ISymbol fallback) =>
        attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? (fallback.Locations.Length > 0 ? fallback.Locations[0] : null);
}
