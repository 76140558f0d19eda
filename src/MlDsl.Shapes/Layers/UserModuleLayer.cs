using System.Collections.Generic;

namespace MlDsl.Shapes.Layers;

/// <summary>
/// A hand-written TorchSharp module used as a layer: its shapes follow the contract declared on its
/// attribute (<see cref="ShapeContract"/>), its parameter count is the declared one, and the generator
/// emits <c>new Module()</c>. Without a contract there is no shape to continue with, which is why a
/// module member must declare one (MLDSL0037).
/// </summary>
public sealed class UserModuleLayer : LayerDefinition
{
    public override bool HasParameters => true;

    public override LayerOutcome Infer(LayerSpec spec, TensorShape input)
    {
        string type = spec.Arguments.Text("Module") ?? "";
        string output = spec.Arguments.Text("Output") ?? "";
        string accepts = spec.Arguments.Text("Input") ?? "";
        int parameters = spec.Arguments.Int("Parameters", 0);
        if (type.Length == 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} names no module type");
        if (parameters < 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} declares {parameters} parameters; the count cannot be negative");

        if (accepts.Trim().Length > 0)
        {
            if (ShapeContract.Evaluate(accepts, input, out IReadOnlyList<int>? required, out string? error, requireRank: true) is false)
                return error!.StartsWith("rank", System.StringComparison.Ordinal)
                    ? Fail(ShapeProblemKind.RankMismatch, spec, $"{spec.Describe()} accepts ({accepts}) but receives {input}, a rank-{input.Rank} tensor")
                    : Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} has Input \"{accepts}\": {error}");
            for (int i = 0; i < required!.Count; i++)
                if (required[i] != input[i])
                    return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} accepts ({accepts}) but receives {input}; size {i} must be {required[i]}");
        }
        if (ShapeContract.Evaluate(output, input, out IReadOnlyList<int>? sizes, out string? problem) is false)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} has Output \"{output}\": {problem}");
        if (sizes!.Count == 0 || System.Linq.Enumerable.Any(sizes, size => size <= 0))
            return Fail(ShapeProblemKind.SpatialCollapse, spec, $"{spec.Describe()} turns {input} into ({string.Join(", ", sizes)}) by its contract \"{output}\"");

        string name = type.Substring(type.LastIndexOf('.') + 1);
        return Resolved(spec, input, TensorShape.Of(System.Linq.Enumerable.ToArray(sizes)), parameters, $"new {type}()", name);
    }
}
