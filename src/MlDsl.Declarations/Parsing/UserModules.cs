using System.Linq;
using Microsoft.CodeAnalysis;

namespace MlDsl.Declarations.Parsing;

/// <summary>
/// Hand-written TorchSharp modules in a model or block: usable as a layer through
/// <c>[UserModule(typeof(X), "output shape")]</c>; a module member without that contract would be a
/// hole in inference (and a submodule the forward never runs), so it is reported (MLDSL0037).
/// </summary>
internal static class UserModules
{
    private const string UserModuleAttribute = "MlDsl.UserModuleAttribute";
    private const string ModuleBase = "TorchSharp.torch.nn.Module";
    private const string TorchSharpNamespace = "TorchSharp";

    /// <summary>Why a member typed as a TorchSharp module subclass, with no layer attribute, is refused; null for any other member.</summary>
    public static string? Uncontracted(ISymbol member, string name)
    {
        if (member is not IFieldSymbol { IsStatic: false, IsConst: false, Type: INamedTypeSymbol type }) return null;
        // Layer itself (also as Layer?, the generated residual shortcut) is the layer members' own type, not a user module.
        if (IsLayerType(type) || !DerivesFromModule(type)) return null;
        return $"Member '{name}' is a TorchSharp module ({type.Name}) without a shape contract, so inference, the analyzers and Summary cannot go through it; " +
               $"declare it as [UserModule(typeof({type.Name}), \"<output shape>\")] Layer {member.Name};";
    }

    /// <summary>Why a [UserModule] attribute's type cannot be built as a layer; null when it can (or the attribute is another layer).</summary>
    public static string? Unusable(AttributeData attribute, string name)
    {
        if (!SymbolNames.Is(attribute.AttributeClass, UserModuleAttribute)) return null;
        if (attribute.ConstructorArguments.FirstOrDefault().Value is not INamedTypeSymbol type)
            return $"[UserModule] on '{name}' names no module type";
        bool isModule = IsTensorModule(type);
        bool constructible = !type.IsAbstract && type.InstanceConstructors.Any(constructor =>
            constructor.Parameters.Length == 0 && constructor.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal);
        if (isModule && constructible) return null;
        return $"[UserModule] on '{name}' names {type.Name}, which is not " +
               (isModule ? "constructible: it needs a public parameterless constructor" : "a TorchSharp Module<Tensor, Tensor>");
    }

    /// <summary><c>Layer</c> or <c>Layer?</c>: the display string, less a trailing '?', is the module type.</summary>
    private static bool IsLayerType(INamedTypeSymbol type) =>
        type.NullableAnnotation == NullableAnnotation.Annotated || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
            ? type.ToDisplayString().TrimEnd('?') == ModelParser.ModuleType
            : SymbolNames.Is(type, ModelParser.ModuleType);

    private static bool DerivesFromModule(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            if (SymbolNames.StartsWith(current.OriginalDefinition, TorchSharpNamespace)
                && current.OriginalDefinition.ToDisplayString().StartsWith(ModuleBase, System.StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsTensorModule(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            if (SymbolNames.Is(current, ModelParser.ModuleType)) return true;
        return false;
    }
}
