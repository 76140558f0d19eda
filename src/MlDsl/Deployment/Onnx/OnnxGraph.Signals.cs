using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Deployment.Onnx;

/// <summary>Pooling and normalization over signals (N, C, L), maps (N, C, H, W) and sequences.</summary>
public sealed partial class OnnxGraph
{
    /// <summary>
    /// PyTorch's adaptive average pooling over the trailing axes of sizes <paramref name="inputSizes"/> (L, or H and W)
    /// to <paramref name="outputSizes"/>: bin i averages [⌊i·n/m⌋, ⌈(i+1)·n/m⌉), written as a MatMul with that averaging
    /// matrix per axis, so unequal and overlapping bins come out exactly as PyTorch's.
    /// </summary>
    public string AdaptiveAveragePool(string x, long[] inputSizes, long[] outputSizes)
    {
        if (inputSizes.Length != outputSizes.Length || inputSizes.Length is not (1 or 2))
            throw new ArgumentException($"Adaptive pooling takes one or two axes, got ({string.Join(", ", inputSizes)}) to ({string.Join(", ", outputSizes)})", nameof(outputSizes));
        int last = inputSizes.Length - 1;
        string pooled = Add("MatMul", new[] { x, Initializer(Averaging(inputSizes[last], outputSizes[last]), inputSizes[last], outputSizes[last]) });
        if (inputSizes.Length == 1) return pooled;
        // (m, n) · (N, C, n, w) broadcasts over (N, C): the rows' bins.
        float[] rows = Averaging(inputSizes[0], outputSizes[0]);
        var transposed = new float[rows.Length];
        for (long i = 0; i < inputSizes[0]; i++)
            for (long j = 0; j < outputSizes[0]; j++)
                transposed[j * inputSizes[0] + i] = rows[i * outputSizes[0] + j];
        return Add("MatMul", new[] { Initializer(transposed, outputSizes[0], inputSizes[0]), pooled });
    }

    /// <summary>(N, C, ...) to (N, C): the mean over the <paramref name="spatialDimensions"/> trailing axes.</summary>
    public string GlobalAveragePool(string x, int spatialDimensions) =>
        Add("ReduceMean", new[] { x }, Ints("axes", Enumerable.Range(2, spatialDimensions).Select(axis => (long)axis).ToArray()), Int("keepdims", 0));

    /// <summary>(N, C, ...) to (N, C): the largest value over the <paramref name="spatialDimensions"/> trailing axes.</summary>
    public string GlobalMaxPool(string x, int spatialDimensions) =>
        Add("ReduceMax", new[] { x }, Ints("axes", Enumerable.Range(2, spatialDimensions).Select(axis => (long)axis).ToArray()), Int("keepdims", 0));

    /// <summary>LayerNormalization (opset 17) over the last <paramref name="dimensions"/> axes with the module's weight and bias, epsilon 1e-5.</summary>
    public string LayerNormalization(string x, nn.Module module, int dimensions) =>
        LayerNormalization(x, Parameter(module, "weight"), Parameter(module, "bias"), dimensions);

    private string LayerNormalization(string x, Tensor weight, Tensor bias, int dimensions) =>
        Add("LayerNormalization", new[] { x, Initializer(weight), Initializer(bias) }, Int("axis", -dimensions), Float("epsilon", 1e-5f));

    /// <summary>
    /// GroupNorm as PyTorch's exporter writes it for opsets before GroupNormalization: the (N, C, ...)
    /// input regrouped to (N, groups, rest), InstanceNormalization (biased variance, epsilon 1e-5), back to
    /// <paramref name="shape"/> (one example's, C first), then the per-channel weight and bias.
    /// </summary>
    public string GroupNormalization(string x, nn.Module module, int groups, params long[] shape)
    {
        string grouped = Add("Reshape", new[] { x, Int64s(0, groups, -1) });
        string normed = Add("InstanceNormalization",
            new[] { grouped, Initializer(Enumerable.Repeat(1f, groups).ToArray(), groups), Initializer(new float[groups], groups) },
            Float("epsilon", 1e-5f));
        string back = Add("Reshape", new[] { normed, Int64s(new long[] { 0 }.Concat(shape).ToArray()) });
        long[] perChannel = new long[shape.Length];
        Array.Fill(perChannel, 1);
        perChannel[0] = shape[0];
        using Tensor weight = Parameter(module, "weight").reshape(perChannel), bias = Parameter(module, "bias").reshape(perChannel);
        string scaled = Add("Mul", new[] { back, Initializer(weight) });
        return Add("Add", new[] { scaled, Initializer(bias) });
    }

    /// <summary>The (n, m) matrix whose column i averages adaptive-pooling bin i of n inputs.</summary>
    private static float[] Averaging(long n, long m)
    {
        var matrix = new float[n * m];
        for (long i = 0; i < m; i++)
        {
            long start = i * n / m, end = ((i + 1) * n + m - 1) / m;
            for (long j = start; j < end; j++) matrix[j * m + i] = 1f / (end - start);
        }
        return matrix;
    }
}
