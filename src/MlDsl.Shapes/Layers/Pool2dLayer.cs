namespace MlDsl.Shapes.Layers;

/// <summary>MaxPool2d / AvgPool2d: (c, h, w) -> (c, slide(h), slide(w)); the stride defaults to the kernel.</summary>
public abstract class Pool2dLayer : LayerDefinition<Pool2dLayer.Options>
{
    /// <param name="Stride">Null means the kernel size, as in PyTorch.</param>
    public sealed record Options(int Kernel, int? Stride, int Padding);

    public override Options Read(LayerArguments arguments) =>
        new(arguments.Int("Kernel", 2), arguments.Declared("Stride"), arguments.Int("Padding", 0));

    protected override string Onnx(ResolvedLayer layer, Options options) =>
        $"{(this is MaxPool2dLayer ? "MaxPool" : "AveragePool")}(x, kernel: {options.Kernel}, stride: {options.Stride ?? options.Kernel}, padding: {options.Padding})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (RequireRank(spec, input, 3, "(channels, height, width)", SignalHints.ForMap(input, Name.Replace("2d", "1d"))) is { } rank)
            return rank;
        int kernel = options.Kernel, stride = options.Stride ?? kernel, padding = options.Padding;
        if (kernel <= 0 || stride <= 0 || padding < 0 || padding * 2 > kernel)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} needs a positive kernel and stride and padding at most half the kernel");

        int height = Slide(input[1], kernel, stride, padding);
        int width = Slide(input[2], kernel, stride, padding);
        if (height <= 0 || width <= 0)
            return Fail(ShapeProblemKind.SpatialCollapse, spec,
                $"{spec.Describe()} with kernel {kernel}, stride {stride} turns {input} into ({input[0]}, {height}, {width})");

        string factory = $"{Name}(kernel_size: {kernel}"
            + (stride != kernel ? $", stride: {stride}" : "")
            + (padding != 0 ? $", padding: {padding}" : "")
            + ")";
        return Resolved(spec, input, TensorShape.Of(input[0], height, width), 0, factory, Name);
    }
}
