using System;

namespace MlDsl.Shapes.Layers;

/// <summary>
/// Conv1d (Keras Conv1D): (c, l) -> (out, slide(l)) with PyTorch's
/// floor((l + 2p - d(k - 1) - 1) / s) + 1, or l with <c>Padding = "same"</c> (stride 1 only, as in PyTorch);
/// parameters (in / groups)·out·k, plus out for the bias unless <c>Bias = false</c>.
/// </summary>
public sealed class Conv1dLayer : LayerDefinition<Conv1dLayer.Options>
{
    /// <param name="Same">PyTorch's padding='same': d·(k − 1) in all, half before, the odd one after.</param>
    /// <param name="Groups">Blocked connections: each group of in / groups channels feeds out / groups channels.</param>
    /// <param name="InChannels">Declared in channels, checked against the inferred ones; null infers them.</param>
    /// <param name="Bias">False: no bias parameter (PyTorch's bias=False).</param>
    /// <param name="Problem">Why the padding could not be read (a word other than "same" or "valid", an array).</param>
    public sealed record Options(int OutChannels, int Kernel, int Stride, int Padding, int Dilation, int? InChannels, bool Bias, int Groups = 1, bool Same = false, string? Problem = null);

    public override bool HasParameters => true;

    public override Options Read(LayerArguments arguments)
    {
        string? word = arguments.Text("Padding");
        bool same = string.Equals(word, "same", StringComparison.OrdinalIgnoreCase);
        string? problem = word is not null && !same && !string.Equals(word, "valid", StringComparison.OrdinalIgnoreCase)
            ? $"Padding takes a number, \"same\" or \"valid\"; got \"{word}\""
            : word is null && arguments.Has("Padding") && arguments.Int("Padding", int.MinValue) == int.MinValue
                ? "Padding takes a number, \"same\" or \"valid\" (a 1-D layer has one axis)"
                : null;
        return new(arguments.Int("OutChannels", 0), arguments.Int("Kernel", 3), arguments.Int("Stride", 1),
            word is null ? arguments.Int("Padding", 0) : 0, arguments.Int("Dilation", 1), arguments.Declared("InChannels"), arguments.Bool("Bias", true),
            arguments.Int("Groups", 1), same, problem);
    }

    private static (int Before, int After) Pads(Options options)
    {
        if (!options.Same) return (options.Padding, options.Padding);
        int total = options.Dilation * (options.Kernel - 1);
        return (total / 2, total - total / 2);
    }

    /// <summary>Conv over the length, dilation and groups included.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options)
    {
        (int before, int after) = Pads(options);
        return before == after && options.Groups == 1
            ? $"Conv(x, {Module(layer)}, kernel: {options.Kernel}, stride: {options.Stride}, padding: {before}, dilation: {options.Dilation}, dimensions: 1" + (options.Bias ? ")" : ", bias: false)")
            : $"Conv(x, {Module(layer)}, kernel: new long[] {{ {options.Kernel} }}, strides: new long[] {{ {options.Stride} }}, pads: new long[] {{ {before}, {after} }}, dilations: new long[] {{ {options.Dilation} }}, groups: {options.Groups}"
                + (options.Bias ? ")" : ", bias: false)");
    }

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (SignalHints.RequireSignal(spec, input, "Conv2d", options.InChannels is not null) is { } rank)
            return rank;
        if (options.Problem is { } problem)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()}: {problem}");
        (int outChannels, int kernel, int stride, int padding, int dilation, _, bool bias, int groups, bool same, _) = options;
        if (outChannels <= 0 || kernel <= 0 || stride <= 0 || dilation <= 0 || padding < 0 || groups <= 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} needs positive out channels, kernel, stride, dilation and groups and non-negative padding");
        if (same && stride != 1)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} has Padding = \"same\" with stride {stride}; PyTorch pads to the same length only at stride 1: give Stride = 1, or a number for Padding");

        int inChannels = input[0];
        if (GroupsProblem(spec, input, inChannels, outChannels, groups) is { } groupsProblem) return groupsProblem;

        (int before, int after) = Pads(options);
        int length = same ? input[1] : Slide(input[1], kernel, stride, padding, dilation);
        if (length <= 0)
            return Fail(ShapeProblemKind.SpatialCollapse, spec,
                $"{spec.Describe()} with kernel {kernel}, stride {stride}, padding {padding}" + (dilation != 1 ? $", dilation {dilation}" : "")
                + $" turns {input} into ({outChannels}, {length}): the padded length {input[1] + 2 * padding} is shorter than the kernel's reach of {dilation * (kernel - 1) + 1}");

        string factory = $"Conv1d({inChannels}, {outChannels}, kernel_size: {kernel}"
            + (before != after ? ", padding: global::TorchSharp.Padding.Same" : "")
            + (stride != 1 ? $", stride: {stride}" : "")
            + (before == after && before != 0 ? $", padding: {before}" : "")
            + (dilation != 1 ? $", dilation: {dilation}" : "")
            + (groups != 1 ? $", groups: {groups}" : "")
            + (bias ? "" : ", bias: false")
            + ")";
        long parameters = (long)(inChannels / groups) * outChannels * kernel + (bias ? outChannels : 0);
        LayerOutcome outcome = Resolved(spec, input, TensorShape.Of(outChannels, length), parameters, factory, "Conv1d");
        return options.InChannels is { } declared && declared != inChannels
            ? Mismatch(outcome, spec, "InChannels", declared, inChannels, input, "in channels")
            : outcome;
    }
}
