using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Parsing;

/// <summary>
/// Reads what a layer attribute was given, generically: constructor arguments under their
/// parameter's name with the first letter raised (<c>outChannels</c> -> <c>OutChannels</c>, the
/// property that exposes it), named arguments under their own name. What they mean is the layer
/// definition's business; this reader knows no layer.
/// </summary>
internal static class LayerAttributeReader
{
    public static LayerSpec Read(string member, int position, LayerDefinition definition, AttributeData attribute)
    {
        var arguments = new List<LayerArgument>();
        IMethodSymbol? constructor = attribute.AttributeConstructor;
        for (int i = 0; i < attribute.ConstructorArguments.Length && constructor is not null && i < constructor.Parameters.Length; i++)
            arguments.Add(new LayerArgument(PropertyName(constructor.Parameters[i].Name), Value(attribute.ConstructorArguments[i])));
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            arguments.Add(new LayerArgument(named.Key, Value(named.Value)));
        return new LayerSpec(member, position, definition.Name, new LayerArguments(arguments.ToEquatableArray()));
    }

    private static string PropertyName(string parameter) =>
        parameter.Length == 0 ? parameter : char.ToUpperInvariant(parameter[0]) + parameter.Substring(1);

    /// <summary>Primitives as they are, enums as their number, types by name, arrays of int value-equal.</summary>
    private static object? Value(TypedConstant constant) => constant.Kind switch
    {
        TypedConstantKind.Array when !constant.IsNull && constant.Values.All(value => value.Value is int) =>
            constant.Values.Select(value => (int)value.Value!).ToEquatableArray(),
        TypedConstantKind.Array => null,
        TypedConstantKind.Type => (constant.Value as ITypeSymbol)?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
        TypedConstantKind.Enum => constant.Value is { } number ? System.Convert.ToInt32(number, System.Globalization.CultureInfo.InvariantCulture) : null,
        _ => constant.Value,
    };
}
