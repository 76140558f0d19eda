namespace MlDsl.Shapes.Layers;

/// <summary>Flatten: any shape -> (product of its sizes).</summary>
public sealed class FlattenLayer : LayerDefinition
{
    public override LayerOutcome Infer(LayerSpec spec, TensorShape input) =>
        Resolved(spec, input, TensorShape.Of((int)input.ElementCount), 0, "Flatten()", "Flatten");

    public override string Onnx(ResolvedLayer layer) => "Flatten(x)";
}
