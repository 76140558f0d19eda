namespace MlDsl.Data.Streaming;

/// <summary>
/// One batch decoded and collated on the host: <see cref="Count"/> rows' features back to back, and
/// their class indices or targets. <see cref="GlobalCount"/> is the whole step's size across ranks.
/// </summary>
internal sealed record DecodedBatch(int Count, int GlobalCount, float[] Features, long[]? Labels, float[]? Targets);
