using MlDsl.Data;
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
}
