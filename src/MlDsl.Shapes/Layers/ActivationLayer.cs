namespace MlDsl.Shapes.Layers;

/// <summary>An element-wise activation: shape unchanged, no parameters.</summary>
/// <param name="torchSharpName">The TorchSharp factory and the name summaries print (<c>ReLU</c>).</param>
/// <param name="arguments">The factory's arguments as C# source.</param>
/// <param name="onnx">The ONNX export (see <see cref="LayerDefinition.Onnx(ResolvedLayer)"/>), or null.</param>
public abstract class ActivationLayer(string torchSharpName, string arguments = "", string? onnx = null) : LayerDefinition
{
    public override string? Onnx(ResolvedLayer layer) => onnx;

    public override LayerOutcome Infer(LayerSpec spec, TensorShape input) =>
        Resolved(spec, input, input, 0, $"{torchSharpName}({arguments})", torchSharpName);
}
