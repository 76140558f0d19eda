namespace MlDsl;

/// <summary>Flattens every dimension but the batch dimension.</summary>
public sealed class FlattenAttribute : LayerAttribute;
