using System.Threading.Channels;

namespace MlDsl.Data.Streaming;

/// <summary>
/// Decodes a source's rows in a given order into batches ahead of the consumer. A dispatcher hands
/// batch k to a pool of dedicated worker threads (one <see cref="Channel"/> of work) and puts its
/// pending result in a bounded queue in order (a second channel), so decoding overlaps the training
/// step, several batches decode at once, and at most <c>prefetch + 1</c> batches exist beside the one
/// being consumed, whatever the data's size. Batches come out in order, so a run is reproducible; a
/// decoding failure is rethrown to the consumer at the batch it belongs to.
/// </summary>
internal sealed class BatchStream<TRow> : IDisposable where TRow : ITensorRow<TRow>
{
    private readonly Channel<Task<DecodedBatch>> ready;
    private readonly Channel<(int Start, int Size, TaskCompletionSource<DecodedBatch> Result)> work = Channel.CreateUnbounded<(int, int, TaskCompletionSource<DecodedBatch>)>();
    private readonly CancellationTokenSource stop = new();
    private readonly Thread[] threads;

    /// <param name="source">The rows.</param>
    /// <param name="order">The row indices to visit, in order.</param>
    /// <param name="batches">Each global batch's start in <paramref name="order"/> and its size (<see cref="BatchBounds"/>).</param>
    /// <param name="rank">This rank's index; it decodes only its slice of each global batch.</param>
    /// <param name="ranks">How many ranks share each global batch.</param>
    /// <param name="workers">Decoding threads (at least 1).</param>
    /// <param name="prefetch">Batches queued ahead of the consumer (at least 1).</param>
    /// <param name="labels">Whether to decode labels (false for prediction).</param>
    public BatchStream(RowSource<TRow> source, int[] order, (int Start, int Size)[] batches, int rank, int ranks, int workers, int prefetch, bool labels)
    {
        ready = Channel.CreateBounded<Task<DecodedBatch>>(new BoundedChannelOptions(prefetch) { SingleReader = true, SingleWriter = true });
        CancellationToken token = stop.Token;
        threads = new Thread[workers + 1];
        threads[0] = new Thread(() => Dispatch(batches, token)) { IsBackground = true, Name = "MlDsl batch dispatcher" };
        for (int w = 1; w <= workers; w++)
            threads[w] = new Thread(() => Work(source, order, rank, ranks, labels, token)) { IsBackground = true, Name = $"MlDsl decoder {w}" };
        foreach (Thread thread in threads) thread.Start();
    }

    /// <summary>The next batch in order, or null after the last; rethrows a decoding failure at its batch.</summary>
    public DecodedBatch? Next()
    {
        if (!ready.Reader.TryRead(out Task<DecodedBatch>? pending))
        {
            if (!ready.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult()) return null;
            if (!ready.Reader.TryRead(out pending)) return null;
        }
        return pending.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        stop.Cancel();
        foreach (Thread thread in threads) thread.Join();
        stop.Dispose();
    }

    // Each batch's pending result enters the ordered queue before its work is handed out, so the queue's bound is the bound on batches in flight.
    private void Dispatch((int Start, int Size)[] batches, CancellationToken token)
    {
        try
        {
            foreach ((int start, int size) in batches)
            {
                var result = new TaskCompletionSource<DecodedBatch>(TaskCreationOptions.RunContinuationsAsynchronously);
                ready.Writer.WriteAsync(result.Task, token).AsTask().GetAwaiter().GetResult();
                work.Writer.TryWrite((start, size, result));
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        finally
        {
            ready.Writer.TryComplete();
            work.Writer.TryComplete();
        }
    }

    private void Work(RowSource<TRow> source, int[] order, int rank, int ranks, bool labels, CancellationToken token)
    {
        try
        {
            while (work.Reader.WaitToReadAsync(token).AsTask().GetAwaiter().GetResult())
            {
                while (!token.IsCancellationRequested && work.Reader.TryRead(out var item))
                {
                    int size = item.Size;
                    int from = item.Start + (int)((long)rank * size / ranks), to = item.Start + (int)((long)(rank + 1) * size / ranks);
                    try
                    {
                        item.Result.SetResult(Decode(source, order.AsSpan(from, to - from), size, labels));
                    }
                    catch (Exception problem) when (problem is not OutOfMemoryException)
                    {
                        item.Result.SetException(problem);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private static DecodedBatch Decode(RowSource<TRow> source, ReadOnlySpan<int> rows, int globalCount, bool withLabels)
    {
        int length = TRow.FeatureLength, width = TRow.ClassCount;
        var features = new float[(long)rows.Length * length];
        long[]? labels = withLabels && TRow.LabelKind == LabelKind.Class ? new long[rows.Length] : null;
        float[]? targets = withLabels && TRow.LabelKind != LabelKind.Class ? new float[(long)rows.Length * width] : null;
        var decoded = new TRow[rows.Length];
        source.ReadBatch(rows, decoded);
        for (int i = 0; i < rows.Length; i++)
        {
            int index = rows[i];
            TRow row = decoded[i];
            try
            {
                TRow.WriteFeatures(row, features.AsSpan(i * length, length));
                if (labels is not null) labels[i] = RowLabels.Class(row, width);
                if (targets is not null) RowLabels.Target(row, targets.AsSpan(i * width, width));
            }
            catch (RowDataException problem)
            {
                throw new RowSourceException(source.Describe(index), index, problem);
            }
        }
        return new DecodedBatch(rows.Length, globalCount, features, labels, targets);
    }
}
