namespace MlDsl.Shapes.Layers;

/// <summary>GELU, element-wise.</summary>
public sealed class GeluLayer() : ActivationLayer("GELU", onnx: "Gelu(x)");
