using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Declarations.Parsing;

/// <summary>
/// Whether the generator can add its part to a [Dataset], [Model] or [Pipeline] declaration: the
/// type (and every type it is nested in) must be partial, non-generic and not file-local, a model a
/// plain class, and generated public members must not expose a less accessible row or model type.
/// Each problem is MLDSL0030 and no code, never generated code that does not compile.
/// </summary>
public static class DeclarationChecks
{
    public static DiagnosticInfo? Dataset(INamedTypeSymbol type) =>
        Report(type, Common(type, "[Dataset]") ?? (type.IsStatic ? $"[Dataset] '{type.Name}' cannot be static: its instances are the rows"
            : type.IsRefLikeType ? $"[Dataset] '{type.Name}' cannot be a ref struct: rows are kept in lists and batches" : null));

    public static DiagnosticInfo? Model(INamedTypeSymbol type, INamedTypeSymbol row) =>
        Report(type, Common(type, "[Model]") ?? ModelShape(type, "[Model]") ?? Exposes(type, row, "dataset", "its generated Fit, Evaluate and Predict are public and take"));

    public static DiagnosticInfo? Block(INamedTypeSymbol type) =>
        Report(type, Common(type, "[Block]") ?? ModelShape(type, "[Block]"));

    public static DiagnosticInfo? Pipeline(INamedTypeSymbol type, INamedTypeSymbol? model, INamedTypeSymbol? row) =>
        Report(type, Common(type, "[Pipeline]")
            ?? (model is null ? null : Exposes(type, model, "model", "its generated Definition is public and names"))
            ?? (row is null ? null : Exposes(type, row, "rows", "its generated Definition is public and names")));

    private static DiagnosticInfo? Report(INamedTypeSymbol type, string? problem) =>
        problem is null ? null : DiagnosticInfo.Create(DiagnosticDescriptors.CannotExtendDeclaration, type.Locations.FirstOrDefault(), problem);

    private static string? Common(INamedTypeSymbol type, string attribute)
    {
        if (type.TypeParameters.Length > 0)
            return $"{attribute} '{type.Name}' is generic; its generated members name one concrete type, so declare it without type parameters (a generic containing type is fine)";
        for (INamedTypeSymbol? part = type; part is not null; part = part.ContainingType)
        {
            if (part.IsFileLocal)
                return $"'{part.Name}' is a file-local type; the generated part of {attribute} '{type.Name}' lives in another file, so declare it without 'file'";
            if (!IsPartial(part))
                return ReferenceEquals(part, type)
                    ? $"{attribute} '{type.Name}' must be declared partial: the generator adds its members in a partial declaration of its own"
                    : $"'{part.Name}' must be declared partial: it contains {attribute} '{type.Name}', and the generated part reopens it";
        }
        return null;
    }

    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Length == 0
        || type.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static string? ModelShape(INamedTypeSymbol type, string attribute)
    {
        if (type.TypeKind != TypeKind.Class || type.IsRecord)
            return $"{attribute} '{type.Name}' must be a class: it becomes a TorchSharp Module<Tensor, Tensor>, which a record, struct or interface cannot derive from";
        if (type.IsStatic || type.IsAbstract)
            return $"{attribute} '{type.Name}' cannot be {(type.IsStatic ? "static" : "abstract")}: the generated constructor and Load create instances of it";
        if (type.BaseType is { SpecialType: not SpecialType.System_Object } baseType && !SymbolNames.Is(baseType, ModelParser.ModuleType))
            return $"{attribute} '{type.Name}' derives from '{baseType.ToDisplayString()}'; the generated part makes it a TorchSharp Module<Tensor, Tensor>, so remove that base class";
        return null;
    }

    /// <summary>Public generated members of <paramref name="type"/> name <paramref name="exposed"/>, so it must be at least as accessible.</summary>
    private static string? Exposes(INamedTypeSymbol type, INamedTypeSymbol exposed, string role, string members)
    {
        Accessibility outer = Effective(type), inner = Effective(exposed);
        if (AtLeast(inner, outer)) return null;
        return $"'{type.Name}' is {Describe(outer)} but its {role} '{exposed.Name}' is {Describe(inner)}; {members} '{exposed.Name}', " +
            $"so make '{exposed.Name}' at least as accessible as '{type.Name}' (or '{type.Name}' less accessible)";
    }

    /// <summary>The accessibility that counts: the most restrictive of the type's and its containing types'.</summary>
    private static Accessibility Effective(INamedTypeSymbol type)
    {
        Accessibility effective = type.DeclaredAccessibility;
        for (INamedTypeSymbol? container = type.ContainingType; container is not null; container = container.ContainingType)
            effective = Narrower(effective, container.DeclaredAccessibility);
        return effective;
    }

    private static Accessibility Narrower(Accessibility a, Accessibility b) =>
        (a, b) is (Accessibility.Protected, Accessibility.Internal) or (Accessibility.Internal, Accessibility.Protected) ? Accessibility.ProtectedAndInternal
        : Rank(a) <= Rank(b) ? a : b;

    // Protected and internal are incomparable: neither's callers are all callers of the other.
    private static bool AtLeast(Accessibility exposed, Accessibility member) =>
        !((exposed, member) is (Accessibility.Protected, Accessibility.Internal) or (Accessibility.Internal, Accessibility.Protected)) && Rank(exposed) >= Rank(member);

    private static int Rank(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public => 4,
        Accessibility.ProtectedOrInternal => 3,
        Accessibility.Internal or Accessibility.Protected => 2,
        Accessibility.ProtectedAndInternal => 1,
        _ => 0,
    };

    private static string Describe(Accessibility accessibility) => accessibility switch
    {
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => accessibility.ToString().ToLowerInvariant(),
    };
}
