namespace MlDsl.Shapes.Layers;

/// <summary>Flatten: any shape -> (product of its sizes).</summary>
public sealed class FlattenRule : LayerRule
{
    public override LayerKind Kind => LayerKind.Flatten;

    public override object Infer(LayerSpec spec, TensorShape input) =>
        new ResolvedLayer(spec, input, TensorShape.Of((int)input.ElementCount), 0, "Flatten()", "Flatten");
}
