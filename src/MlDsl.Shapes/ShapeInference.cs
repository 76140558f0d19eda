using System.Collections.Generic;

namespace MlDsl.Shapes;

/// <summary>The outcome of inferring a whole model: the layers resolved and every problem found.</summary>
/// <param name="Layers">Every layer whose output shape is known, in order; inference stops at a layer whose output cannot be known.</param>
public sealed record InferenceResult(EquatableArray<ResolvedLayer> Layers, EquatableArray<ShapeProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>The first problem, or null.</summary>
    public ShapeProblem? Problem => Problems.Count == 0 ? null : Problems[0];

    public TensorShape? Output => Layers.Count == 0 ? null : Layers[Layers.Count - 1].Output;
}

/// <summary>
/// Runs the layer definitions in declaration order from the dataset's feature shape to the label.
/// Goes on after a problem while the shape is still known, so a model with two mistakes shows both.
/// </summary>
public static class ShapeInference
{
    /// <param name="input">One example's feature shape.</param>
    /// <param name="layers">The layers in declaration order.</param>
    /// <param name="classes">The width the output must have, or null not to check it.</param>
    /// <param name="outputs">What that width counts, for the message: "classes", "labels", "value to predict".</param>
    public static InferenceResult Infer(TensorShape input, IEnumerable<LayerSpec> layers, int? classes, string outputs = "classes")
    {
        var resolved = new List<ResolvedLayer>();
        var problems = new List<ShapeProblem>();
        TensorShape current = input;
        LayerSpec? last = null;
        foreach (LayerSpec spec in layers)
        {
            LayerDefinition definition = LayerCatalogue.Find(spec.Kind);
            if (current.Layout == TensorLayout.Tokens && !definition.ReadsTokenIds)
            {
                problems.Add(new ShapeProblem(ShapeProblemKind.TokenMismatch, spec,
                    $"{spec.Describe()} receives {current.Describe()}; ids are indices, not quantities: look them up with [Embedding({current.Vocabulary}, width)] first"));
                return new InferenceResult(resolved.ToEquatableArray(), problems.ToEquatableArray());
            }
            LayerOutcome outcome = definition.Infer(spec, current);
            if (outcome.Problem is { } problem) problems.Add(problem);
            if (outcome.Layer is not { } layer)
                return new InferenceResult(resolved.ToEquatableArray(), problems.ToEquatableArray());
            resolved.Add(layer);
            current = layer.Output;
            last = spec;
        }

        if (last is not null && classes is { } count && !(current.Rank == 1 && current[0] == count))
            problems.Add(new ShapeProblem(ShapeProblemKind.OutputClassMismatch, last,
                $"The model ends in {current} at '{last.Member}' but the label has {count} {outputs}; the last layer must produce ({count})",
                count));
        return new InferenceResult(resolved.ToEquatableArray(), problems.ToEquatableArray());
    }
}
