using MlDsl.Persistence;
using static TorchSharp.torch;

namespace MlDsl.Deployment.PyTorch;

/// <summary>
/// The value checks an imported state_dict entry (PyTorch or safetensors) must pass before it is copied into the model.
/// <c>copy_</c> converts silently: a floating-point value copied into an integer buffer (<c>num_batches_tracked</c>) is
/// truncated, and a NaN or infinity copied into a weight makes every prediction NaN. Both are refused, naming the entry.
/// </summary>
internal static class ImportedTensor
{
    /// <summary>Refuses values that <paramref name="target"/> cannot hold as they are.</summary>
    /// <exception cref="ModelFileException">Floating-point values for an integer or boolean entry, or NaN or ±infinity in a floating-point entry.</exception>
    public static void Check(string path, string key, Tensor source, Tensor target)
    {
        if (source.is_floating_point() && !target.is_floating_point())
            throw new ModelFileException(path, $"'{key}' holds {source.dtype} values; the model's are {target.dtype}, whole numbers that a floating-point value would be truncated to: save it as {target.dtype}");
        if (!source.is_floating_point()) return;
        using var scope = NewDisposeScope();
        long bad = source.isfinite().logical_not().sum().item<long>();
        if (bad > 0)
            throw new ModelFileException(path, $"'{key}' holds {bad} NaN or infinite value{(bad == 1 ? "" : "s")} of {source.numel()}; expected finite weights (the model that saved them diverged, or the file is damaged)");
    }
}
