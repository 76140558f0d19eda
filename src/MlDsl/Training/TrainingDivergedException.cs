namespace MlDsl.Training;

/// <summary>The loss became NaN or infinite; the message names the epoch, the step and the layers whose weights are no longer finite.</summary>
public sealed class TrainingDivergedException(int epoch, long step, IReadOnlyList<string> layers)
    : Exception($"Training diverged: the loss was not finite at epoch {epoch}, step {step}" +
        (layers.Count > 0 ? $"; non-finite weights in {string.Join(", ", layers)}" : "") +
        ". Lower the learning rate, clip gradients (FitOptions.GradientClipNorm) or check the data for NaN.")
{
    public int Epoch { get; } = epoch;
    public long Step { get; } = step;
    public IReadOnlyList<string> Layers { get; } = layers;
}
