using System;
using System.Collections.Generic;
using System.Linq;

namespace MlDsl.Shapes;

/// <summary>
/// Every layer kind: each <see cref="LayerDefinition"/> subclass in this assembly, found by
/// reflection so a new layer is registered by writing its file, nowhere else.
/// </summary>
public static class LayerCatalogue
{
    public const string AttributeNamespace = "MlDsl";

    private static readonly Dictionary<string, LayerDefinition> ByKind = typeof(LayerDefinition).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(LayerDefinition).IsAssignableFrom(type))
        .Select(type => (LayerDefinition)Activator.CreateInstance(type))
        .ToDictionary(definition => definition.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, LayerDefinition> ByAttributeName =
        ByKind.Values.ToDictionary(definition => AttributeNamespace + "." + definition.Name + "Attribute", StringComparer.Ordinal);

    /// <summary>Every layer kind, ordered by name.</summary>
    public static IReadOnlyList<LayerDefinition> All { get; } = ByKind.Values.OrderBy(definition => definition.Name, StringComparer.Ordinal).ToArray();

    /// <exception cref="KeyNotFoundException">No layer kind has that name.</exception>
    public static LayerDefinition Find(string kind) =>
        ByKind.TryGetValue(kind, out LayerDefinition? definition) ? definition : throw new KeyNotFoundException($"No layer kind '{kind}' in the catalogue");

    /// <summary>Finds the layer kind for an attribute's fully qualified metadata name (<c>MlDsl.Conv2dAttribute</c>).</summary>
    public static bool TryFindByAttribute(string attributeFullName, out LayerDefinition definition) =>
        ByAttributeName.TryGetValue(attributeFullName, out definition!);
}
