namespace MlDsl.Shapes.Layers;

/// <summary>Element-wise activations: shape unchanged, no parameters.</summary>
public sealed class ActivationRule(LayerKind kind, string torchSharpName, string arguments = "") : LayerRule
{
    public override LayerKind Kind => kind;

    public override object Infer(LayerSpec spec, TensorShape input) =>
        new ResolvedLayer(spec, input, input, 0, $"{torchSharpName}({arguments})", torchSharpName);
}
