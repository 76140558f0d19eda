namespace MlDsl.Shapes.Layers;

/// <summary>Sigmoid, element-wise.</summary>
public sealed class SigmoidLayer() : ActivationLayer("Sigmoid")
{
    public override bool SquashesOutput => true;
}
