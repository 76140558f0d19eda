using MlDsl.Generators.Diagnostics;
using MlDsl.Shapes;

namespace MlDsl.Generators.Models;

/// <summary>A [Model] class after parsing and shape inference; emitted only when it has no diagnostics.</summary>
public sealed record ModelSpec(
    TypeIdentity Type,
    TypeIdentity Dataset,
    string InputDescription,
    EquatableArray<ResolvedLayer> Layers,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool CanEmit => Diagnostics.Count == 0 && Layers.Count > 0;
}
