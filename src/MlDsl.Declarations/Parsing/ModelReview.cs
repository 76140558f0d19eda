using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Declarations.Models;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Parsing;

/// <summary>
/// Checks a model whose shapes are fine for what a careful reviewer would still flag: anything after
/// the output layer. Every loss MlDsl trains with reads the raw output, so the last parametric layer is the output.
/// </summary>
internal static class ModelReview
{
    public static IEnumerable<DiagnosticInfo> Review(IReadOnlyList<ResolvedLayer> layers, IReadOnlyDictionary<LayerSpec, Location?> locations, LabelSpec label)
    {
        int output = -1;
        for (int i = 0; i < layers.Count; i++)
        {
            LayerDefinition definition = LayerCatalogue.Find(layers[i].Spec.Kind);
            if (definition.HasParameters && !definition.Normalizes) output = i;
        }
        if (output < 0) yield break;

        string outputName = layers[output].Spec.FieldName;
        for (int i = output + 1; i < layers.Count; i++)
        {
            LayerSpec spec = layers[i].Spec;
            Location? location = locations[spec];
            DiagnosticInfo diagnostic = LayerCatalogue.Find(spec.Kind).SquashesOutput
                ? DiagnosticInfo.Create(DiagnosticDescriptors.SoftmaxBeforeCrossEntropy, location,
                    $"'{spec.Member}' applies {spec.Kind} to the output of '{outputName}', but training uses {label.LossDescription}; remove it")
                : DiagnosticInfo.Create(DiagnosticDescriptors.LayerAfterOutput, location,
                    $"'{spec.Member}' applies {spec.Kind} after the output layer '{outputName}'; the loss should see the output layer's {(label.Kind == LabelKind.Regression ? "values" : "logits")} unchanged");
            yield return RenamesWeights(layers, i) ? diagnostic.WithProperty(DiagnosticProperties.RemovalRenamesWeights, "true") : diagnostic;
        }
    }

    /// <summary>
    /// Whether removing layer <paramref name="index"/> renames weights: when it is its member's first layer,
    /// the next layer of the member takes the member's name (the ones after it keep member + kind).
    /// </summary>
    private static bool RenamesWeights(IReadOnlyList<ResolvedLayer> layers, int index) =>
        layers[index].Spec.Position == 0 && index + 1 < layers.Count
        && layers[index + 1].Spec.Member == layers[index].Spec.Member && layers[index + 1].Parameters > 0;
}
