namespace MlDsl.Shapes.Layers;

/// <summary>MaxPool1d / AvgPool1d: (c, l) -> (c, slide(l)); the stride defaults to the kernel, as in PyTorch.</summary>
public abstract class Pool1dLayer : LayerDefinition<Pool1dLayer.Options>
{
    /// <param name="Stride">Null means the kernel size, as in PyTorch.</param>
    /// <param name="CeilMode">PyTorch's ceil_mode: a last, partial window still gives an output.</param>
    public sealed record Options(int Kernel, int? Stride, int Padding, bool CeilMode = false);

    public override Options Read(LayerArguments arguments) =>
        new(arguments.Int("Kernel", 2), arguments.Declared("Stride"), arguments.Int("Padding", 0), arguments.Bool("CeilMode"));

    /// <summary>MaxPool or AveragePool over the length.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) =>
        $"{(this is MaxPool1dLayer ? "MaxPool" : "AveragePool")}(x, kernel: {options.Kernel}, stride: {options.Stride ?? options.Kernel}, padding: {options.Padding}, dimensions: 1" + (options.CeilMode ? ", ceilMode: true)" : ")");

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (SignalHints.RequireSignal(spec, input, Name.Replace("1d", "2d")) is { } rank)
            return rank;
        int kernel = options.Kernel, stride = options.Stride ?? kernel, padding = options.Padding;
        if (kernel <= 0 || stride <= 0 || padding < 0 || padding * 2 > kernel)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} needs a positive kernel and stride and padding at most half the kernel");

        int length = options.CeilMode ? SlideCeil(input[1], kernel, stride, padding) : Slide(input[1], kernel, stride, padding);
        if (length <= 0)
            return Fail(ShapeProblemKind.SpatialCollapse, spec,
                $"{spec.Describe()} with kernel {kernel}, stride {stride} turns {input} into ({input[0]}, {length}): the padded length {input[1] + 2 * padding} is shorter than the kernel");

        string factory = $"{Name}(kernel_size: {kernel}"
            + (stride != kernel ? $", stride: {stride}" : "")
            + (padding != 0 ? $", padding: {padding}" : "")
            + (options.CeilMode ? ", ceil_mode: true" : "")
            + ")";
        return Resolved(spec, input, TensorShape.Of(input[0], length), 0, factory, Name);
    }
}
