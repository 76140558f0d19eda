using System.Linq;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Models;

// Pipeline models are immutable and value-equal: the incremental driver compares them to decide
// whether output must be regenerated, and they must never hold symbols, syntax or a compilation.

/// <summary>How one feature member is written into the batch buffer.</summary>
public enum FeatureKind
{
    /// <summary>A float[] copied as is.</summary>
    FloatArray,
    /// <summary>A number converted to one float.</summary>
    Scalar,
    /// <summary>A string written one-hot over its declared categories.</summary>
    Categorical,
    /// <summary>An int[] of token ids in [0, vocabulary), each written as one float (exact below 2^24).</summary>
    Tokens,
}

/// <param name="Offset">Where the feature starts in one example's buffer.</param>
/// <param name="ClrType">The member's C# type keyword ("float", "int", "bool", "float[]", ...).</param>
/// <param name="Settable">Whether a transformed copy can replace it (false for computed features).</param>
public sealed record FeatureSpec(string Name, FeatureKind Kind, int Offset, int Length, TensorShape Shape, string ClrType, bool Settable = true)
{
    /// <summary>The values of a categorical feature, in one-hot order.</summary>
    public EquatableArray<string> Categories { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The number of distinct ids of a token feature; 0 for other kinds.</summary>
    public int Vocabulary { get; init; }
}

/// <summary>A member read from CSV: by header (the member's name unless [Column] says otherwise) or by index.</summary>
/// <param name="Reader">The <c>CsvRecord</c> getter ("Single", "Int32", "Singles", ...).</param>
/// <param name="Cast">A cast the getter's value needs ("short"), or empty.</param>
public sealed record ColumnSpec(string Member, string? Header, int Index, int Width, string Reader, string Cast, string Expected);

/// <summary>The members splits and analysis use but the model never sees.</summary>
/// <param name="TimestampOffset">Whether the timestamp is a DateTimeOffset (else a DateTime).</param>
public sealed record MetadataSpec(string? GroupKey, string? Timestamp, bool TimestampOffset, EquatableArray<string> Slices)
{
    public static MetadataSpec None { get; } = new(null, null, false, EquatableArray<string>.Empty);
}

/// <summary>What a label is (mirrors the runtime's MlDsl.Data.LabelKind, which generated code names).</summary>
public enum LabelKind
{
    Class,
    MultiLabel,
    Regression,
}

/// <param name="Classes">The width of the model's output: classes, labels, or 1 for a regression target.</param>
public sealed record LabelSpec(string Name, int Classes, LabelKind Kind = LabelKind.Class)
{
    /// <summary>Class (or label) names when the label is a string (or string[]); empty for int indices.</summary>
    public EquatableArray<string> Names { get; init; } = EquatableArray<string>.Empty;

    /// <summary>What the output width counts, for messages.</summary>
    public string OutputsDescription => Kind switch
    {
        LabelKind.MultiLabel => "labels",
        LabelKind.Regression => "value to predict",
        _ => "classes",
    };

    /// <summary>The loss generated training uses, for messages.</summary>
    public string LossDescription => Kind switch
    {
        LabelKind.MultiLabel => "binary cross-entropy on raw logits (it applies the sigmoid itself)",
        LabelKind.Regression => "mean squared error on the raw output",
        _ => "cross-entropy, which applies log-softmax to raw logits itself",
    };
}

/// <summary>A [Dataset] row type: how to collate it, and the input shape models see.</summary>
public sealed record DatasetSpec(
    TypeIdentity Type,
    EquatableArray<FeatureSpec> Features,
    LabelSpec? Label,
    TensorShape? InputShape,
    MetadataSpec Metadata,
    EquatableArray<ColumnSpec> CsvColumns,
    bool CsvReadable,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool CanEmit => Label is not null && InputShape is not null && !Diagnostics.Any(diagnostic => diagnostic.IsError);

    /// <summary>
    /// The feature that keeps the row from being one concatenated vector (an image or token ids beside
    /// other features), or null. Such a row is collated flat, and only a model whose [Input] branches
    /// read each feature by itself can use it.
    /// </summary>
    public string? ConcatenationFeature { get; init; }

    /// <summary>Why <see cref="ConcatenationFeature"/> cannot be concatenated, for the message.</summary>
    public string? ConcatenationProblem { get; init; }

    /// <summary>Whether the generator can add members to the row's declaration: working ones, or ones that throw naming its errors.</summary>
    public bool CanExtend => !Diagnostics.Any(diagnostic => diagnostic.BlocksGeneration);

    public int FeatureLength => Features.Count == 0 ? 0 : Features[Features.Count - 1].Offset + Features[Features.Count - 1].Length;

    public string InputDescription =>
        InputShape is null ? "?" :
        Features.Count == 1 ? $"{InputShape} from {Type.Name}.{Features[0].Name}" :
        ConcatenationFeature is not null ? $"{InputShape} collated from {Features.Count} features of {Type.Name}" :
        $"{InputShape} from {Features.Count} features of {Type.Name}";
}
