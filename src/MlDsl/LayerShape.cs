namespace MlDsl;

/// <summary>A layer's registered name, type, inferred output shape (no batch dimension) and parameter count, as the generator computed them.</summary>
/// <param name="Name">The registered submodule name (<c>conv1</c>, <c>conv1Relu</c>).</param>
/// <param name="Type">The TorchSharp type name summaries print (<c>ReLU</c>).</param>
/// <param name="Output">One example's output shape, without the batch dimension.</param>
/// <param name="Parameters">Trainable parameters of this layer.</param>
/// <param name="Kind">The layer attribute it came from, without "Attribute" (<c>Relu</c>).</param>
public sealed record LayerShape(string Name, string Type, int[] Output, long Parameters, string Kind);
