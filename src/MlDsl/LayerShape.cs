namespace MlDsl;

/// <summary>A layer's registered name, type, inferred output shape (no batch dimension) and parameter count, as the generator computed them.</summary>
public sealed record LayerShape(string Name, string Type, int[] Output, long Parameters);
