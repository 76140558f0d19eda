namespace MlDsl.Deployment;

/// <summary>
/// The training reference for audio drift, stored as <c>audio_reference.json</c>: per clip-summary value
/// (<see cref="MlDsl.Audio.Monitoring.ClipSummary.Names"/>), its values over up to 2,000 training clips at
/// <paramref name="SampleRate"/> Hz.
/// </summary>
public sealed record AudioReference(int SampleRate, string[] Features, double[][] Columns);
