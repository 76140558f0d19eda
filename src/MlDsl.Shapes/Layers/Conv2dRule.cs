namespace MlDsl.Shapes.Layers;

/// <summary>Conv2d: (c, h, w) -> (out, slide(h), slide(w)); parameters in*out*k*k + out.</summary>
public sealed class Conv2dRule : LayerRule
{
    public override LayerKind Kind => LayerKind.Conv2d;

    public override object Infer(LayerSpec spec, TensorShape input)
    {
        if (RequireImage(spec, input) is { } rankProblem) return rankProblem;
        int outChannels = spec.Size ?? 0;
        int kernel = spec.Kernel ?? 3;
        int stride = spec.Stride ?? 1;
        if (outChannels <= 0 || kernel <= 0 || stride <= 0 || spec.Padding < 0)
            return Problem(ShapeProblemKind.InvalidArgument, spec,
                $"{Describe(spec)} needs positive out channels, kernel and stride and non-negative padding");
        int inChannels = input[0];
        if (spec.InSize is { } declared && declared != inChannels)
            return Problem(ShapeProblemKind.InputSizeMismatch, spec,
                $"{Describe(spec)} declares {declared} in channels but receives {input}, which has {inChannels}", inChannels);

        int height = Slide(input[1], kernel, stride, spec.Padding);
        int width = Slide(input[2], kernel, stride, spec.Padding);
        if (height <= 0 || width <= 0)
            return Problem(ShapeProblemKind.SpatialCollapse, spec,
                $"{Describe(spec)} with kernel {kernel}, stride {stride}, padding {spec.Padding} turns {input} into ({outChannels}, {height}, {width})");

        string factory = $"Conv2d({inChannels}, {outChannels}, kernel_size: {kernel}"
            + (stride != 1 ? $", stride: {stride}" : "")
            + (spec.Padding != 0 ? $", padding: {spec.Padding}" : "")
            + ")";
        long parameters = (long)inChannels * outChannels * kernel * kernel + outChannels;
        return new ResolvedLayer(spec, input, TensorShape.Of(outChannels, height, width), parameters, factory, "Conv2d");
    }
}
