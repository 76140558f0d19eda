namespace MlDsl;

/// <summary>Rectified linear unit.</summary>
public sealed class ReluAttribute : LayerAttribute;
