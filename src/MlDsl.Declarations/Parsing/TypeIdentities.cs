using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Models;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Parsing;

internal static class TypeIdentities
{
    public static TypeIdentity Of(INamedTypeSymbol type)
    {
        var containers = new List<INamedTypeSymbol>();
        for (INamedTypeSymbol? container = type.ContainingType; container is not null; container = container.ContainingType)
            containers.Insert(0, container);
        return new TypeIdentity(
            type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            Keyword(type))
        {
            Containers = containers.Select(Reopening).ToEquatableArray(),
            FullyQualifiedName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            ContainerPath = string.Join(".", containers.Select(container => container.MetadataName.Replace('`', '_'))),
        };
    }

    private static string Keyword(INamedTypeSymbol type) => (type.IsRecord, type.IsValueType, type.TypeKind) switch
    {
        (_, _, TypeKind.Interface) => "interface",
        (true, true, _) => "record struct",
        (true, false, _) => "record",
        (false, true, _) => "struct",
        _ => "class",
    };

    /// <summary>
    /// A partial declaration that reopens a containing type. Accessibility, sealed and abstract may be
    /// left to the user's part; static, ref and readonly are repeated because every part must agree on them.
    /// </summary>
    private static string Reopening(INamedTypeSymbol container)
    {
        string modifiers = (container.IsStatic ? "static " : "")
            + (container.IsValueType && container.IsReadOnly ? "readonly " : "")
            + (container.IsRefLikeType ? "ref " : "");
        string parameters = container.TypeParameters.Length == 0 ? "" : "<" + string.Join(", ", container.TypeParameters.Select(parameter => parameter.Name)) + ">";
        return $"{modifiers}partial {Keyword(container)} {container.Name}{parameters}";
    }

    public static bool HasAttribute(ISymbol symbol, string fullName)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
            if (SymbolNames.Is(attribute.AttributeClass, fullName)) return true;
        return false;
    }

    public static AttributeData? FindAttribute(ISymbol symbol, string fullName)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
            if (SymbolNames.Is(attribute.AttributeClass, fullName)) return attribute;
        return null;
    }

    public static Location? LocationOf(AttributeData attribute, ISymbol fallback) =>
        attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? (fallback.Locations.Length > 0 ? fallback.Locations[0] : null);
}
