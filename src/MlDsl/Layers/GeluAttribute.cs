namespace MlDsl;

/// <summary>Gaussian error linear unit.</summary>
public sealed class GeluAttribute : LayerAttribute;
