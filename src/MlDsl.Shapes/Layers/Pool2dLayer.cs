namespace MlDsl.Shapes.Layers;

/// <summary>
/// MaxPool2d / AvgPool2d: (c, h, w) -> (c, slide(h), slide(w)), each axis with its own kernel, stride and
/// padding (one number for both or <c>new[] { height, width }</c>); the stride defaults to the kernel.
/// </summary>
public abstract class Pool2dLayer : LayerDefinition<Pool2dLayer.Options>
{
    /// <param name="Stride">Null means the kernel size, as in PyTorch.</param>
    /// <param name="Problem">Why an argument could not be read (three numbers, a word).</param>
    /// <param name="CeilMode">PyTorch's ceil_mode: a last, partial window still gives an output.</param>
    public sealed record Options(Pair2d Kernel, Pair2d? Stride, Pair2d Padding, string? Problem = null, bool CeilMode = false);

    public override Options Read(LayerArguments arguments)
    {
        string? problem = null;
        Pair2d kernel = arguments.Pair("Kernel", 2, ref problem) ?? Pair2d.Square(1);
        Pair2d? stride = arguments.Pair("Stride", 0, ref problem);
        Pair2d padding = arguments.Pair("Padding", 0, ref problem) ?? Pair2d.Square(0);
        return new Options(kernel, stride is null || stride == Pair2d.Square(0) ? null : stride, padding, problem, arguments.Bool("CeilMode"));
    }

    protected override string Onnx(ResolvedLayer layer, Options options)
    {
        string name = this is MaxPool2dLayer ? "MaxPool" : "AveragePool";
        Pair2d kernel = options.Kernel, stride = options.Stride ?? kernel, padding = options.Padding;
        return kernel.IsSquare && stride.IsSquare && padding.IsSquare
            ? $"{name}(x, kernel: {kernel.Height}, stride: {stride.Height}, padding: {padding.Height}" + Ceil(options) + ")"
            : $"{name}(x, kernel: {kernel.Longs}, strides: {stride.Longs}, pads: new long[] {{ {padding.Height}, {padding.Width}, {padding.Height}, {padding.Width} }}" + Ceil(options) + ")";
    }

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (RequireRank(spec, input, 3, "(channels, height, width)", SignalHints.ForMap(input, Name.Replace("2d", "1d"))) is { } rank)
            return rank;
        if (options.Problem is { } problem)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()}: {problem}");
        Pair2d kernel = options.Kernel, stride = options.Stride ?? kernel, padding = options.Padding;
        if (kernel.Height <= 0 || kernel.Width <= 0 || stride.Height <= 0 || stride.Width <= 0 || padding.Height < 0 || padding.Width < 0
            || padding.Height * 2 > kernel.Height || padding.Width * 2 > kernel.Width)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} needs a positive kernel and stride and padding at most half the kernel along each axis");

        int height = options.CeilMode ? SlideCeil(input[1], kernel.Height, stride.Height, padding.Height) : Slide(input[1], kernel.Height, stride.Height, padding.Height);
        int width = options.CeilMode ? SlideCeil(input[2], kernel.Width, stride.Width, padding.Width) : Slide(input[2], kernel.Width, stride.Width, padding.Width);
        if (height <= 0 || width <= 0)
            return Fail(ShapeProblemKind.SpatialCollapse, spec,
                $"{spec.Describe()} with kernel {kernel}, stride {stride} turns {input} into ({input[0]}, {height}, {width})");

        bool square = kernel.IsSquare && stride.IsSquare && padding.IsSquare;
        string Size(Pair2d size) => square ? size.Height.ToString(System.Globalization.CultureInfo.InvariantCulture) : size.Tuple;
        string factory = $"{Name}(kernel_size: {Size(kernel)}"
            + (stride != kernel ? $", stride: {Size(stride)}" : "")
            + (padding != Pair2d.Square(0) ? $", padding: {Size(padding)}" : "")
            + (options.CeilMode ? ", ceil_mode: true" : "")
            + ")";
        return Resolved(spec, input, TensorShape.Of(input[0], height, width), 0, factory, Name);
    }

    private static string Ceil(Options options) => options.CeilMode ? ", ceilMode: true" : "";
}
