using MlDsl.Data.Splits;
using MlDsl.Training;

namespace MlDsl.Examples.SpokenLanguage;

/// <summary>
/// The spoken-language task as a pipeline: split by prompt, train, analyze per language and per
/// prompt category, gate on accuracy and the bias gap between categories, export; predict and
/// monitor read a folder of WAV files. Run with <c>dotnet run -c Release --project examples/SpokenLanguage -- run</c>.
/// </summary>
[Pipeline(typeof(LanguageCnn), ClassNames = new[] { "en", "es", "fr", "it", "ru" })]
[Split(Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 11)]
[Train(Epochs = 14, BatchSize = 32, Optimizer = OptimizerKind.AdamW, LearningRate = 1e-3, WeightDecay = 1e-4, Seed = 1, EarlyStoppingPatience = 4)]
[Gate(MinAccuracy = 0.9, MinClassRecall = 0.8, MaxBiasGap = 0.15, MaxLatencyMs = 100)]
[Export("artifacts/spoken-language")]
public sealed partial class SpokenLanguagePipeline
{
    [Ingest] private static IReadOnlyList<SpokenClip> Load() => AsteriskSounds.Load();

    [ReadData] private static IReadOnlyList<SpokenClip> Read(string path) => AsteriskSounds.ReadRecordings(path);
}
