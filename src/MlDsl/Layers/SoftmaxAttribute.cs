namespace MlDsl;

/// <summary>Softmax over the class dimension. Not before cross-entropy, which applies it itself (MLDSL0014).</summary>
public sealed class SoftmaxAttribute : LayerAttribute;
