namespace MlDsl.Shapes.Layers;

/// <summary>SiLU (swish), element-wise: x·sigmoid(x).</summary>
public sealed class SiluLayer() : ActivationLayer("SiLU", onnx: "Silu(x)");
