using System.Linq;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Models;

/// <summary>
/// A [Pipeline] class: the model and row types, the ingest method, and each stage's settings as
/// C# initializer text ("Kind = global::...SplitKind.Stratified") ready to emit; <c>ReadData</c> is
/// a C# expression reading rows from a path, or null.
/// </summary>
public sealed record PipelineSpec(
    TypeIdentity Type,
    string Model,
    string Row,
    string? Ingest,
    EquatableArray<string> Split,
    string? Transform,
    EquatableArray<string> Training,
    EquatableArray<string> Gate,
    string? Export,
    EquatableArray<string> ClassNames,
    string? ReadData,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The [Validate] settings as initializer assignments; null without the attribute.</summary>
    public EquatableArray<string>? Validate { get; init; }

    /// <summary>[Analyze]'s MinSliceRows; null without the attribute.</summary>
    public int? MinSliceRows { get; init; }

    /// <summary>
    /// Definition properties set by stage attributes beyond their own options ([Transform]'s Impute, SelectK and SelectScore,
    /// [Train]'s Oversample) as initializer assignments ("Impute = global::...ImputeStrategy.Median").
    /// </summary>
    public EquatableArray<string> Preparation { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// One C# expression per [TargetEncode] attribute, in declaration order: a <c>TargetEncodingStep</c> whose column reads the row's
    /// string member and writes the float [Feature] with <c>row with { ... }</c>.
    /// </summary>
    public EquatableArray<string> TargetEncodings { get; init; } = EquatableArray<string>.Empty;

    /// <summary>A C# expression making a lazy CSV shard source from paths (for <c>run --stream</c>); null when the row has no generated CSV reader.</summary>
    public string? StreamData { get; init; }

    /// <summary>The [Monitor] thresholds as initializer assignments; null without the attribute.</summary>
    public EquatableArray<string>? Monitor { get; init; }

    /// <summary>Whether the model and its row get generated members (working or throwing), so <c>Definition</c> can name them.</summary>
    public bool ModelImplemented { get; init; }

    public bool CanEmit => ModelImplemented && Ingest is not null && Row.Length > 0 && Diagnostics.Count == 0;

    /// <summary>Whether the generator can add members to the declaration (throwing ones when the pipeline cannot be built).</summary>
    public bool CanExtend => !Diagnostics.Any(diagnostic => diagnostic.BlocksGeneration);
}
