using System.Linq;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Models;

/// <summary>A [Model] class after parsing and shape inference; emitted only when it has no diagnostics.</summary>
public sealed record ModelSpec(
    TypeIdentity Type,
    TypeIdentity Dataset,
    string InputDescription,
    EquatableArray<ResolvedLayer> Layers,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The dataset's label kind, which decides the loss and what <c>Predict</c> returns.</summary>
    public LabelKind LabelKind { get; init; }

    public bool CanEmit => Layers.Count > 0 && !Diagnostics.Any(diagnostic => diagnostic.IsError);
}
