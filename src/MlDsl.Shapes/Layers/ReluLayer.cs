namespace MlDsl.Shapes.Layers;

/// <summary>ReLU, element-wise.</summary>
public sealed class ReluLayer() : ActivationLayer("ReLU", onnx: "Unary(\"Relu\", x)");
