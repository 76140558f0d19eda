namespace MlDsl.Shapes.Layers;

/// <summary>Tanh, element-wise.</summary>
public sealed class TanhLayer() : ActivationLayer("Tanh", onnx: "Unary(\"Tanh\", x)");
