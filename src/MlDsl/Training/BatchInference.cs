using MlDsl.Data;
using MlDsl.Data.Streaming;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Training;

/// <summary>The batching loop every predictor shares: eval mode, inference mode, one collation per batch.</summary>
internal static class BatchInference
{
    /// <summary>
    /// Runs the model over <paramref name="rows"/> and hands each batch's start, size and CPU float
    /// outputs, flattened, to <paramref name="consume"/>; <paramref name="head"/> first turns the raw
    /// outputs into what the caller wants (softmax, sigmoid, argmax...).
    /// </summary>
    public static void Run<TRow>(Module<Tensor, Tensor> model, IReadOnlyList<TRow> rows, int batchSize, Func<Tensor, Tensor> head, Action<int, int, ReadOnlySpan<float>> consume)
        where TRow : ITensorRow<TRow>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        Device device = ModelTrainer.ParameterDevice(model);
        model.eval();
        using (inference_mode())
        {
            for (int start = 0; start < rows.Count; start += batchSize)
            {
                using var batch = NewDisposeScope();
                int size = Math.Min(batchSize, rows.Count - start);
                Tensor outputs = head(model.forward(BatchCollator.CollateFeatures(rows, start, size, device))).to(float32).cpu();
                consume(start, size, outputs.data<float>().ToArray());
            }
        }
    }

    /// <summary>
    /// As <see cref="Run{TRow}(Module{Tensor, Tensor}, IReadOnlyList{TRow}, int, Func{Tensor, Tensor}, Action{int, int, ReadOnlySpan{float}})"/>,
    /// over a lazy source decoded in row order by the default <see cref="StreamingOptions"/>' workers.
    /// </summary>
    /// <exception cref="RowSourceException">A row cannot be decoded, or a feature is NaN or ±∞; the message names its file (and line).</exception>
    public static void Run<TRow>(Module<Tensor, Tensor> model, RowSource<TRow> rows, int batchSize, Func<Tensor, Tensor> head, Action<int, int, ReadOnlySpan<float>> consume)
        where TRow : ITensorRow<TRow>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentNullException.ThrowIfNull(rows);
        Device device = ModelTrainer.ParameterDevice(model);
        var streaming = new StreamingOptions();
        int length = TRow.FeatureLength;
        long[] shape = new long[TRow.FeatureShape.Length + 1];
        TRow.FeatureShape.CopyTo(shape.AsSpan(1));
        model.eval();
        using var stream = new BatchStream<TRow>(rows, Enumerable.Range(0, rows.Count).ToArray(), BatchBounds.InOrder(rows.Count, batchSize), 0, 1, streaming.Workers, streaming.Prefetch, labels: false);
        using (inference_mode())
        {
            int start = 0;
            while (stream.Next() is { } batch)
            {
                using var scope = NewDisposeScope();
                for (int i = 0; i < batch.Count; i++)
                {
                    try
                    {
                        FiniteFeatures.Check<TRow>(batch.Features.AsSpan(i * length, length), start + i);
                    }
                    catch (RowDataException problem)
                    {
                        throw new RowSourceException(rows.Describe(start + i), start + i, problem);
                    }
                }
                shape[0] = batch.Count;
                Tensor outputs = head(model.forward(tensor(batch.Features, shape, device: device))).to(float32).cpu();
                consume(start, batch.Count, outputs.data<float>().ToArray());
                start += batch.Count;
            }
        }
    }

    /// <summary>Per row, the model's outputs after <paramref name="head"/>.</summary>
    public static float[][] Rows<TRow>(Module<Tensor, Tensor> model, IReadOnlyList<TRow> rows, int batchSize, Func<Tensor, Tensor> head)
        where TRow : ITensorRow<TRow>
    {
        var result = new float[rows.Count][];
        Run(model, rows, batchSize, head, (start, size, flat) =>
        {
            int width = flat.Length / size;
            for (int i = 0; i < size; i++) result[start + i] = flat.Slice(i * width, width).ToArray();
        });
        return result;
    }

    /// <summary>Per row of a lazy source, the model's outputs after <paramref name="head"/>.</summary>
    public static float[][] Rows<TRow>(Module<Tensor, Tensor> model, RowSource<TRow> rows, int batchSize, Func<Tensor, Tensor> head)
        where TRow : ITensorRow<TRow>
    {
        var result = new float[rows.Count][];
        Run(model, rows, batchSize, head, (start, size, flat) =>
        {
            int width = flat.Length / size;
            for (int i = 0; i < size; i++) result[start + i] = flat.Slice(i * width, width).ToArray();
        });
        return result;
    }
}
