namespace MlDsl.Shapes.Layers;

/// <summary>
/// SelectStep: one step of a sequence (steps, features) -> (features). <c>Step</c> counts from 0, or from
/// the end when negative: -1 (the default) is the last step, 0 the first.
/// </summary>
public sealed class SelectStepLayer : LayerDefinition<SelectStepLayer.Options>
{
    public sealed record Options(int Step);

    public override Options Read(LayerArguments arguments) => new(arguments.Int("Step", -1));

    /// <summary>Gather of one step on the steps axis.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) => $"SelectStep(x, step: {options.Step})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (RequireSequence(spec, input, "SelectStep") is { } sequence) return sequence;
        int steps = input[0];
        if (options.Step < -steps || options.Step >= steps)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} selects step {options.Step} of {input.Describe()}; it must lie in [{-steps}, {steps - 1}]");
        return Resolved(spec, input, TensorShape.Of(input[1]), 0, $"new global::MlDsl.Layers.SelectStepModule({options.Step})", "SelectStep");
    }
}
