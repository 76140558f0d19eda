using MlDsl.Data;

namespace MlDsl.Training;

/// <summary>What every generated [Model] offers whatever its label, so pipelines and tools can drive any of them.</summary>
public interface ITrainableModel<TRow> : IDisposable where TRow : ITensorRow<TRow>
{
    FitReport Fit(IReadOnlyList<TRow> train, IReadOnlyList<TRow>? validation = null, FitOptions? options = null);

    Evaluation Evaluate(IReadOnlyList<TRow> rows, int batchSize = 256);

    void Save(string path);
}

/// <summary>A generated model whose dataset has a class label.</summary>
public interface IClassifier<TRow> : ITrainableModel<TRow> where TRow : ITensorRow<TRow>
{
    int Predict(TRow row);

    int[] Predict(IReadOnlyList<TRow> rows, int batchSize = 256);

    float[][] PredictProbabilities(IReadOnlyList<TRow> rows, int batchSize = 256);
}

/// <summary>A generated model whose dataset has a multi-label label (a set of labels per row).</summary>
public interface IMultiLabelClassifier<TRow> : ITrainableModel<TRow> where TRow : ITensorRow<TRow>
{
    /// <summary>Per label, whether it is present.</summary>
    bool[] Predict(TRow row);

    bool[][] Predict(IReadOnlyList<TRow> rows, int batchSize = 256);

    float[][] PredictProbabilities(IReadOnlyList<TRow> rows, int batchSize = 256);
}

/// <summary>A generated model whose dataset has a regression label; it trains on standardized targets and predicts in the label's units.</summary>
public interface IRegressor<TRow> : ITrainableModel<TRow>, ITargetScaled where TRow : ITensorRow<TRow>
{
    float Predict(TRow row);

    float[] Predict(IReadOnlyList<TRow> rows, int batchSize = 256);
}
