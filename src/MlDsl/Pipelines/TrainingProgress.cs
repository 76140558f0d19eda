using System.Globalization;
using MlDsl.Training;
using Spectre.Console;

namespace MlDsl.Pipelines;

/// <summary>
/// Training progress for people: Spectre.Console bars over the epochs (with the latest loss and
/// score) and over the current epoch's batches (with the step's loss and rows per second), when the
/// output is an interactive terminal; plain epoch lines otherwise (CI, files).
/// </summary>
internal static class TrainingProgress
{
    public static FitReport Run(string title, FitOptions options, TextWriter log, Func<FitOptions, FitReport> fit)
    {
        bool interactive = ReferenceEquals(log, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        // The pipeline's own callbacks still run beside the display.
        Action<EpochReport>? onEpoch = options.OnEpoch;
        Action<BatchProgress>? onBatch = options.OnBatch;
        if (!interactive)
            return fit(options with { Verbose = 0, OnEpoch = epoch => { log.WriteLine($"  {epoch}"); onEpoch?.Invoke(epoch); } });

        FitReport? report = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(title), maxValue: options.Epochs);
                ProgressTask batches = context.AddTask("batches", maxValue: 1);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                report = fit(options with
                {
                    Verbose = 0, // the bars above are this run's progress display
                    OnBatch = batch =>
                    {
                        if (batch.Step == 1) clock.Restart();
                        batches.MaxValue = batch.StepsPerEpoch;
                        batches.Value = batch.Step;
                        double rate = batch.RowsSeen / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
                        batches.Description = string.Create(CultureInfo.InvariantCulture,
                            $"epoch {batch.Epoch}: batch {batch.Step}/{batch.StepsPerEpoch}, loss {batch.Loss:F4}, {rate:F0} rows/s");
                        onBatch?.Invoke(batch);
                    },
                    OnEpoch = epoch =>
                    {
                        task.Value = epoch.Epoch;
                        string validation = epoch.Validation is { } v ? ", " + v.Score("val ") : "";
                        task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                            $"{title}: epoch {epoch.Epoch}/{epoch.Epochs}, loss {epoch.TrainLoss:F4}, {epoch.Train.Score()}{validation}"));
                        onEpoch?.Invoke(epoch);
                    },
                });
                task.Value = task.MaxValue; // early stopping ends before the last epoch
                batches.Value = batches.MaxValue;
            });
        return report!;
    }
}
