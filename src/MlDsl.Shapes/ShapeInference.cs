using System.Collections.Generic;
using System.Linq;

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
/// A straight line of layers is a graph without blocks: the walk is <see cref="GraphInference"/>'s.
/// </summary>
public static class ShapeInference
{
    /// <param name="input">One example's feature shape.</param>
    /// <param name="layers">The layers in declaration order.</param>
    /// <param name="classes">The width the output must have, or null not to check it.</param>
    /// <param name="outputs">What that width counts, for the message: "classes", "labels", "value to predict".</param>
    public static InferenceResult Infer(TensorShape input, IEnumerable<LayerSpec> layers, int? classes, string outputs = "classes") =>
        GraphInference.Infer(input, layers.Select(spec => (GraphNode)new LayerNode(spec)).ToList(), classes, outputs).Flat;
}
