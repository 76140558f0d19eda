namespace MlDsl;

/// <summary>Reshapes one example (the batch axis stays first), as Keras's <c>Reshape(target_shape)</c>; one size may be -1.</summary>
/// <param name="shape">The new sizes; their product must equal the input's.</param>
public sealed class ReshapeAttribute(params int[] shape) : LayerAttribute
{
    public int[] Shape { get; } = shape;
}
