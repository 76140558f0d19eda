using System.Collections.Generic;
using System.Linq;

namespace MlDsl.Shapes;

/// <summary>A residual block whose body's output no shortcut can be added to.</summary>
/// <param name="Block">The block's use.</param>
/// <param name="Message">Names the block, both shapes and why no projection reaches the body's shape.</param>
public sealed record ResidualProblem(BlockNode Block, string Message);

/// <summary>Inference over a model's graph of layers and blocks.</summary>
/// <param name="Flat">Every layer in forward order (paths as members, residual projections after their block's body), as single-line models have them.</param>
/// <param name="Nodes">The model's own members, blocks holding their resolved bodies.</param>
public sealed record GraphInferenceResult(InferenceResult Flat, EquatableArray<ResolvedNode> Nodes, EquatableArray<ResidualProblem> ResidualProblems)
{
    /// <summary>Joins of branches whose shapes cannot be combined.</summary>
    public EquatableArray<JoinProblem> JoinProblems { get; init; } = EquatableArray<JoinProblem>.Empty;

    public bool Succeeded => Flat.Succeeded && ResidualProblems.Count == 0 && JoinProblems.Count == 0;
}

/// <summary>
/// Runs shape inference through blocks: a block's body is inferred from the shape it receives where
/// it is used, and a residual block's shortcut is chosen (identity or 1×1 projection) from its input
/// and its body's output. Layers inside blocks carry their path (<c>stage2.conv1</c>) as member, so
/// every layer message names where it is. A member with <c>[Input]</c> starts a branch from dataset
/// features and a member with <c>[Concatenate]</c> or <c>[Add]</c> reads the join of earlier members'
/// outputs (inside a block, members of the same block or the block's input, <c>stage2.input</c>);
/// a member with <c>[From]</c> reads one earlier member's output (a parallel path); every other member
/// reads the output of the member before it.
/// </summary>
public static class GraphInference
{
    /// <param name="input">One example's feature shape.</param>
    /// <param name="nodes">The model's members in declaration order.</param>
    /// <param name="classes">The width the output must have, or null not to check it.</param>
    /// <param name="outputs">What that width counts, for the message.</param>
    public static GraphInferenceResult Infer(TensorShape input, IReadOnlyList<GraphNode> nodes, int? classes, string outputs = "classes")
    {
        var walk = new Walk();
        List<ResolvedNode> resolved = walk.Sequence(input, nodes, out TensorShape? output);
        if (output is { } shape && walk.Last is { } last && classes is { } count && !(shape.Rank == 1 && shape[0] == count))
            walk.Problems.Add(new ShapeProblem(ShapeProblemKind.OutputClassMismatch, last,
                $"The model ends in {shape} at '{last.Member}' but the label has {count} {outputs}; the last layer must produce ({count})",
                count));
        return new GraphInferenceResult(
            new InferenceResult(walk.Flat.ToEquatableArray(), walk.Problems.ToEquatableArray()),
            resolved.ToEquatableArray(),
            walk.Residuals.ToEquatableArray())
        {
            JoinProblems = walk.Joins.ToEquatableArray(),
        };
    }

    private sealed class Walk
    {
        public List<ResolvedLayer> Flat { get; } = new();
        public List<ShapeProblem> Problems { get; } = new();
        public List<ResidualProblem> Residuals { get; } = new();
        public List<JoinProblem> Joins { get; } = new();

        /// <summary>Each member's output so far, by path, for the joins that name it.</summary>
        private readonly Dictionary<string, TensorShape> outputs = new();
        public LayerSpec? Last { get; private set; }

