namespace MlDsl.Deployment.Onnx;

/// <summary>
/// A model cannot be written as ONNX because some of its layers cannot be lowered to ONNX operators:
/// a <c>[UserModule]</c> is hand-written TorchSharp whose forward MlDsl cannot read. A
/// <see cref="NotSupportedException"/>, so an artifact export leaves <c>model.onnx</c> out and goes on.
/// </summary>
public sealed class OnnxExportException : NotSupportedException
{
    /// <param name="model">The model's name.</param>
    /// <param name="layers">Each layer that cannot be exported, as <c>'member' (Kind Type)</c>.</param>
    public OnnxExportException(string model, IReadOnlyList<string> layers)
        : base($"{model} cannot be exported to ONNX: {string.Join(", ", layers)} cannot be lowered to ONNX operators. "
            + "A [UserModule] is a hand-written TorchSharp module whose forward MlDsl cannot translate (write its computation "
            + "with catalogue layers to export the model). Serve such a model with TorchSharp")
    {
        Model = model;
        Layers = layers;
    }

    /// <summary>The model's name.</summary>
    public string Model { get; }

    /// <summary>The layers without an ONNX lowering, each as <c>'member' (Kind Type)</c>.</summary>
    public IReadOnlyList<string> Layers { get; }
}
