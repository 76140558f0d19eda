namespace MlDsl;

/// <summary>Log-softmax over the class dimension. Not before cross-entropy, which applies it itself (MLDSL0014).</summary>
public sealed class LogSoftmaxAttribute : LayerAttribute;
