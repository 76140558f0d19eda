namespace MlDsl;

/// <summary>Sigmoid linear unit (swish): x·sigmoid(x).</summary>
public sealed class SiluAttribute : LayerAttribute;
