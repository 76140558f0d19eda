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
}

/// <param name="Offset">Where the feature starts in one example's buffer.</param>
public sealed record FeatureSpec(string Name, FeatureKind Kind, int Offset, int Length, TensorShape Shape);

/// <param name="Classes">Number of classes.</param>
public sealed record LabelSpec(string Name, int Classes);

/// <summary>A [Dataset] row type: how to collate it, and the input shape models see.</summary>
public sealed record DatasetSpec(
    TypeIdentity Type,
    EquatableArray<FeatureSpec> Features,
    LabelSpec? Label,
    TensorShape? InputShape,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool CanEmit => Label is not null && InputShape is not null && !Diagnostics.Any(diagnostic => diagnostic.IsError);

    public int FeatureLength => Features.Count == 0 ? 0 : Features[Features.Count - 1].Offset + Features[Features.Count - 1].Length;

    public string InputDescription =>
        InputShape is null ? "?" :
        Features.Count == 1 ? $"{InputShape} from {Type.Name}.{Features[0].Name}" :
        $"{InputShape} from {Features.Count} features of {Type.Name}";
}
