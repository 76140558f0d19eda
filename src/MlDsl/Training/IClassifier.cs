using MlDsl.Data;

namespace MlDsl.Training;

/// <summary>What every generated [Model] offers, so pipelines and tools can drive any of them.</summary>
public interface IClassifier<TRow> : IDisposable where TRow : ITensorRow<TRow>
{
    FitReport Fit(IReadOnlyList<TRow> train, IReadOnlyList<TRow>? validation = null, FitOptions? options = null);

    Evaluation Evaluate(IReadOnlyList<TRow> rows, int batchSize = 256);

    int Predict(TRow row);

    int[] Predict(IReadOnlyList<TRow> rows, int batchSize = 256);

    float[][] PredictProbabilities(IReadOnlyList<TRow> rows, int batchSize = 256);

    void Save(string path);
}
