namespace MlDsl.Data.Encoding;

/// <summary>
/// One categorical column a pipeline target-encodes (a [TargetEncode] attribute; see
/// <see cref="MlDsl.Pipelines.PipelineDefinition{TRow, TModel}.TargetEncodings"/>) and how.
/// </summary>
public sealed record TargetEncodingStep<TRow>(CategoricalColumn<TRow> Column, TargetEncoderOptions? Options = null) where TRow : IDatasetRow<TRow>;
