using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Declarations.Models;
using MlDsl.Shapes;
using MlDsl.Shapes.Layers;

namespace MlDsl.Declarations.Parsing;

/// <summary>
/// Checks a model whose shapes are fine for what a careful reviewer would still flag: anything after
/// the output layer. Every loss MlDsl trains with reads the raw output, so the last parametric layer is the output
/// (LogSoftmax there is only redundant under cross-entropy: MLDSL0032, not MLDSL0014).
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
            LayerDefinition definition = LayerCatalogue.Find(spec.Kind);
            DiagnosticInfo diagnostic = IdempotentBeforeCrossEntropy(layers, i, label)
                ? DiagnosticInfo.Create(DiagnosticDescriptors.LogSoftmaxBeforeCrossEntropy, location,
                    $"'{spec.Member}' applies LogSoftmax to the output of '{outputName}', which changes nothing: cross-entropy applies log-softmax itself, "
                    + "and log-softmax of log-probabilities gives the same log-probabilities, so the loss, its gradients, the predicted classes and their probabilities are unchanged; it can go")
                : definition.SquashesOutput
                ? DiagnosticInfo.Create(DiagnosticDescriptors.SoftmaxBeforeCrossEntropy, location,
                    $"'{spec.Member}' applies {spec.Kind} to the output of '{outputName}', but training uses {label.LossDescription}; remove it")
                : DiagnosticInfo.Create(DiagnosticDescriptors.LayerAfterOutput, location,
                    $"'{spec.Member}' applies {spec.Kind} after the output layer '{outputName}'; the loss should see the output layer's {(label.Kind == LabelKind.Regression ? "values" : "logits")} unchanged");
            yield return RenamesWeights(layers, i) ? diagnostic.WithProperty(DiagnosticProperties.RemovalRenamesWeights, "true") : diagnostic;
        }
    }

    /// <summary>
    /// LogSoftmax is harmless only under cross-entropy, the loss of a class label: log_softmax(x) = x − logsumexp(x)
    /// and the logsumexp of log-probabilities is log 1 = 0, so cross-entropy's own log-softmax returns them
    /// unchanged (argmax and softmax, which Predict uses, see the same too). It must be the last layer, or
    /// followed only by more LogSoftmax: anything else sees log-probabilities instead of logits. Under binary
    /// cross-entropy (multi-label) and mean squared error (regression) it changes what the loss sees: log-probabilities
    /// are never positive, so no label is ever predicted present, and a single regression output is always 0.
    /// </summary>
    private static bool IdempotentBeforeCrossEntropy(IReadOnlyList<ResolvedLayer> layers, int index, LabelSpec label)
    {
        if (label.Kind != LabelKind.Class) return false;
        for (int i = index; i < layers.Count; i++)
            if (LayerCatalogue.Find(layers[i].Spec.Kind) is not LogSoftmaxLayer) return false;
        return true;
    }

    /// <summary>
    /// Whether removing layer <paramref name="index"/> renames weights: when it is its member's first layer,
    /// the next layer of the member takes the member's name (the ones after it keep member + kind).
    /// </summary>
    private static bool RenamesWeights(IReadOnlyList<ResolvedLayer> layers, int index) =>
        layers[index].Spec.Position == 0 && index + 1 < layers.Count
        && layers[index + 1].Spec.Member == layers[index].Spec.Member && layers[index + 1].Parameters > 0;
}
