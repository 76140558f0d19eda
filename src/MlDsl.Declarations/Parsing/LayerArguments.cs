using System.Linq;
using Microsoft.CodeAnalysis;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Parsing;

/// <summary>Turns a layer attribute's constructor and named arguments into a <see cref="LayerSpec"/>.</summary>
internal static class LayerArguments
{
    public static LayerSpec Read(string member, int position, LayerKind kind, AttributeData attribute)
    {
        object? first = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value : null;
        return kind switch
        {
            LayerKind.Conv2d => new LayerSpec(member, position, kind,
                Size: first as int?, InSize: Positive(attribute, "InChannels"), Kernel: Named(attribute, "Kernel") ?? 3,
                Stride: Named(attribute, "Stride") ?? 1, Padding: Named(attribute, "Padding") ?? 0),
            LayerKind.MaxPool2d or LayerKind.AvgPool2d => new LayerSpec(member, position, kind,
                Kernel: first as int?, Stride: Positive(attribute, "Stride"), Padding: Named(attribute, "Padding") ?? 0),
            LayerKind.Linear => new LayerSpec(member, position, kind, Size: first as int?, InSize: Positive(attribute, "InFeatures")),
            LayerKind.Dropout => new LayerSpec(member, position, kind, Probability: first as double? ?? 0.5),
            _ => new LayerSpec(member, position, kind),
        };
    }

    private static int? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.Where(argument => argument.Key == name).Select(argument => argument.Value.Value as int?).FirstOrDefault();

    // "0 means infer / default" in the attribute surface becomes null here.
    private static int? Positive(AttributeData attribute, string name) => Named(attribute, name) is int value && value != 0 ? value : null;
}
