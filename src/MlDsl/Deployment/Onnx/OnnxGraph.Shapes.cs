namespace MlDsl.Deployment.Onnx;

/// <summary>The shape glue: reshaping, axis moves, upsampling, picking one step.</summary>
public sealed partial class OnnxGraph
{
    /// <summary>Reshape to (N, <paramref name="shape"/>): one example's shape, the batch dimension kept as it comes (Reshape's 0).</summary>
    public string Reshape(string x, params long[] shape) =>
        Add("Reshape", new[] { x, Int64s(new long[] { 0 }.Concat(shape).ToArray()) });

    /// <summary>Transpose by one example's axis order (<c>Permute(1, 0)</c>); the batch axis stays first.</summary>
    public string Permute(string x, params long[] order) =>
        Add("Transpose", new[] { x }, Ints("perm", new long[] { 0 }.Concat(order.Select(axis => axis + 1)).ToArray()));

    /// <summary>Removes axis <paramref name="axis"/> of one example (size 1).</summary>
    public string Squeeze(string x, int axis) => Add("Squeeze", new[] { x, Int64s(axis + 1) });

    /// <summary>Inserts an axis of size 1 at <paramref name="axis"/> of one example.</summary>
    public string Unsqueeze(string x, int axis) => Add("Unsqueeze", new[] { x, Int64s(axis + 1) });

    /// <summary>
    /// PyTorch's upsampling by a whole factor over the <paramref name="spatialDimensions"/> trailing axes, as Resize with
    /// PyTorch's coordinates: nearest with asymmetric coordinates and floor (output i reads input ⌊i / scale⌋); linear and
    /// bilinear as "linear", bicubic as "cubic" with PyTorch's a = −0.75, with "align_corners" coordinates when
    /// <paramref name="alignCorners"/> and "pytorch_half_pixel" otherwise (the mapping PyTorch's own ONNX exporter writes).
    /// </summary>
    /// <param name="x">(N, C, L) or (N, C, H, W).</param>
    /// <param name="scale">The whole factor every trailing axis grows by.</param>
    /// <param name="spatialDimensions">1 for a signal, 2 for a map.</param>
    /// <param name="mode">"nearest", "linear", "bilinear" or "bicubic".</param>
    /// <param name="alignCorners">PyTorch's align_corners (interpolating modes only).</param>
    public string Upsample(string x, int scale, int spatialDimensions, string mode = "nearest", bool alignCorners = false)
    {
        float[] scales = new[] { 1f, 1f }.Concat(Enumerable.Repeat((float)scale, spatialDimensions)).ToArray();
        return Resize(new[] { x, "", Initializer(scales, scales.Length) }, mode, alignCorners);
    }

    /// <summary>
    /// PyTorch's upsampling to a fixed size (<c>nn.Upsample(size=...)</c>), as Resize given its output sizes: the batch and
    /// channel sizes read from <paramref name="x"/> at run time (so the batch stays dynamic) and <paramref name="size"/> after
    /// them; the coordinates as in <see cref="Upsample(string, int, int, string, bool)"/>.
    /// </summary>
    /// <param name="x">(N, C, L) or (N, C, H, W).</param>
    /// <param name="size">The output's length, or height and width.</param>
    /// <param name="mode">"nearest", "linear", "bilinear" or "bicubic".</param>
    /// <param name="alignCorners">PyTorch's align_corners (interpolating modes only).</param>
    public string UpsampleTo(string x, long[] size, string mode = "nearest", bool alignCorners = false)
    {
        if (mode == "nearest")
            throw new ArgumentException("nearest upsampling to a size is UpsampleNearestTo, which picks PyTorch's own source indices", nameof(mode));
        string batchAndChannels = Add("Slice", new[] { Add("Shape", new[] { x }), Int64s(0), Int64s(2), Int64s(0) });
        string sizes = Add("Concat", new[] { batchAndChannels, Int64s(size) }, Int("axis", 0));
        return Resize(new[] { x, "", "", sizes }, mode, alignCorners);
    }

    /// <summary>
    /// PyTorch's nearest upsampling to a fixed size as one Gather per axis with the source indices PyTorch itself computes,
    /// min(⌊j · (float)(in / out)⌋, in − 1) in single precision (ATen's <c>nearest_neighbor_compute_source_index</c>). Resize's
    /// own nearest rounding divides by out / in instead and picks a different pixel where j · in / out is a whole number.
    /// </summary>
    /// <param name="x">(N, C, L) or (N, C, H, W).</param>
    /// <param name="input">The input's length, or height and width.</param>
    /// <param name="size">The output's length, or height and width.</param>
    public string UpsampleNearestTo(string x, long[] input, long[] size)
    {
        string result = x;
        for (int axis = 0; axis < size.Length; axis++)
        {
            float scale = (float)input[axis] / size[axis];
            long[] sources = new long[size[axis]];
            for (long j = 0; j < sources.Length; j++)
                sources[j] = Math.Min((long)MathF.Floor(j * scale), input[axis] - 1);
            result = Add("Gather", new[] { result, Int64s(sources) }, Int("axis", axis + 2));
        }
        return result;
    }

    private string Resize(string[] inputs, string mode, bool alignCorners)
    {
        if (mode == "nearest")
            return Add("Resize", inputs, Text("mode", "nearest"), Text("coordinate_transformation_mode", "asymmetric"), Text("nearest_mode", "floor"));
        string coordinates = alignCorners ? "align_corners" : "pytorch_half_pixel";
        return mode == "bicubic"
            ? Add("Resize", inputs, Text("mode", "cubic"), Text("coordinate_transformation_mode", coordinates), Float("cubic_coeff_a", -0.75f))
            : Add("Resize", inputs, Text("mode", "linear"), Text("coordinate_transformation_mode", coordinates));
    }

    /// <summary>(N, steps, F) to (N, F): step <paramref name="step"/>, counted from the end when negative.</summary>
    public string SelectStep(string x, int step) => Add("Gather", new[] { x, Int64Scalar(step) }, Int("axis", 1));
}
