using MlDsl.Data;
using MlDsl.Data.Streaming;
using static TorchSharp.torch;

namespace MlDsl.Training;

/// <summary>
/// Rows streamed from a lazy source: each epoch's order comes from <see cref="EpochOrder"/>, batches are
/// decoded ahead by a <see cref="BatchStream{TRow}"/>, and only the targets (one number per row) stay in memory.
/// </summary>
internal sealed class StreamedData<TRow> : ITrainingData where TRow : ITensorRow<TRow>
{
    private readonly RowSource<TRow> source;
    private readonly StreamingOptions options;
    private readonly Device device;

    public StreamedData(RowSource<TRow> source, StreamingOptions options, Device device)
    {
        if (source.Count == 0)
            throw new ArgumentException($"The {typeof(TRow).Name} source is empty; training and evaluation need at least one row.", nameof(source));
        this.source = source;
        this.options = options;
        this.device = device;
        Targets = ReadTargets();
    }

    public long Count => source.Count;
    public Tensor Targets { get; }

    public IEnumerable<StepBatch> Epoch(int epoch, long seed, int batchSize, int rank, int ranks) =>
        Batches(EpochOrder.For(source.ShardStarts, source.Count, seed, epoch, options.ShuffleBuffer), BatchBounds.Training(source.Count, batchSize, ranks), rank, ranks);

    public IEnumerable<StepBatch> InOrder(int batchSize) => Batches(Enumerable.Range(0, source.Count).ToArray(), BatchBounds.InOrder(source.Count, batchSize), 0, 1);

    private IEnumerable<StepBatch> Batches(int[] order, (int Start, int Size)[] batches, int rank, int ranks)
    {
        using var stream = new BatchStream<TRow>(source, order, batches, rank, ranks, options.Workers, options.Prefetch, labels: true);
        while (stream.Next() is { } batch)
            yield return new StepBatch(Features(batch), TargetsOf(batch), batch.Count, batch.GlobalCount);
    }

    private Tensor Features(DecodedBatch batch)
    {
        long[] shape = new long[TRow.FeatureShape.Length + 1];
        shape[0] = batch.Count;
        TRow.FeatureShape.CopyTo(shape.AsSpan(1));
        return tensor(batch.Features, shape, device: device);
    }

    private Tensor TargetsOf(DecodedBatch batch) => batch.Labels is { } labels
        ? tensor(labels, device: device)
        : tensor(batch.Targets!, new long[] { batch.Count, TRow.ClassCount }, device: device);

    // Class labels come from the references when they carry them (class folders, manifests);
    // otherwise one decoding pass reads them, in row order, with the same workers and queue.
    private Tensor ReadTargets()
    {
        if (TRow.LabelKind == LabelKind.Class)
        {
            var known = new long[source.Count];
            bool all = true;
            for (int i = 0; i < known.Length && all; i++)
            {
                if (source.ClassOf(i) is { } label) known[i] = label;
                else all = false;
            }
            if (all) return tensor(known, device: device);
        }
        var parts = new List<Tensor>();
        foreach (StepBatch batch in InOrder(256))
        {
            parts.Add(batch.Targets);
            batch.Inputs.Dispose();
        }
        Tensor targets = cat(parts, 0);
        foreach (Tensor part in parts) part.Dispose();
        return targets;
    }

    public void Dispose() => Targets.Dispose();
}
