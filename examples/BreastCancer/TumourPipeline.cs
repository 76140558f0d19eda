using MlDsl.Data.Csv;
using MlDsl.Data.Splits;
using MlDsl.Pipelines;

namespace MlDsl.Examples.BreastCancer;

/// <summary>
/// The breast-cancer task as a pipeline: stratified split, train-only standardization, an MLP with
/// early stopping, a gate on accuracy and per-class recall, export. Predict and monitor read CSVs in
/// scikit-learn's layout. Run with <c>dotnet run -c Release --project examples/BreastCancer -- run</c>.
/// </summary>
[Pipeline(typeof(TumourMlp), ClassNames = new[] { "malignant", "benign" }, CsvHasHeader = false, CsvSkipLines = 1)]
[Split(Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.2, Seed = 7)]
[Transform(TransformKind.Standardize)]
[Train(Epochs = 40, BatchSize = 32, LearningRate = 3e-3, Seed = 7, EarlyStoppingPatience = 8)]
[Gate(MinAccuracy = 0.93, MinClassRecall = 0.9, MaxLatencyMs = 20, MaxModelMegabytes = 1)]
[GateMinimum("balanced_accuracy", 0.9), GateMaximum("log_loss", 0.3)]
[Export("artifacts/tumour-mlp")]
public sealed partial class TumourPipeline
{
    [Ingest] private static IReadOnlyList<Tumour> Load() =>
        CsvFile.Read<Tumour>(SklearnData.BreastCancerCsv(), new CsvOptions { HasHeader = false, SkipLines = 1 });
}
