namespace MlDsl;

/// <summary>
/// Reorders the axes of one example, counted from 0 without the batch axis: <c>[Permute(1, 0)]</c> turns
/// (mels, frames) into a sequence of frames (frames, mels).
/// </summary>
/// <param name="dims">For each output axis, the input axis it takes; each axis once.</param>
public sealed class PermuteAttribute(params int[] dims) : LayerAttribute
{
    public int[] Dims { get; } = dims;
}
