namespace MlDsl;

/// <summary>Logistic sigmoid.</summary>
public sealed class SigmoidAttribute : LayerAttribute;
