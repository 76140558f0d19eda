using System.Globalization;

namespace MlDsl.Training;

/// <summary>
/// The options that decide a run's trajectory, saved with every checkpoint: resuming under another seed, batch size,
/// learning rate, weight decay, momentum or schedule would silently splice two different runs into one model. The
/// epoch count is left out (a run may be resumed to train longer) and the optimizer's kind is checked by its saved state.
/// </summary>
internal sealed record CheckpointRun(long Seed, int BatchSize, string LearningRate, string WeightDecay, string Momentum, string Schedule)
{
    public static CheckpointRun Of(FitOptions options) => new(options.Seed, options.BatchSize, Exact(options.LearningRate),
        Exact(options.WeightDecay), Exact(options.Momentum), options.Schedule?.ToString() ?? "constant");

    /// <summary>Each option that differs, as "Seed 42 (this run: 7)"; empty when the runs agree.</summary>
    public IReadOnlyList<string> Differences(CheckpointRun now)
    {
        var differences = new List<string>();
        void Compare(string option, object saved, object current)
        {
            if (!Equals(saved, current)) differences.Add($"{option} {saved} (this run: {current})");
        }
        Compare(nameof(Seed), Seed, now.Seed);
        Compare(nameof(BatchSize), BatchSize, now.BatchSize);
        Compare(nameof(LearningRate), LearningRate, now.LearningRate);
        Compare(nameof(WeightDecay), WeightDecay, now.WeightDecay);
        Compare(nameof(Momentum), Momentum, now.Momentum);
        Compare(nameof(Schedule), Schedule, now.Schedule);
        return differences;
    }

    // Doubles as round-trip text: JSON numbers would do, but a string compares exactly and reads the same in a message.
    private static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
