using MlDsl.Data;
using TorchSharp;
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
        Device device = ClassifierTrainer.ParameterDevice(model);
        model.eval();
        using (inference_mode())
        {
            for (int start = 0; start < rows.Count; start += batchSize)
            {
                using var batch = NewDisposeScope();
                int size = Math.Min(batchSize, rows.Count - start);
                Tensor predicted = model.forward(BatchCollator.CollateFeatures(rows, start, size, device)).argmax(1).to(int32).cpu();
                predicted.data<int>().CopyTo(classes, start);
            }
        }
        return classes;
    }

    /// <summary>Class probabilities (softmax of the logits) for every row, in batches.</summary>
    public static float[][] Probabilities<TRow>(Module<Tensor, Tensor> model, IReadOnlyList<TRow> rows, int batchSize = 256) where TRow : ITensorRow<TRow>
    {
        var result = new float[rows.Count][];
        Device device = ClassifierTrainer.ParameterDevice(model);
        model.eval();
        using (inference_mode())
        {
            for (int start = 0; start < rows.Count; start += batchSize)
            {
                using var batch = NewDisposeScope();
                int size = Math.Min(batchSize, rows.Count - start);
                float[] flat = model.forward(BatchCollator.CollateFeatures(rows, start, size, device)).softmax(1).cpu().data<float>().ToArray();
                int classes = flat.Length / size;
                for (int i = 0; i < size; i++) result[start + i] = flat.AsSpan(i * classes, classes).ToArray();
            }
        }
        return result;
    }

    /// <summary>Class probabilities (softmax of the logits) for one row.</summary>
    public static float[] Probabilities<TRow>(Module<Tensor, Tensor> model, TRow row) where TRow : ITensorRow<TRow>
    {
        Device device = ClassifierTrainer.ParameterDevice(model);
        model.eval();
        using var scope = NewDisposeScope();
        using (inference_mode())
        {
            Tensor logits = model.forward(BatchCollator.CollateFeatures(new[] { row }, 0, 1, device));
            return logits.softmax(1).cpu().data<float>().ToArray();
        }
    }
}
