using System.Globalization;

namespace MlDsl.Deployment;

/// <summary>What deployment costs, measured on the exported model: single-row latency, file size, and the memory its tensors hold.</summary>
public sealed record DeploymentMeasurements(double LatencyMilliseconds, long ModelBytes)
{
    /// <summary>Bytes of the parameters and buffers in memory; 0 when not measured.</summary>
    public long ModelMemoryBytes { get; init; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"single-row latency {LatencyMilliseconds:F2} ms, model file {Size(ModelBytes)}, weights in memory {Size(ModelMemoryBytes)}");

    private static string Size(long bytes) => bytes >= 1_000_000
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:F2} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:F1} kB");
}
