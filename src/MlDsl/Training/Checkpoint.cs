using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Training;

/// <summary>
/// Everything needed to continue a run after its last finished epoch: the weights, the optimizer's
/// state and the epoch reports so far. Written to a temporary folder and renamed, so a crash never
/// leaves half a checkpoint.
/// </summary>
internal static class Checkpoint
{
    private const string Weights = "weights.bin", OptimizerState = "optimizer.bin", Progress = "progress.json";

    public static void Save(string directory, nn.Module model, TorchSharp.Modules.OptimizerHelper optimizer, IReadOnlyList<EpochReport> reports)
    {
        string temporary = directory.TrimEnd('/', '\\') + ".tmp";
        if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
        Directory.CreateDirectory(temporary);
        model.save(Path.Combine(temporary, Weights));
        optimizer.save_state_dict(Path.Combine(temporary, OptimizerState));
        File.WriteAllText(Path.Combine(temporary, Progress), JsonSerializer.Serialize(reports.Select(SavedEpoch.From).ToArray()));

        string previous = directory.TrimEnd('/', '\\') + ".old";
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        if (Directory.Exists(directory)) Directory.Move(directory, previous);
        Directory.Move(temporary, directory);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
    }

    public static bool Exists(string directory) => File.Exists(Path.Combine(directory, Progress));

    /// <summary>Restores the weights and optimizer state; returns the finished epochs' reports.</summary>
    public static List<EpochReport> Load(string directory, nn.Module model, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        model.load(Path.Combine(directory, Weights));
        optimizer.load_state_dict(Path.Combine(directory, OptimizerState));
        SavedEpoch[] epochs = JsonSerializer.Deserialize<SavedEpoch[]>(File.ReadAllText(Path.Combine(directory, Progress)))
            ?? throw new InvalidDataException($"{directory}: {Progress} is empty");
        return epochs.Select(epoch => epoch.ToReport()).ToList();
    }

    // NaN does not survive JSON, so scores a run did not measure are stored as null.
    private sealed record SavedEpoch(int Epoch, int Epochs, double TrainLoss, double? TrainAccuracy, double? ValidationLoss, double? ValidationAccuracy, int ValidationCount, double Seconds, double? LearningRate,
        double? TrainMeanAbsoluteError = null, double? ValidationMeanAbsoluteError = null)
    {
        public static SavedEpoch From(EpochReport report) => new(report.Epoch, report.Epochs, report.TrainLoss, Known(report.TrainAccuracy),
            report.Validation?.Loss, Known(report.Validation?.Accuracy), report.Validation?.Count ?? 0, report.Duration.TotalSeconds, Known(report.LearningRate),
            Known(report.TrainMeanAbsoluteError), Known(report.Validation?.MeanAbsoluteError));

        public EpochReport ToReport() => new(Epoch, Epochs, TrainLoss, TrainAccuracy ?? double.NaN,
            ValidationLoss is { } loss
                ? new Evaluation(loss, ValidationAccuracy ?? double.NaN, ValidationCount) { MeanAbsoluteError = ValidationMeanAbsoluteError ?? double.NaN }
                : null,
            TimeSpan.FromSeconds(Seconds), LearningRate ?? double.NaN)
        {
            TrainMeanAbsoluteError = TrainMeanAbsoluteError ?? double.NaN,
        };

        private static double? Known(double? value) => value is { } number && double.IsFinite(number) ? number : null;
    }
}
