using System.Globalization;

namespace MlDsl.Shapes.Layers;

/// <summary>
/// ConvTranspose2d (Keras Conv2DTranspose): (c, h, w) -> (out, h', w') with PyTorch's
/// n' = (n − 1)·s − 2p + d·(k − 1) + output_padding + 1 along each axis with its own kernel, stride, padding, output padding
/// and dilation (one number for both axes or <c>new[] { height, width }</c>, as PyTorch takes 3 or (3, 1)); parameters
/// in·(out / groups)·kh·kw (PyTorch's weight is (in, out / groups, kh, kw)), plus out for the bias unless <c>Bias = false</c>.
/// </summary>
public sealed class ConvTranspose2dLayer : LayerDefinition<ConvTranspose2dLayer.Options>
{
    /// <param name="OutputPadding">Added to one side of the output; PyTorch needs it smaller than the stride or the dilation, per axis.</param>
    /// <param name="InChannels">Declared in channels, checked against the inferred ones; null infers them.</param>
    /// <param name="Groups">Blocked connections: each group of in / groups channels feeds out / groups channels.</param>
    /// <param name="Problem">Why a size could not be read (three numbers, a word).</param>
    public sealed record Options(int OutChannels, Pair2d Kernel, Pair2d Stride, Pair2d Padding, Pair2d OutputPadding, Pair2d Dilation,
        int? InChannels, bool Bias, int Groups = 1, string? Problem = null)
    {
        /// <summary>Every size the same along both axes: the plain integer forms of TorchSharp's factory and the ONNX helper.</summary>
        public bool Square => Kernel.IsSquare && Stride.IsSquare && Padding.IsSquare && OutputPadding.IsSquare && Dilation.IsSquare;
    }

    public override bool HasParameters => true;

    public override Options Read(LayerArguments arguments)
    {
        string? problem = null;
        Pair2d kernel = arguments.Pair("Kernel", 3, ref problem) ?? Pair2d.Square(1);
        Pair2d stride = arguments.Pair("Stride", 1, ref problem) ?? Pair2d.Square(1);
        Pair2d padding = arguments.Pair("Padding", 0, ref problem) ?? Pair2d.Square(0);
        Pair2d outputPadding = arguments.Pair("OutputPadding", 0, ref problem) ?? Pair2d.Square(0);
        Pair2d dilation = arguments.Pair("Dilation", 1, ref problem) ?? Pair2d.Square(1);
        return new Options(arguments.Int("OutChannels", 0), kernel, stride, padding, outputPadding, dilation,
            arguments.Declared("InChannels"), arguments.Bool("Bias", true), arguments.Int("Groups", 1), problem);
    }

