namespace MlDsl.Shapes.Layers;

/// <summary>
/// Conv1d (Keras Conv1D): (c, l) -> (out, slide(l)) with PyTorch's
/// floor((l + 2p - d(k - 1) - 1) / s) + 1; parameters in*out*k, plus out for the bias unless <c>Bias = false</c>.
/// </summary>
public sealed class Conv1dLayer : LayerDefinition<Conv1dLayer.Options>
{
    /// <param name="InChannels">Declared in channels, checked against the inferred ones; null infers them.</param>
    /// <param name="Bias">False: no bias parameter (PyTorch's bias=False).</param>
    public sealed record Options(int OutChannels, int Kernel, int Stride, int Padding, int Dilation, int? InChannels, bool Bias);

    public override bool HasParameters => true;

    public override Options Read(LayerArguments arguments) => new(
        arguments.Int("OutChannels", 0), arguments.Int("Kernel", 3), arguments.Int("Stride", 1),
        arguments.Int("Padding", 0), arguments.Int("Dilation", 1), arguments.Declared("InChannels"), arguments.Bool("Bias", true));

    /// <summary>Conv over the length, dilation included.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) =>
        $"Conv(x, {Module(layer)}, kernel: {options.Kernel}, stride: {options.Stride}, padding: {options.Padding}, dilation: {options.Dilation}, dimensions: 1" + (options.Bias ? ")" : ", bias: false)");

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (SignalHints.RequireSignal(spec, input, "Conv2d", options.InChannels is not null) is { } rank)
            return rank;
        (int outChannels, int kernel, int stride, int padding, int dilation, _, bool bias) = options;
        if (outChannels <= 0 || kernel <= 0 || stride <= 0 || dilation <= 0 || padding < 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} needs positive out channels, kernel, stride and dilation and non-negative padding");

        int inChannels = input[0];
        int length = Slide(input[1], kernel, stride, padding, dilation);
        if (length <= 0)
            return Fail(ShapeProblemKind.SpatialCollapse, spec,
                $"{spec.Describe()} with kernel {kernel}, stride {stride}, padding {padding}" + (dilation != 1 ? $", dilation {dilation}" : "")
                + $" turns {input} into ({outChannels}, {length}): the padded length {input[1] + 2 * padding} is shorter than the kernel's reach of {dilation * (kernel - 1) + 1}");

        string factory = $"Conv1d({inChannels}, {outChannels}, kernel_size: {kernel}"
            + (stride != 1 ? $", stride: {stride}" : "")
            + (padding != 0 ? $", padding: {padding}" : "")
            + (dilation != 1 ? $", dilation: {dilation}" : "")
            + (bias ? "" : ", bias: false")
            + ")";
        long parameters = (long)inChannels * outChannels * kernel + (bias ? outChannels : 0);
        LayerOutcome outcome = Resolved(spec, input, TensorShape.Of(outChannels, length), parameters, factory, "Conv1d");
        return options.InChannels is { } declared && declared != inChannels
            ? Mismatch(outcome, spec, "InChannels", declared, inChannels, input, "in channels")
            : outcome;
    }
}