        /// <returns>The resolved members; <paramref name="output"/> is null where inference had to stop.</returns>
        public List<ResolvedNode> Sequence(TensorShape input, IReadOnlyList<GraphNode> nodes, out TensorShape? output)
        {
            var resolved = new List<ResolvedNode>();
            TensorShape current = input;
            foreach (GraphNode node in nodes)
            {
                switch (node)
                {
                    case LayerNode { Layer: var spec }:
                        LayerDefinition definition = LayerCatalogue.Find(spec.Kind);
                        // Token ids are indices: only a layer that reads ids (an Embedding) may take them.
                        if (current.Layout == TensorLayout.Tokens && !definition.ReadsTokenIds)
                        {
                            Problems.Add(new ShapeProblem(ShapeProblemKind.TokenMismatch, spec,
                                $"{spec.Describe()} receives {current.Describe()}; ids are indices, not quantities: look them up with [Embedding({current.Vocabulary}, width)] first"));
                            output = null;
                            return resolved;
                        }
                        // A layer that also reads an earlier member's output (cross-attention's keys and values) gets its shape;
                        // the reader reports a name that is no earlier member, and inference just stops there.
                        TensorShape? other = null;
                        if (definition.ReadsMember(spec) is { } source && !outputs.TryGetValue(source, out other))
                        {
                            output = null;
                            return resolved;
                        }
                        LayerOutcome outcome = other is null ? definition.Infer(spec, current) : definition.Infer(spec, current, other);
                        if (outcome.Problem is { } problem) Problems.Add(problem);
                        if (outcome.Layer is not { } layer)
                        {
                            output = null;
                            return resolved;
                        }
                        Flat.Add(layer);
                        resolved.Add(new ResolvedLayerNode(layer));
                        current = layer.Output;
                        Last = spec;
                        break;

                    case BlockNode block:
                        // A join inside the block may read the block's input (BlockAttribute.Input, "input").
                        outputs[block.Member + ".input"] = current;
                        List<ResolvedNode> body = Sequence(current, block.Body, out TensorShape? bodyOutput);
                        if (bodyOutput is null)
                        {
                            output = null;
                            return resolved;
                        }
                        ResolvedLayer? projection = block.Shortcut == ShortcutMode.None ? null : Shortcut(block, current, bodyOutput);
                        resolved.Add(new ResolvedBlock(block, current, bodyOutput, body.ToEquatableArray(), projection));
                        current = bodyOutput;
                        break;

                    case InputNode branch:
                        current = branch.Features.Count == 1
                            ? branch.Features[0].Shape
                            : TensorShape.Of(branch.Features.Sum(feature => feature.Length));
                        resolved.Add(new ResolvedInput(branch, current));
                        break;

                    case FromNode from:
                        // The reader reports a name that is no earlier member; inference just stops there.
                        if (!outputs.TryGetValue(from.Source, out TensorShape? read))
                        {
                            output = null;
                            return resolved;
                        }
                        current = read;
                        resolved.Add(new ResolvedFrom(from, current));
                        break;

                    case JoinNode join:
                        if (Join(join) is not { } joined)
                        {
                            output = null;
                            return resolved;
                        }
                        resolved.Add(joined);
                        current = joined.Shape;
                        break;
                }
                outputs[node.Path] = current;
            }
            output = current;
            return resolved;
        }

        /// <summary>The join of the named members' outputs, or null (and a problem) when their shapes cannot be combined.</summary>
        private ResolvedJoin? Join(JoinNode join)
        {
            var shapes = new List<TensorShape>();
            foreach (string source in join.Sources)
            {
                if (!outputs.TryGetValue(source, out TensorShape? shape)) return null; // the reader reports names that are no earlier member
                shapes.Add(shape);
            }
            string verb = join.Kind == JoinKind.Add ? "adds" : "concatenates";
            string what = $"{join.Kind} '{join.Member}' {verb} " + string.Join(" and ", join.Sources.Select((source, i) => $"'{source}' {shapes[i].Describe()}"));
            if (shapes.FirstOrDefault(shape => shape.Layout == TensorLayout.Tokens) is not null)
            {
                Joins.Add(new JoinProblem(join, what + "; token ids are indices, not quantities: look them up with an Embedding before joining"));
                return null;
            }
            TensorShape first = shapes[0];
            TensorLayout layout = shapes.All(shape => shape.Layout == first.Layout) ? first.Layout : TensorLayout.Unspecified;
            if (join.Kind == JoinKind.Add)
            {
                if (shapes.All(shape => shape.Dimensions.Equals(first.Dimensions)))
                    return new ResolvedJoin(join, shapes.ToEquatableArray(), first with { Layout = layout }, 0);
                Joins.Add(new JoinProblem(join, what + "; adding needs equal shapes: project the branches to one shape first (e.g. Linear to the same width)"));
                return null;
            }
            // Concatenate along the features: a sequence's last axis, otherwise the first (a vector's only axis, a map's channels).
            int axis = first.IsSequence ? 1 : 0;
            bool agree = shapes.All(shape => shape.Rank == first.Rank
                && Enumerable.Range(0, first.Rank).All(i => i == axis || shape[i] == first[i]));
            if (!agree)
            {
                string axisName = first.IsSequence ? "the features of a sequence" : first.Rank == 1 ? "the features" : "the channels (axis 0)";
                Joins.Add(new JoinProblem(join, what + $"; concatenating along {axisName} needs the same rank and equal sizes on every other axis: Flatten the maps (or pool them) before joining them with vectors"));
                return null;
            }
            int[] dimensions = first.Dimensions.ToArray();
            dimensions[axis] = shapes.Sum(shape => shape[axis]);
            return new ResolvedJoin(join, shapes.ToEquatableArray(), TensorShape.Of(dimensions) with { Layout = layout }, axis);
        }

