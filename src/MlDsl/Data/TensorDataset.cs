using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Data;

/// <summary>
/// A whole split collated once into two tensors, so each training step only gathers a batch by
/// index (one <c>index_select</c>) instead of converting rows again every epoch.
/// </summary>
public sealed class TensorDataset : IDisposable
{
    private TensorDataset(Tensor features, Tensor labels)
    {
        Features = features;
        Labels = labels;
    }

    public Tensor Features { get; }
    public Tensor Labels { get; }
    public long Count => Labels.shape[0];

    public static TensorDataset From<TRow>(IReadOnlyList<TRow> rows, Device? device = null) where TRow : ITensorRow<TRow>
    {
        if (rows.Count == 0)
            throw new ArgumentException($"The {typeof(TRow).Name} rows are empty; training and evaluation need at least one row.", nameof(rows));
        (Tensor features, Tensor labels) = BatchCollator.Collate(rows, 0, rows.Count, device);
        return new TensorDataset(features, labels);
    }

    public void Dispose()
    {
        Features.Dispose();
        Labels.Dispose();
    }
}