    protected override string Onnx(ResolvedLayer layer, Options options)
    {
        string bias = options.Bias ? ")" : ", bias: false)";
        if (options.Square)
            return $"ConvTranspose(x, {Module(layer)}, kernel: {options.Kernel.Height}, stride: {options.Stride.Height}, padding: {options.Padding.Height}, "
                + $"outputPadding: {options.OutputPadding.Height}, dilation: {options.Dilation.Height}" + (options.Groups != 1 ? $", groups: {options.Groups}" : "")
                + bias;
        Pair2d pads = options.Padding;
        return $"ConvTranspose(x, {Module(layer)}, kernel: {options.Kernel.Longs}, strides: {options.Stride.Longs}, "
            + $"pads: new long[] {{ {pads.Height}, {pads.Width}, {pads.Height}, {pads.Width} }}, outputPadding: {options.OutputPadding.Longs}, "
            + $"dilations: {options.Dilation.Longs}, groups: {options.Groups}" + bias;
    }

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (RequireRank(spec, input, 3, "(channels, height, width)", SignalHints.ForMap(input, "Conv1d")) is { } rank)
            return rank;
        if (options.Problem is { } problem)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()}: {problem}");
        (int outChannels, Pair2d kernel, Pair2d stride, Pair2d padding, Pair2d outputPadding, Pair2d dilation, _, bool bias, int groups, _) = options;
        if (outChannels <= 0 || !Positive(kernel) || !Positive(stride) || !Positive(dilation) || groups <= 0
            || padding.Height < 0 || padding.Width < 0 || outputPadding.Height < 0 || outputPadding.Width < 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} needs positive out channels, kernel, stride, dilation and groups and non-negative padding and output padding");
        if ((outputPadding.Height >= stride.Height && outputPadding.Height >= dilation.Height)
            || (outputPadding.Width >= stride.Width && outputPadding.Width >= dilation.Width))
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} has output padding {outputPadding}, but PyTorch needs it smaller than the stride {InParentheses(stride)} or the dilation {InParentheses(dilation)}");

        // TorchSharp 0.107's tuple overload hands libtorch the first output padding for both axes (measured: (1, 0) arrived
        // as (1, 1)), so two different ones cannot be built faithfully.
        if (!outputPadding.IsSquare)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} has output padding {outputPadding}; TorchSharp 0.107 applies one output padding to both axes: give one number (the other sizes may differ per axis)");

        int inChannels = input[0];
        if (GroupsProblem(spec, input, inChannels, outChannels, groups) is { } groupsProblem) return groupsProblem;
        int height = TransposedLength(input[1], kernel.Height, stride.Height, padding.Height, outputPadding.Height, dilation.Height);
        int width = TransposedLength(input[2], kernel.Width, stride.Width, padding.Width, outputPadding.Width, dilation.Width);
        if (height <= 0 || width <= 0)
        {
            int unpaddedHeight = TransposedLength(input[1], kernel.Height, stride.Height, 0, outputPadding.Height, dilation.Height);
            int unpaddedWidth = TransposedLength(input[2], kernel.Width, stride.Width, 0, outputPadding.Width, dilation.Width);
            return Fail(ShapeProblemKind.SpatialCollapse, spec,
                $"{spec.Describe()} with kernel {kernel}, stride {stride}, padding {padding} turns {input} into ({outChannels}, {height}, {width}): "
                + $"padding {padding} trims {Twice(padding)} rows and columns off an output of ({unpaddedHeight}, {unpaddedWidth})");
        }

        long parameters = (long)inChannels * (outChannels / groups) * kernel.Height * kernel.Width + (bias ? outChannels : 0);
        LayerOutcome outcome = Resolved(spec, input, TensorShape.Of(outChannels, height, width), parameters, Factory(options, inChannels), "ConvTranspose2d");
        return options.InChannels is { } declared && declared != inChannels
            ? Mismatch(outcome, spec, "InChannels", declared, inChannels, input, "in channels")
            : outcome;
    }

    /// <summary>(2) for one size, (2, 1) for two, as a message's aside.</summary>
    private static string InParentheses(Pair2d size) => size.IsSquare ? $"({size})" : size.ToString();

    private static bool Positive(Pair2d size) => size.Height > 0 && size.Width > 0;

    private static string Twice(Pair2d padding) =>
        padding.IsSquare ? (2 * padding.Height).ToString(CultureInfo.InvariantCulture) : $"({2 * padding.Height}, {2 * padding.Width})";

    /// <summary>TorchSharp's ConvTranspose2d: numbers when every size is square, else its tuple overload (every size as a tuple).</summary>
    private static string Factory(Options options, int inChannels)
    {
        bool square = options.Square;
        string Size(Pair2d size) => square ? size.Height.ToString(CultureInfo.InvariantCulture) : size.Tuple;
        return $"ConvTranspose2d({inChannels}, {options.OutChannels}, kernel_size: {Size(options.Kernel)}"
            + (options.Stride != Pair2d.Square(1) ? $", stride: {Size(options.Stride)}" : "")
            + (options.Padding != Pair2d.Square(0) ? $", padding: {Size(options.Padding)}" : "")
            + (options.OutputPadding != Pair2d.Square(0) ? $", output_padding: {Size(options.OutputPadding)}" : "")
            + (options.Groups != 1 ? $", groups: {options.Groups}" : "")
            + (options.Dilation != Pair2d.Square(1) ? $", dilation: {Size(options.Dilation)}" : "")
            + (options.Bias ? "" : ", bias: false")
            + ")";
    }
}