        /// <summary>The projection the shortcut needs (null for the identity), or a problem when none reaches the body's shape.</summary>
        private ResolvedLayer? Shortcut(BlockNode block, TensorShape input, TensorShape output)
        {
            if (input.Equals(output) && block.Shortcut != ShortcutMode.Projection) return null;
            string adds = $"Residual block {block.Describe()} adds its input {input} to its body's output {output}";
            if (block.Shortcut == ShortcutMode.Identity)
            {
                Residuals.Add(new ResidualProblem(block, adds + "; an identity shortcut needs equal shapes: let the shortcut be inferred or make the body keep the shape"));
                return null;
            }
            if (Projection(block, input, output, out string? why) is { } layer)
            {
                Flat.Add(layer);
                return layer;
            }
            Residuals.Add(new ResidualProblem(block, adds + "; " + why));
            return null;
        }

        private static ResolvedLayer? Projection(BlockNode block, TensorShape input, TensorShape output, out string? why)
        {
            why = null;
            string member = block.Member + ".shortcut";
            if (input.Rank != output.Rank)
            {
                why = $"a 1×1 projection keeps the rank ({input.Rank}) but the body makes it {output.Rank}";
                return null;
            }
            if (input.Rank == 1)
                return Resolve(LayerSpec.Of(member, 0, "Linear", new LayerArgument("OutFeatures", output[0])), input, output, ref why);

            string kind = input.Rank == 3 ? "Conv2d" : input.Rank == 2 ? "Conv1d" : "";
            if (kind.Length == 0 || !LayerCatalogue.All.Any(definition => definition.Name == kind))
            {
                why = $"MlDsl projects rank-1 features with Linear and (channels, height, width) maps with a 1×1 Conv2d, not a rank-{input.Rank} tensor";
                return null;
            }
            if (Stride(input, output) is not { } stride)
            {
                why = $"no single stride of a 1×1 projection turns the input's sizes {Spatial(input)} into the body's {Spatial(output)}";
                return null;
            }
            return Resolve(LayerSpec.Of(member, 0, kind,
                new LayerArgument("OutChannels", output[0]), new LayerArgument("Kernel", 1), new LayerArgument("Stride", stride)), input, output, ref why);
        }

        private static ResolvedLayer? Resolve(LayerSpec spec, TensorShape input, TensorShape output, ref string? why)
        {
            LayerOutcome outcome = LayerCatalogue.Find(spec.Kind).Infer(spec, input);
            if (outcome.Layer is { } layer && outcome.Problem is null && layer.Output.Equals(output)) return layer;
            why = $"a 1×1 {spec.Kind} projection of {input} gives {outcome.Layer?.Output.ToString() ?? "no shape"}, not {output}";
            return null;
        }

        /// <summary>The stride s with floor((n - 1) / s) + 1 = m for every spatial size, as a 1×1 kernel without padding slides.</summary>
        private static int? Stride(TensorShape input, TensorShape output)
        {
            for (int stride = 1; stride <= input[1]; stride++)
            {
                bool fits = true;
                for (int i = 1; i < input.Rank && fits; i++)
                    fits = (input[i] - 1) / stride + 1 == output[i];
                if (fits) return stride;
            }
            return null;
        }

        private static string Spatial(TensorShape shape) =>
            "(" + string.Join(", ", shape.Dimensions.Skip(1)) + ")";
    }
}
