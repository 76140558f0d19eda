using MlDsl.Data;
using MlDsl.Data.Streaming;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Training;

/// <summary>Batch prediction behind every generated classifier's <c>Predict</c>.</summary>
public static class ClassifierPredictor
{
    /// <summary>The most likely class of every row, in batches of <paramref name="batchSize"/>.</summary>
    public static int[] Predict<TRow>(Module<Tensor, Tensor> model, IReadOnlyList<TRow> rows, int batchSize = 256)
        where TRow : ITensorRow<TRow>
    {
        var classes = new int[rows.Count];
        BatchInference.Run(model, rows, batchSize, logits => logits.argmax(1), (start, size, predicted) =>
        {
            for (int i = 0; i < size; i++) classes[start + i] = (int)predicted[i];
        });
        return classes;
    }

    /// <summary>The most likely class of every row of a lazy source, decoded in row order while the model runs.</summary>
    /// <exception cref="RowSourceException">A row cannot be decoded or has a non-finite feature; the message names its file.</exception>
    public static int[] Predict<TRow>(Module<Tensor, Tensor> model, RowSource<TRow> rows, int batchSize = 256)
        where TRow : ITensorRow<TRow>
    {
        var classes = new int[rows.Count];
        BatchInference.Run(model, rows, batchSize, logits => logits.argmax(1), (start, size, predicted) =>
        {
            for (int i = 0; i < size; i++) classes[start + i] = (int)predicted[i];
        });
        return classes;
    }

    /// <summary>Class probabilities (softmax of the logits) for every row, in batches.</summary>
    public static float[][] Probabilities<TRow>(Module<Tensor, Tensor> model, IReadOnlyList<TRow> rows, int batchSize = 256) where TRow : ITensorRow<TRow> =>
        BatchInference.Rows(model, rows, batchSize, logits => logits.softmax(1));

    /// <summary>Class probabilities (softmax of the logits) for one row.</summary>
    public static float[] Probabilities<TRow>(Module<Tensor, Tensor> model, TRow row) where TRow : ITensorRow<TRow> =>
        Probabilities(model, new[] { row }, 1)[0];
}
