using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Parsing;

/// <summary>Turns a shape-inference problem into its diagnostic, with what the code fixes need as properties.</summary>
internal static class ShapeDiagnostics
{
    /// <param name="previousLayer">Where the layer before the diagnosed one is written, if any (MLDSL0003's fix puts Flatten after it).</param>
    public static DiagnosticInfo For(ShapeProblem problem, InferenceResult inference, Location? location, TensorShape input, DatasetFeature? feature, Location? previousLayer)
    {
        // A layer inside a block is reported at the member using the block; its fixes would edit the block, which other uses share.
        if (problem.Layer.Member.IndexOf('.') >= 0) return InBlock(problem, location);
        switch (problem.Kind)
        {
            case ShapeProblemKind.InputSizeMismatch:
                return DiagnosticInfo.Create(DiagnosticDescriptors.LayerInputMismatch, location, problem.Message)
                    .WithProperty(DiagnosticProperties.Inferred, problem.Expected!.Value.ToString())
                    .WithProperty(DiagnosticProperties.Argument, problem.Argument!);

            case ShapeProblemKind.RankMismatch:
                var rank = DiagnosticInfo.Create(DiagnosticDescriptors.RankMismatch, location, problem.Message);
                // Straight from the data: offer a one-channel signal (1, length) to a 1-D layer, and the image
                // shape to a 2-D layer when the flat length factors one way only.
                string? declared = problem.Expected == 2 ? SignalShape(input) : ImageShape(input);
                if (IsFirstLayer(inference, problem) && feature is { ShapeLocation: not null } && declared is not null)
                    rank = rank.WithProperty(DiagnosticProperties.Shape, declared).WithRelated(feature.ShapeLocation);
                return rank;

            case ShapeProblemKind.MissingFlatten:
                var flatten = DiagnosticInfo.Create(DiagnosticDescriptors.MissingFlatten, location, problem.Message)
                    .WithProperty(DiagnosticProperties.FirstLayerOfMember, problem.Layer.Position == 0 ? "true" : "false");
                return previousLayer is null ? flatten : flatten.WithRelated(previousLayer);

            case ShapeProblemKind.SpatialCollapse:
                return DiagnosticInfo.Create(DiagnosticDescriptors.SpatialCollapse, location, problem.Message + "; shapes so far: " + Steps(input, inference.Layers.TakeWhile(layer => !layer.Spec.Equals(problem.Layer)).ToList()));

            case ShapeProblemKind.OutputClassMismatch:
                var output = DiagnosticInfo.Create(DiagnosticDescriptors.OutputClassMismatch, location, problem.Message);
                return LayerCatalogue.Find(problem.Layer.Kind).OutputWidthArgument is not null && problem.Layer.Position == 0
                    ? output.WithProperty(DiagnosticProperties.Classes, problem.Expected!.Value.ToString())
                    : output;

            case ShapeProblemKind.TokenMismatch:
                return DiagnosticInfo.Create(DiagnosticDescriptors.EmbeddingVocabulary, location, problem.Message);

            case ShapeProblemKind.BranchMismatch:
                return DiagnosticInfo.Create(DiagnosticDescriptors.JoinShapeMismatch, location, problem.Message);

            default:
                return DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLayerArgument, location, problem.Message);
        }
    }

    private static DiagnosticInfo InBlock(ShapeProblem problem, Location? location)
    {
        DiagnosticDescriptor descriptor = problem.Kind switch
        {
            ShapeProblemKind.InputSizeMismatch => DiagnosticDescriptors.LayerInputMismatch,
            ShapeProblemKind.RankMismatch => DiagnosticDescriptors.RankMismatch,
            ShapeProblemKind.MissingFlatten => DiagnosticDescriptors.MissingFlatten,
            ShapeProblemKind.SpatialCollapse => DiagnosticDescriptors.SpatialCollapse,
            ShapeProblemKind.OutputClassMismatch => DiagnosticDescriptors.OutputClassMismatch,
            ShapeProblemKind.BranchMismatch => DiagnosticDescriptors.JoinShapeMismatch,
            _ => DiagnosticDescriptors.InvalidLayerArgument,
        };
        return DiagnosticInfo.Create(descriptor, location, problem.Message);
    }

    private static bool IsFirstLayer(InferenceResult inference, ShapeProblem problem) =>
        inference.Layers.Count == 0 || inference.Layers[0].Spec.Equals(problem.Layer);

    /// <summary>(1, length) for flat samples read by a 1-D layer; nothing for other ranks.</summary>
    private static string? SignalShape(TensorShape input) => input.Rank == 1 ? $"1, {input[0]}" : null;

    /// <summary>(1, s, s) when the length is a square, (3, s, s) when a third of it is; nothing otherwise.</summary>
    private static string? ImageShape(TensorShape input)
    {
        if (input.Rank != 1) return null;
        int length = input[0];
        foreach (int channels in new[] { 1, 3 })
        {
            if (length % channels != 0) continue;
            int side = (int)System.Math.Round(System.Math.Sqrt(length / channels));
            if (side > 1 && side * side * channels == length) return $"{channels}, {side}, {side}";
        }
        return null;
    }

    private static string Steps(TensorShape input, IReadOnlyList<ResolvedLayer> layers) =>
        string.Join(" -> ", new[] { input.ToString() }.Concat(layers.Select(layer => $"{layer.Spec.FieldName} {layer.Output}")));
}

/// <summary>A dataset's single feature, and where its [Shape] attribute is written.</summary>
internal sealed class DatasetFeature(Location? shapeLocation)
{
    public Location? ShapeLocation { get; } = shapeLocation;
}
