namespace MlDsl.Shapes.Layers;

/// <summary>GlobalAvgPool1d (Keras GlobalAveragePooling1D): (c, l) -> (c), the mean over the length; no parameters.</summary>
public sealed class GlobalAvgPool1dLayer : LayerDefinition
{
    /// <summary>ReduceMean over the length.</summary>
    public override string Onnx(ResolvedLayer layer) => "GlobalAveragePool(x, spatialDimensions: 1)";

    public override LayerOutcome Infer(LayerSpec spec, TensorShape input) =>
        SignalHints.RequireSignal(spec, input, "GlobalAvgPool2d")
        ?? Resolved(spec, input, TensorShape.Of(input[0]), 0, "new global::MlDsl.Layers.GlobalAvgPool(1)", "GlobalAvgPool1d");
}
