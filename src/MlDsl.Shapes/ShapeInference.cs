using System.Collections.Generic;

namespace MlDsl.Shapes;

/// <summary>The outcome of inferring a whole model: every layer resolved, or the first problem.</summary>
public sealed record InferenceResult(EquatableArray<ResolvedLayer> Layers, ShapeProblem? Problem)
{
    public bool Succeeded => Problem is null;

    public TensorShape? Output => Layers.Count == 0 ? null : Layers[Layers.Count - 1].Output;
}

/// <summary>Runs the layer rules in declaration order from the dataset's feature shape to the label.</summary>
public static class ShapeInference
{
    /// <param name="input">One example's feature shape.</param>
    /// <param name="layers">The layers in declaration order.</param>
    /// <param name="classes">The width the output must have, or null not to check it.</param>
    /// <param name="outputs">What that width counts, for the message: "classes", "labels", "value to predict".</param>
    public static InferenceResult Infer(TensorShape input, IEnumerable<LayerSpec> layers, int? classes, string outputs = "classes")
    {
        var resolved = new List<ResolvedLayer>();
        TensorShape current = input;
        LayerSpec? last = null;
        foreach (LayerSpec spec in layers)
        {
            object outcome = LayerCatalogue.RuleFor(spec.Kind).Infer(spec, current);
            if (outcome is ShapeProblem problem)
                return new InferenceResult(resolved.ToEquatableArray(), problem);
            var layer = (ResolvedLayer)outcome;
            resolved.Add(layer);
            current = layer.Output;
            last = spec;
        }

        if (last is not null && classes is { } count && !(current.Rank == 1 && current[0] == count))
        {
            var problem = new ShapeProblem(ShapeProblemKind.OutputClassMismatch, last,
                $"The model ends in {current} at '{last.Member}' but the label has {count} {outputs}; the last layer must produce ({count})",
                count);
            return new InferenceResult(resolved.ToEquatableArray(), problem);
        }
        return new InferenceResult(resolved.ToEquatableArray(), null);
    }
}
