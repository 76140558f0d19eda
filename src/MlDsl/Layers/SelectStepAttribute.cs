namespace MlDsl;

/// <summary>
/// Keeps one step of a sequence (steps, features) -> (features): <paramref name="step"/> counts from 0,
/// or from the end when negative; the default -1 is the last step, 0 the first.
/// </summary>
public sealed class SelectStepAttribute(int step = -1) : LayerAttribute
{
    public int Step { get; } = step;
}
