namespace MlDsl.Shapes.Layers;

/// <summary>
/// ConvTranspose2d (Keras Conv2DTranspose): (c, h, w) -> (out, h', w') with PyTorch's
/// (n − 1)·s − 2p + d·(k − 1) + output_padding + 1; parameters in·(out / groups)·k·k (PyTorch's weight is (in, out / groups, k, k)),
/// plus out for the bias unless <c>Bias = false</c>.
/// </summary>
public sealed class ConvTranspose2dLayer : LayerDefinition<ConvTranspose2dLayer.Options>
{
    /// <param name="OutputPadding">Added to one side of the output; PyTorch needs it smaller than the stride or the dilation.</param>
    /// <param name="InChannels">Declared in channels, checked against the inferred ones; null infers them.</param>
    /// <param name="Groups">Blocked connections: each group of in / groups channels feeds out / groups channels.</param>
    public sealed record Options(int OutChannels, int Kernel, int Stride, int Padding, int OutputPadding, int Dilation, int? InChannels, bool Bias, int Groups = 1);

    public override bool HasParameters => true;

    public override Options Read(LayerArguments arguments) => new(
        arguments.Int("OutChannels", 0), arguments.Int("Kernel", 3), arguments.Int("Stride", 1), arguments.Int("Padding", 0),
        arguments.Int("OutputPadding", 0), arguments.Int("Dilation", 1), arguments.Declared("InChannels"), arguments.Bool("Bias", true),
        arguments.Int("Groups", 1));

    protected override string Onnx(ResolvedLayer layer, Options options) =>
        $"ConvTranspose(x, {Module(layer)}, kernel: {options.Kernel}, stride: {options.Stride}, padding: {options.Padding}, "
        + $"outputPadding: {options.OutputPadding}, dilation: {options.Dilation}" + (options.Groups != 1 ? $", groups: {options.Groups}" : "")
        + (options.Bias ? ")" : ", bias: false)");

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (RequireRank(spec, input, 3, "(channels, height, width)", SignalHints.ForMap(input, "Conv1d")) is { } rank)
            return rank;
        (int outChannels, int kernel, int stride, int padding, int outputPadding, int dilation, _, bool bias, int groups) = options;
        if (outChannels <= 0 || kernel <= 0 || stride <= 0 || dilation <= 0 || groups <= 0 || padding < 0 || outputPadding < 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} needs positive out channels, kernel, stride, dilation and groups and non-negative padding and output padding");
        if (outputPadding >= stride && outputPadding >= dilation)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} has output padding {outputPadding}, but PyTorch needs it smaller than the stride ({stride}) or the dilation ({dilation})");

        int inChannels = input[0];
        if (GroupsProblem(spec, input, inChannels, outChannels, groups) is { } groupsProblem) return groupsProblem;
        int height = Grow(input[1], options), width = Grow(input[2], options);
        if (height <= 0 || width <= 0)
            return Fail(ShapeProblemKind.SpatialCollapse, spec,
                $"{spec.Describe()} with kernel {kernel}, stride {stride}, padding {padding} turns {input} into ({outChannels}, {height}, {width}): "
                + $"padding {padding} trims {2 * padding} rows and columns off an output of ({Grow(input[1], options with { Padding = 0 })}, {Grow(input[2], options with { Padding = 0 })})");

        string factory = $"ConvTranspose2d({inChannels}, {outChannels}, kernel_size: {kernel}"
            + (stride != 1 ? $", stride: {stride}" : "")
            + (padding != 0 ? $", padding: {padding}" : "")
            + (outputPadding != 0 ? $", output_padding: {outputPadding}" : "")
            + (groups != 1 ? $", groups: {groups}" : "")
            + (dilation != 1 ? $", dilation: {dilation}" : "")
            + (bias ? "" : ", bias: false")
            + ")";
        long parameters = (long)inChannels * (outChannels / groups) * kernel * kernel + (bias ? outChannels : 0);
        LayerOutcome outcome = Resolved(spec, input, TensorShape.Of(outChannels, height, width), parameters, factory, "ConvTranspose2d");
        return options.InChannels is { } declared && declared != inChannels
            ? Mismatch(outcome, spec, "InChannels", declared, inChannels, input, "in channels")
            : outcome;
    }

    private static int Grow(int size, Options options) =>
        TransposedLength(size, options.Kernel, options.Stride, options.Padding, options.OutputPadding, options.Dilation);
}
