using System;

namespace MlDsl.Shapes.Layers;

/// <summary>
/// Conv2d: (c, h, w) -> (out, slide(h), slide(w)) along each axis with its own kernel, stride, padding and
/// dilation (one number for both axes or <c>new[] { height, width }</c>, as PyTorch takes 3 or (3, 1));
/// <c>Padding = "same"</c> keeps the size (stride 1 only, as in PyTorch). Parameters
/// (in / groups)·out·kh·kw, plus out for the bias unless <c>Bias = false</c>.
/// </summary>
public sealed class Conv2dLayer : LayerDefinition<Conv2dLayer.Options>
{
    /// <param name="Same">PyTorch's padding='same': <see cref="Padding"/> is then worked out from the kernel and dilation.</param>
    /// <param name="Groups">Blocked connections: each group of in / groups channels feeds out / groups channels (groups = in: depthwise).</param>
    /// <param name="InChannels">Declared in channels, checked against the inferred ones; null infers them.</param>
    /// <param name="Bias">False: no bias parameter (PyTorch's bias=False).</param>
    /// <param name="Problem">Why an argument could not be read (a kernel of three numbers, a padding word other than "same"/"valid").</param>
    public sealed record Options(int OutChannels, Pair2d Kernel, Pair2d Stride, Pair2d Padding, bool Same, Pair2d Dilation, int Groups, int? InChannels, bool Bias, string? Problem = null);

    public override bool HasParameters => true;

    public override Options Read(LayerArguments arguments)
    {
        string? problem = null;
        Pair2d kernel = arguments.Pair("Kernel", 3, ref problem) ?? Pair2d.Square(1);
        Pair2d stride = arguments.Pair("Stride", 1, ref problem) ?? Pair2d.Square(1);
        Pair2d dilation = arguments.Pair("Dilation", 1, ref problem) ?? Pair2d.Square(1);
        string? word = arguments.Text("Padding");
        bool same = string.Equals(word, "same", StringComparison.OrdinalIgnoreCase);
        Pair2d padding = word is null
            ? arguments.Pair("Padding", 0, ref problem) ?? Pair2d.Square(0)
            : Pair2d.Square(0);
        if (word is not null && !same && !string.Equals(word, "valid", StringComparison.OrdinalIgnoreCase))
            problem ??= $"Padding takes a number, new[] {{ height, width }}, \"same\" or \"valid\"; got \"{word}\"";
        return new Options(arguments.Int("OutChannels", 0), kernel, stride, padding, same, dilation, arguments.Int("Groups", 1),
            arguments.Declared("InChannels"), arguments.Bool("Bias", true), problem);
    }

    /// <summary>PyTorch's padding='same' with stride 1: d·(k − 1) in all, half before, the odd one after.</summary>
    private static (Pair2d Before, Pair2d After) SamePadding(Options options)
    {
        int height = options.Dilation.Height * (options.Kernel.Height - 1), width = options.Dilation.Width * (options.Kernel.Width - 1);
        return (new Pair2d(height / 2, width / 2), new Pair2d(height - height / 2, width - width / 2));
    }

    private static (Pair2d Before, Pair2d After) Pads(Options options) =>
        options.Same ? SamePadding(options) : (options.Padding, options.Padding);

