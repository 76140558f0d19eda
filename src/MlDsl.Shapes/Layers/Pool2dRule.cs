namespace MlDsl.Shapes.Layers;

/// <summary>MaxPool2d / AvgPool2d: (c, h, w) -> (c, slide(h), slide(w)); stride defaults to the kernel.</summary>
public sealed class Pool2dRule(LayerKind kind) : LayerRule
{
    public override LayerKind Kind => kind;

    public override object Infer(LayerSpec spec, TensorShape input)
    {
        if (RequireImage(spec, input) is { } rankProblem) return rankProblem;
        int kernel = spec.Kernel ?? 2;
        int stride = spec.Stride ?? kernel;
        if (kernel <= 0 || stride <= 0 || spec.Padding < 0 || spec.Padding * 2 > kernel)
            return Problem(ShapeProblemKind.InvalidArgument, spec,
                $"{Describe(spec)} needs a positive kernel and stride and padding at most half the kernel");

        int height = Slide(input[1], kernel, stride, spec.Padding);
        int width = Slide(input[2], kernel, stride, spec.Padding);
        if (height <= 0 || width <= 0)
            return Problem(ShapeProblemKind.SpatialCollapse, spec,
                $"{Describe(spec)} with kernel {kernel}, stride {stride} turns {input} into ({input[0]}, {height}, {width})");

        string name = kind == LayerKind.MaxPool2d ? "MaxPool2d" : "AvgPool2d";
        string factory = $"{name}(kernel_size: {kernel}"
            + (stride != kernel ? $", stride: {stride}" : "")
            + (spec.Padding != 0 ? $", padding: {spec.Padding}" : "")
            + ")";
        return new ResolvedLayer(spec, input, TensorShape.Of(input[0], height, width), 0, factory, name);
    }
}
