namespace MlDsl.Shapes.Layers;

/// <summary>Sigmoid, element-wise.</summary>
public sealed class SigmoidLayer() : ActivationLayer("Sigmoid", onnx: "Unary(\"Sigmoid\", x)")
{
    public override bool SquashesOutput => true;
}
