namespace MlDsl.Deployment.Onnx;

/// <summary>The shape glue: reshaping, axis moves, nearest upsampling, picking one step.</summary>
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
    /// PyTorch's nearest upsampling by a whole factor over the <paramref name="spatialDimensions"/> trailing
    /// axes: Resize with asymmetric coordinates and floor, so output i reads input ⌊i / scale⌋ as PyTorch does.
    /// </summary>
    public string Upsample(string x, int scale, int spatialDimensions)
    {
        float[] scales = new[] { 1f, 1f }.Concat(Enumerable.Repeat((float)scale, spatialDimensions)).ToArray();
        return Add("Resize", new[] { x, "", Initializer(scales, scales.Length) },
            Text("mode", "nearest"), Text("coordinate_transformation_mode", "asymmetric"), Text("nearest_mode", "floor"));
    }

    /// <summary>(N, steps, F) to (N, F): step <paramref name="step"/>, counted from the end when negative.</summary>
    public string SelectStep(string x, int step) => Add("Gather", new[] { x, Int64Scalar(step) }, Int("axis", 1));
}