    protected override string Onnx(ResolvedLayer layer, Options options)
    {
        (Pair2d before, Pair2d after) = Pads(options);
        bool plain = options.Kernel.IsSquare && options.Stride.IsSquare && before.IsSquare && before == after && options.Dilation == Pair2d.Square(1) && options.Groups == 1;
        if (plain)
            return $"Conv(x, {Module(layer)}, kernel: {options.Kernel.Height}, stride: {options.Stride.Height}, padding: {before.Height}" + (options.Bias ? ")" : ", bias: false)");
        return $"Conv(x, {Module(layer)}, kernel: {options.Kernel.Longs}, strides: {options.Stride.Longs}, "
            + $"pads: new long[] {{ {before.Height}, {before.Width}, {after.Height}, {after.Width} }}, dilations: {options.Dilation.Longs}, groups: {options.Groups}"
            + (options.Bias ? ")" : ", bias: false)");
    }

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (RequireRank(spec, input, 3, "(channels, height, width)", SignalHints.ForMap(input, "Conv1d")) is { } rank)
            return rank;
        if (options.Problem is { } problem)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()}: {problem}");
        (int outChannels, Pair2d kernel, Pair2d stride, _, bool same, Pair2d dilation, int groups, _, bool bias, _) = options;
        if (outChannels <= 0 || kernel.Height <= 0 || kernel.Width <= 0 || stride.Height <= 0 || stride.Width <= 0
            || dilation.Height <= 0 || dilation.Width <= 0 || options.Padding.Height < 0 || options.Padding.Width < 0 || groups <= 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} needs positive out channels, kernel, stride, dilation and groups and non-negative padding");
        if (same && stride != Pair2d.Square(1))
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} has Padding = \"same\" with stride {stride}; PyTorch pads to the same size only at stride 1: give Stride = 1, or a number for Padding");

        int inChannels = input[0];
        if (GroupsProblem(spec, input, inChannels, outChannels, groups) is { } groupsProblem) return groupsProblem;

        (Pair2d before, Pair2d after) = Pads(options);
        int height = same ? input[1] : Slide(input[1], kernel.Height, stride.Height, before.Height, dilation.Height);
        int width = same ? input[2] : Slide(input[2], kernel.Width, stride.Width, before.Width, dilation.Width);
        if (height <= 0 || width <= 0)
        {
            var reach = new Pair2d(dilation.Height * (kernel.Height - 1) + 1, dilation.Width * (kernel.Width - 1) + 1);
            var padded = new Pair2d(input[1] + 2 * before.Height, input[2] + 2 * before.Width);
            return Fail(ShapeProblemKind.SpatialCollapse, spec,
                $"{spec.Describe()} with kernel {kernel}, stride {stride}, padding {options.Padding}" + (dilation != Pair2d.Square(1) ? $", dilation {dilation}" : "")
                + $" turns {input} into ({outChannels}, {height}, {width}): the kernel reaches {Area(reach)} pixels, more than the padded input's {Area(padded)}");
        }

        long parameters = (long)(inChannels / groups) * outChannels * kernel.Height * kernel.Width + (bias ? outChannels : 0);
        LayerOutcome outcome = Resolved(spec, input, TensorShape.Of(outChannels, height, width), parameters, Factory(options, inChannels, before, after), "Conv2d");
        return options.InChannels is { } declared && declared != inChannels
            ? Mismatch(outcome, spec, "InChannels", declared, inChannels, input, "in channels")
            : outcome;
    }

    /// <summary>(3 × 5) for a window's height and width.</summary>
    private static string Area(Pair2d size) => $"{size.Height} × {size.Width}";

    /// <summary>
    /// TorchSharp's Conv2d: numbers when every size is square, else its tuple overload (all sizes as tuples);
    /// "same" becomes its padding when that is symmetric (an odd reach), TorchSharp's <c>Padding.Same</c> otherwise.
    /// </summary>
    private static string Factory(Options options, int inChannels, Pair2d before, Pair2d after)
    {
        bool asymmetric = before != after;
        bool square = options.Kernel.IsSquare && options.Stride.IsSquare && before.IsSquare && options.Dilation.IsSquare;
        string Size(Pair2d size) => square ? size.Height.ToString(System.Globalization.CultureInfo.InvariantCulture) : size.Tuple;
        return $"Conv2d({inChannels}, {options.OutChannels}, kernel_size: {Size(options.Kernel)}"
            + (asymmetric ? ", padding: global::TorchSharp.Padding.Same" : "")
            + (options.Stride != Pair2d.Square(1) ? $", stride: {Size(options.Stride)}" : "")
            + (!asymmetric && before != Pair2d.Square(0) ? $", padding: {Size(before)}" : "")
            + (options.Dilation != Pair2d.Square(1) ? $", dilation: {Size(options.Dilation)}" : "")
            + (options.Groups != 1 ? $", groups: {options.Groups}" : "")
            + (options.Bias ? "" : ", bias: false")
            + ")";
    }
}
