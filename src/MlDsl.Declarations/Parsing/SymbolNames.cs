using System;
using Microsoft.CodeAnalysis;

namespace MlDsl.Declarations.Parsing;

/// <summary>
/// Compares a type with its display string (<see cref="ISymbol.ToDisplayString"/> in the default
/// format, <c>TorchSharp.torch.nn.Module&lt;TorchSharp.torch.Tensor, TorchSharp.torch.Tensor&gt;</c>)
/// by walking its namespaces, containing types and type arguments, without building the string.
/// The parsers ask this of every attribute and member type of every declaration while the user types,
/// and building display strings was most of the analyzers' time: Roslyn asks a metadata type whether
/// it is a record (a search for its clone method) each time it displays one.
/// Types displayed otherwise than by their names (keywords such as <c>int</c> and <c>object</c>,
/// <c>int?</c>, tuples, anonymous and error types, type parameters, annotated <c>T?</c>) are compared
/// with the built string, so every answer is exactly the string comparison's.
/// </summary>
internal static class SymbolNames
{
    private enum Outcome
    {
        Different,
        Same,
        NotModelled,
    }

    /// <summary>Exactly <c>type?.ToDisplayString() == displayName</c>.</summary>
    public static bool Is(ITypeSymbol? type, string displayName)
    {
        if (type is null) return false;
        int position = 0;
        return Compare(type, displayName, ref position) switch
        {
            Outcome.Same => position == displayName.Length,
            Outcome.Different => false,
            _ => type.ToDisplayString() == displayName,
        };
    }

    /// <summary>
    /// Exactly <c>type.ToDisplayString()</c>, built by concatenation for a non-generic type directly in a
    /// namespace (every MlDsl attribute class), by Roslyn otherwise.
    /// </summary>
    public static string Of(INamedTypeSymbol type)
    {
        if (type.ContainingType is not null || type.Arity > 0 || !IsModelled(type) || type.NullableAnnotation == NullableAnnotation.Annotated)
            return type.ToDisplayString();
        INamespaceSymbol? space = type.ContainingNamespace;
        return space is null || space.IsGlobalNamespace ? type.Name : Namespace(space) + "." + type.Name;
    }

    /// <summary>Exactly <c>type.ToDisplayString().StartsWith(name + ".")</c> for a <paramref name="name"/> without dots.</summary>
    public static bool StartsWith(ITypeSymbol type, string name)
    {
        // Special types (object, string, DateTime, ...) are displayed by keyword or in System.
        if (type.SpecialType != SpecialType.None && name != "System") return false;
        if (type is not INamedTypeSymbol named || !IsModelled(named)) return type.ToDisplayString().StartsWith(name + ".", StringComparison.Ordinal);
        // The display string begins with the outermost namespace, or in the global namespace with the outermost
        // containing type (then followed by a dot only when it is not generic).
        INamedTypeSymbol top = named;
        while (top.ContainingType is { } outer) top = outer;
        INamespaceSymbol? space = top.ContainingNamespace;
        if (space is null || space.IsGlobalNamespace)
            return !ReferenceEquals(top, named) && top.Arity == 0 && top.Name == name;
        while (space.ContainingNamespace is { IsGlobalNamespace: false } parent) space = parent;
        return space.Name == name;
    }

    private static bool IsModelled(INamedTypeSymbol type) =>
        !type.IsTupleType && !type.IsAnonymousType && type.TypeKind != TypeKind.Error && !type.IsUnboundGenericType
        && type.SpecialType == SpecialType.None && type.OriginalDefinition.SpecialType == SpecialType.None && type.Name.Length > 0;

    private static Outcome Compare(ITypeSymbol type, string text, ref int position)
    {
        if (type is not INamedTypeSymbol named || !IsModelled(named) || named.NullableAnnotation == NullableAnnotation.Annotated)
            return Outcome.NotModelled;

        if (named.ContainingType is { } outer)
        {
            Outcome container = Compare(outer, text, ref position);
            if (container != Outcome.Same) return container;
            if (!Take(".", text, ref position)) return Outcome.Different;
        }
        else if (named.ContainingNamespace is { IsGlobalNamespace: false } space)
        {
            if (!TakeNamespace(space, text, ref position) || !Take(".", text, ref position)) return Outcome.Different;
        }

        if (!Take(named.Name, text, ref position)) return Outcome.Different;
        if (named.Arity == 0) return Outcome.Same;
        if (!Take("<", text, ref position)) return Outcome.Different;
        for (int i = 0; i < named.TypeArguments.Length; i++)
        {
            if (i > 0 && !Take(", ", text, ref position)) return Outcome.Different;
            Outcome argument = Compare(named.TypeArguments[i], text, ref position);
            if (argument != Outcome.Same) return argument;
        }
        return Take(">", text, ref position) ? Outcome.Same : Outcome.Different;
    }

    private static bool TakeNamespace(INamespaceSymbol space, string text, ref int position)
    {
        if (space.ContainingNamespace is { IsGlobalNamespace: false } parent && !(TakeNamespace(parent, text, ref position) && Take(".", text, ref position)))
            return false;
        return Take(space.Name, text, ref position);
    }

    private static string Namespace(INamespaceSymbol space) =>
        space.ContainingNamespace is { IsGlobalNamespace: false } parent ? Namespace(parent) + "." + space.Name : space.Name;

    private static bool Take(string part, string text, ref int position)
    {
        if (position + part.Length > text.Length || string.CompareOrdinal(text, position, part, 0, part.Length) != 0) return false;
        position += part.Length;
        return true;
    }
}
