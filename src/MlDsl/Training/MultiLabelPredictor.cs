using MlDsl.Data;
using MlDsl.Data.Streaming;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Training;

/// <summary>Batch prediction behind every generated multi-label model's <c>Predict</c>: each label on its own.</summary>
public static class MultiLabelPredictor
{
    /// <summary>Per row, whether each label is present (its probability is above <paramref name="threshold"/>).</summary>
    public static bool[][] Predict<TRow>(Module<Tensor, Tensor> model, IReadOnlyList<TRow> rows, int batchSize = 256, float threshold = 0.5f)
        where TRow : ITensorRow<TRow> =>
        Probabilities(model, rows, batchSize).Select(labels => labels.Select(probability => probability > threshold).ToArray()).ToArray();

    /// <summary>Per row of a lazy source, whether each label is present (its probability is above <paramref name="threshold"/>).</summary>
    /// <exception cref="RowSourceException">A row cannot be decoded or has a non-finite feature; the message names its file.</exception>
    public static bool[][] Predict<TRow>(Module<Tensor, Tensor> model, RowSource<TRow> rows, int batchSize = 256, float threshold = 0.5f)
        where TRow : ITensorRow<TRow> =>
        BatchInference.Rows(model, rows, batchSize, logits => logits.sigmoid()).Select(labels => labels.Select(probability => probability > threshold).ToArray()).ToArray();

    /// <summary>Per row, each label's probability (sigmoid of its logit): labels are not exclusive, so they need not sum to one.</summary>
    public static float[][] Probabilities<TRow>(Module<Tensor, Tensor> model, IReadOnlyList<TRow> rows, int batchSize = 256) where TRow : ITensorRow<TRow> =>
        BatchInference.Rows(model, rows, batchSize, logits => logits.sigmoid());
}
