namespace MlDsl.Shapes.Layers;

/// <summary>LogSoftmax over the class dimension (1); dimension 0 is the batch.</summary>
public sealed class LogSoftmaxLayer() : ActivationLayer("LogSoftmax", "dim: 1", "LogSoftmax(x, axis: 1)")
{
    public override bool SquashesOutput => true;
}
