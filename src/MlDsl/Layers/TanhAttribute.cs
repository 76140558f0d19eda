namespace MlDsl;

/// <summary>Hyperbolic tangent.</summary>
public sealed class TanhAttribute : LayerAttribute;
