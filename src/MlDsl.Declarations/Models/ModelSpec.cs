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

    /// <summary>
    /// The model's own members after inference, blocks holding their bodies; <see cref="Layers"/> is every
    /// layer in forward order with its path as member (<c>stage1.conv</c>).
    /// </summary>
    public EquatableArray<ResolvedNode> Nodes { get; init; } = EquatableArray<ResolvedNode>.Empty;

    /// <summary>How many floats one example takes in the collated batch buffer (what [Input] branches slice).</summary>
    public int FeatureLength { get; init; }

    /// <summary>Whether the dataset row gets its generated IDatasetRow members (working or throwing), so the model can name it as its rows.</summary>
    public bool RowImplemented { get; init; }

    public bool CanEmit => RowImplemented && Layers.Count > 0 && !Diagnostics.Any(diagnostic => diagnostic.IsError);

    /// <summary>
    /// Whether the generator can add members to the declaration. A model that cannot be built still
    /// gets its public surface with bodies that throw naming its errors, so code that uses it
    /// compiles and the build reports the model's own diagnostic, not errors at every use.
    /// </summary>
    public bool CanExtend => !Diagnostics.Any(diagnostic => diagnostic.BlocksGeneration);
}
