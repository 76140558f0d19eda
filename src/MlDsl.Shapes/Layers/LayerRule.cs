using System.Globalization;

namespace MlDsl.Shapes.Layers;

/// <summary>
/// The shape rule, parameter count and TorchSharp factory of one layer kind. Returns either a
/// <see cref="ResolvedLayer"/> or a <see cref="ShapeProblem"/>.
/// </summary>
public abstract class LayerRule
{
    public abstract LayerKind Kind { get; }

    public abstract object Infer(LayerSpec spec, TensorShape input);

    protected static ShapeProblem Problem(ShapeProblemKind kind, LayerSpec spec, string message, int? expected = null) =>
        new(kind, spec, message, expected);

    protected static string Describe(LayerSpec spec) => $"'{spec.Member}' ({spec.Kind})";

    protected static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Rank-3 (channels, height, width) check shared by the 2-D layers.</summary>
    protected static ShapeProblem? RequireImage(LayerSpec spec, TensorShape input) =>
        input.Rank == 3
            ? null
            : Problem(ShapeProblemKind.RankMismatch, spec,
                $"{Describe(spec)} expects (channels, height, width) but receives {input}, a rank-{input.Rank} tensor" +
                (input.Rank == 1 ? "; declare the feature's image shape with [Shape(c, h, w)]" : ""));

    /// <summary>Output size of a sliding window, PyTorch's floor((n + 2p - k) / s) + 1.</summary>
    protected static int Slide(int size, int kernel, int stride, int padding) =>
        (int)System.Math.Floor((size + 2.0 * padding - kernel) / stride) + 1;
}
