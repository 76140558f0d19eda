using MlDsl.Data.Csv;
using MlDsl.Data.Splits;
using MlDsl.Pipelines;

namespace MlDsl.Examples.BreastCancer;

/// <summary>A regression pipeline: the same stages as a classifier's, judged and gated by MAE, RMSE and R².</summary>
[Pipeline(typeof(ProgressionMlp), CsvHasHeader = false)]
[Split(Kind = SplitKind.Random, Validation = 0.15, Test = 0.2, Seed = 4)]
[Validate(MinTrainRows = 200)]
[Transform(TransformKind.Standardize)]
[Train(Epochs = 200, BatchSize = 32, LearningRate = 1e-2, Seed = 4, EarlyStoppingPatience = 15)]
[Gate(MaxMae = 60, MinR2 = 0.3, MaxSliceMae = 70, MaxBiasGap = 20, MaxLatencyMs = 20)]
[Export("artifacts/progression")]
public sealed partial class ProgressionPipeline
{
    [Ingest] private static IReadOnlyList<DiabetesPatient> Load() => CsvFile.Read<DiabetesPatient>(SklearnData.DiabetesCsv(), new CsvOptions { HasHeader = false });
}
