namespace MlDsl.Shapes.Layers;

/// <summary>GlobalMaxPool1d (Keras GlobalMaxPooling1D, PyTorch AdaptiveMaxPool1d to 1 and flattened): (c, l) -> (c), the largest value over the length; no parameters.</summary>
public sealed class GlobalMaxPool1dLayer : LayerDefinition
{
    /// <summary>ReduceMax over the spatial axes.</summary>
    public override string Onnx(ResolvedLayer layer) => "GlobalMaxPool(x, spatialDimensions: 1)";

    public override LayerOutcome Infer(LayerSpec spec, TensorShape input) =>
        SignalHints.RequireSignal(spec, input, "GlobalMaxPool2d")
        ?? Resolved(spec, input, TensorShape.Of(input[0]), 0, "new global::MlDsl.Layers.GlobalMaxPool(1)", "GlobalMaxPool1d");
}
