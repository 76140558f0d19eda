using MlDsl.Data.Csv;
using MlDsl.Data.Splits;

namespace MlDsl.Examples.Mnist;

/// <summary>
/// The MNIST example as a pipeline: stratified split, train with early stopping on validation,
/// analyze on test, gate on accuracy, per-digit recall, latency and size, export.
/// Run with <c>dotnet run -c Release --project examples/Mnist -- run</c>.
/// </summary>
[Pipeline(typeof(DigitCnn), ClassNames = new[] { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" }, CsvHasHeader = false)]
[Split(Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.2, Seed = 42)]
[Train(Epochs = 12, BatchSize = 64, LearningRate = 1e-3, Seed = 42, EarlyStoppingPatience = 3)]
[Gate(MinAccuracy = 0.97, MinClassRecall = 0.93, MaxLatencyMs = 50, MaxModelMegabytes = 10)]
[Export("artifacts/mnist-cnn")]
public sealed partial class MnistPipeline
{
    [Ingest] private static IReadOnlyList<Digit> Load() => MnistDigits.Load();

    /// <summary><c>--data</c>: a folder of class folders 0-9 holding digit images, or a CSV of 784 grey levels and the digit.</summary>
    [ReadData]
    private static IReadOnlyList<Digit> Read(string path) =>
        Directory.Exists(path) ? DigitImages.Read(path) : CsvFile.Read<Digit>(path, new CsvOptions { HasHeader = false });
}
