namespace MlDsl.Shapes.Layers;

/// <summary>Conv2d: (c, h, w) -> (out, slide(h), slide(w)); parameters in*out*k*k, plus out for the bias unless <c>Bias = false</c>.</summary>
public sealed class Conv2dLayer : LayerDefinition<Conv2dLayer.Options>
{
    /// <param name="InChannels">Declared in channels, checked against the inferred ones; null infers them.</param>
    /// <param name="Bias">False: no bias parameter (PyTorch's bias=False).</param>
    public sealed record Options(int OutChannels, int Kernel, int Stride, int Padding, int? InChannels, bool Bias);

    public override bool HasParameters => true;

    public override Options Read(LayerArguments arguments) => new(
        arguments.Int("OutChannels", 0), arguments.Int("Kernel", 3), arguments.Int("Stride", 1),
        arguments.Int("Padding", 0), arguments.Declared("InChannels"), arguments.Bool("Bias", true));

    protected override string Onnx(ResolvedLayer layer, Options options) =>
        $"Conv(x, {Module(layer)}, kernel: {options.Kernel}, stride: {options.Stride}, padding: {options.Padding}" + (options.Bias ? ")" : ", bias: false)");

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (RequireRank(spec, input, 3, "(channels, height, width)", SignalHints.ForMap(input, "Conv1d")) is { } rank)
            return rank;
        (int outChannels, int kernel, int stride, int padding, _, bool bias) = options;
        if (outChannels <= 0 || kernel <= 0 || stride <= 0 || padding < 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} needs positive out channels, kernel and stride and non-negative padding");

        int inChannels = input[0];
        int height = Slide(input[1], kernel, stride, padding);
        int width = Slide(input[2], kernel, stride, padding);
        if (height <= 0 || width <= 0)
            return Fail(ShapeProblemKind.SpatialCollapse, spec,
                $"{spec.Describe()} with kernel {kernel}, stride {stride}, padding {padding} turns {input} into ({outChannels}, {height}, {width})");

        string factory = $"Conv2d({inChannels}, {outChannels}, kernel_size: {kernel}"
            + (stride != 1 ? $", stride: {stride}" : "")
            + (padding != 0 ? $", padding: {padding}" : "")
            + (bias ? "" : ", bias: false")
            + ")";
        long parameters = (long)inChannels * outChannels * kernel * kernel + (bias ? outChannels : 0);
        LayerOutcome outcome = Resolved(spec, input, TensorShape.Of(outChannels, height, width), parameters, factory, "Conv2d");
        return options.InChannels is { } declared && declared != inChannels
            ? Mismatch(outcome, spec, "InChannels", declared, inChannels, input, "in channels")
            : outcome;
    }
}
