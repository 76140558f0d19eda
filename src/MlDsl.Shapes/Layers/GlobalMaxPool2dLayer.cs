namespace MlDsl.Shapes.Layers;

/// <summary>GlobalMaxPool2d (Keras GlobalMaxPooling2D, PyTorch AdaptiveMaxPool2d to 1 and flattened): (c, h, w) -> (c), the largest value of each map; no parameters.</summary>
public sealed class GlobalMaxPool2dLayer : LayerDefinition
{
    /// <summary>ReduceMax over the spatial axes.</summary>
    public override string Onnx(ResolvedLayer layer) => "GlobalMaxPool(x, spatialDimensions: 2)";

    public override LayerOutcome Infer(LayerSpec spec, TensorShape input) =>
        RequireRank(spec, input, 3, "(channels, height, width)", SignalHints.ForMap(input, "GlobalMaxPool1d"))
        ?? Resolved(spec, input, TensorShape.Of(input[0]), 0, "new global::MlDsl.Layers.GlobalMaxPool(2)", "GlobalMaxPool2d");
}
