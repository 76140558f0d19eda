namespace MlDsl.Shapes.Layers;

/// <summary>Softmax over the class dimension (1); dimension 0 is the batch.</summary>
public sealed class SoftmaxLayer() : ActivationLayer("Softmax", "dim: 1", "Softmax(x, axis: 1)")
{
    public override bool SquashesOutput => true;
}
