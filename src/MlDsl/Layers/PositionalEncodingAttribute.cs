namespace MlDsl;

/// <summary>
/// Adds the fixed sinusoidal position table of "Attention Is All You Need" to a sequence (steps, width):
/// sin(p / 10000^(2i/width)) on even features, cos on odd ones. Shape unchanged, nothing learned or saved.
/// </summary>
public sealed class PositionalEncodingAttribute : LayerAttribute;
