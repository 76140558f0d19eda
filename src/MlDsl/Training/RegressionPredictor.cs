using MlDsl.Data;
using MlDsl.Data.Streaming;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Training;

/// <summary>Batch prediction behind every generated regression model's <c>Predict</c>.</summary>
public static class RegressionPredictor
{
    /// <summary>The predicted value of every row in the label's units, in batches of <paramref name="batchSize"/>.</summary>
    public static float[] Predict<TRow>(Module<Tensor, Tensor> model, IReadOnlyList<TRow> rows, int batchSize = 256)
        where TRow : ITensorRow<TRow>
    {
        var values = new float[rows.Count];
        TargetScaling? scaling = (model as ITargetScaled)?.TargetScaling;
        BatchInference.Run(model, rows, batchSize, outputs => (scaling?.forward(outputs) ?? outputs).reshape(-1),
            (start, size, predicted) => predicted[..size].CopyTo(values.AsSpan(start)));
        return values;
    }

    /// <summary>The predicted value of every row of a lazy source in the label's units, decoded in row order while the model runs.</summary>
    /// <exception cref="RowSourceException">A row cannot be decoded or has a non-finite feature; the message names its file.</exception>
    public static float[] Predict<TRow>(Module<Tensor, Tensor> model, RowSource<TRow> rows, int batchSize = 256)
        where TRow : ITensorRow<TRow>
    {
        var values = new float[rows.Count];
        TargetScaling? scaling = (model as ITargetScaled)?.TargetScaling;
        BatchInference.Run(model, rows, batchSize, outputs => (scaling?.forward(outputs) ?? outputs).reshape(-1),
            (start, size, predicted) => predicted[..size].CopyTo(values.AsSpan(start)));
        return values;
    }
}
