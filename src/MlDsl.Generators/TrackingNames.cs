namespace MlDsl.Generators;

/// <summary>Names of the incremental steps, so tests can assert each one is cached.</summary>
public static class TrackingNames
{
    public const string Datasets = nameof(Datasets);
    public const string Models = nameof(Models);
    public const string Blocks = nameof(Blocks);
    public const string Pipelines = nameof(Pipelines);
}
