namespace MlDsl.Shapes.Layers;

/// <summary>GlobalAvgPool2d (Keras GlobalAveragePooling2D): (c, h, w) -> (c), the mean over height and width; no parameters.</summary>
public sealed class GlobalAvgPool2dLayer : LayerDefinition
{
    /// <summary>ReduceMean over height and width.</summary>
    public override string Onnx(ResolvedLayer layer) => "GlobalAveragePool(x, spatialDimensions: 2)";

    public override LayerOutcome Infer(LayerSpec spec, TensorShape input) =>
        RequireRank(spec, input, 3, "(channels, height, width)", SignalHints.ForMap(input, "GlobalAvgPool1d"))
        ?? Resolved(spec, input, TensorShape.Of(input[0]), 0, "new global::MlDsl.Layers.GlobalAvgPool(2)", "GlobalAvgPool2d");
}
