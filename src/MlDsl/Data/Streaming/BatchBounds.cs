namespace MlDsl.Data.Streaming;

/// <summary>
/// Where each batch of a pass over <c>count</c> rows starts and how many rows it holds. Evaluation cuts
/// plain batches; a training epoch folds a trailing batch of fewer than two rows per rank into the batch
/// before it, because BatchNorm in training mode normalizes by the batch's own variance: one value per
/// channel has none, libtorch returns zeros and its running variance becomes NaN, silently. Folding loses
/// no row (PyTorch's <c>drop_last</c> would) and changes one step's size by at most <c>2 × ranks − 1</c>.
/// </summary>
internal static class BatchBounds
{
    /// <summary>Plain batches of <paramref name="batchSize"/> rows; the last holds the rest.</summary>
    public static (int Start, int Size)[] InOrder(int count, int batchSize) => Cut(count, batchSize, fold: 0);

    /// <summary>Training batches: as <see cref="InOrder"/>, except that a trailing batch of fewer than 2 rows per rank joins the previous one.</summary>
    public static (int Start, int Size)[] Training(int count, int batchSize, int ranks) => Cut(count, batchSize, fold: 2 * ranks);

    private static (int Start, int Size)[] Cut(int count, int batchSize, int fold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var batches = new List<(int Start, int Size)>((count + batchSize - 1) / batchSize);
        for (int start = 0; start < count; start += batchSize)
            batches.Add((start, Math.Min(batchSize, count - start)));
        if (batches.Count > 1 && batches[^1].Size < fold)
        {
            (int start, int size) = batches[^2];
            batches[^2] = (start, size + batches[^1].Size);
            batches.RemoveAt(batches.Count - 1);
        }
        return batches.ToArray();
    }
}
