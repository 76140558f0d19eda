namespace MlDsl.Shapes;

/// <summary>A layer after inference: its shapes, its parameter count and the TorchSharp call that builds it.</summary>
/// <param name="Factory">A TorchSharp factory call, e.g. <c>Conv2d(1, 32, kernel_size: 3)</c>.</param>
/// <param name="TorchSharpType">The layer's name as TorchSharp and Keras-style summaries print it.</param>
public sealed record ResolvedLayer(
    LayerSpec Spec,
    TensorShape Input,
    TensorShape Output,
    long Parameters,
    string Factory,
    string TorchSharpType);
