using System.Collections.Generic;
using System.Linq;
using MlDsl.Shapes.Layers;

namespace MlDsl.Shapes;

/// <summary>Every layer kind, its attribute name and its rule: the one place a new layer is registered.</summary>
public static class LayerCatalogue
{
    public const string AttributeNamespace = "MlDsl";

    private static readonly Dictionary<LayerKind, LayerRule> Rules = new LayerRule[]
    {
        new Conv2dRule(),
        new Pool2dRule(LayerKind.MaxPool2d),
        new Pool2dRule(LayerKind.AvgPool2d),
        new BatchNorm2dRule(),
        new LinearRule(),
        new DropoutRule(),
        new FlattenRule(),
        new ActivationRule(LayerKind.Relu, "ReLU"),
        new ActivationRule(LayerKind.Gelu, "GELU"),
        new ActivationRule(LayerKind.Sigmoid, "Sigmoid"),
        new ActivationRule(LayerKind.Tanh, "Tanh"),
        // Over the class dimension (1); dimension 0 is the batch.
        new ActivationRule(LayerKind.Softmax, "Softmax", "dim: 1"),
        new ActivationRule(LayerKind.LogSoftmax, "LogSoftmax", "dim: 1"),
        new SpectrogramRule(LayerKind.MelSpectrogram),
        new SpectrogramRule(LayerKind.Mfcc),
        new AmplitudeToDbRule(),
        new SpecAugmentRule(),
        new WaveAugmentRule(),
    }.ToDictionary(rule => rule.Kind);

    private static readonly Dictionary<string, LayerKind> ByAttributeName =
        Rules.Keys.ToDictionary(kind => AttributeNamespace + "." + kind + "Attribute");

    public static LayerRule RuleFor(LayerKind kind) => Rules[kind];

    /// <summary>Finds the layer kind for an attribute's fully qualified metadata name.</summary>
    public static bool TryGetKind(string attributeFullName, out LayerKind kind) =>
        ByAttributeName.TryGetValue(attributeFullName, out kind);

    /// <summary>Layers that carry trainable parameters.</summary>
    public static bool HasParameters(LayerKind kind) =>
        kind is LayerKind.Conv2d or LayerKind.Linear or LayerKind.BatchNorm2d;

    /// <summary>Layers that turn logits into probabilities (or log-probabilities).</summary>
    public static bool SquashesOutput(LayerKind kind) =>
        kind is LayerKind.Softmax or LayerKind.LogSoftmax or LayerKind.Sigmoid;
}
