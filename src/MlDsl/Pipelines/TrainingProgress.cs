using System.Globalization;
using MlDsl.Training;
using Spectre.Console;

namespace MlDsl.Pipelines;

/// <summary>
/// Training progress for people: a Spectre.Console bar over the epochs with the latest loss and
/// accuracy, when the output is an interactive terminal; plain epoch lines otherwise (CI, files).
/// </summary>
internal static class TrainingProgress
{
    public static FitReport Run(string title, FitOptions options, TextWriter log, Func<FitOptions, FitReport> fit)
    {
        bool interactive = ReferenceEquals(log, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive)
            return fit(options with { OnEpoch = epoch => log.WriteLine($"  {epoch}") });

        FitReport? report = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(title), maxValue: options.Epochs);
                report = fit(options with
                {
                    OnEpoch = epoch =>
                    {
                        task.Value = epoch.Epoch;
                        string validation = epoch.Validation is { } v ? string.Create(CultureInfo.InvariantCulture, $", val acc {v.Accuracy * 100:F1}%") : "";
                        task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                            $"{title}: epoch {epoch.Epoch}/{epoch.Epochs}, loss {epoch.TrainLoss:F4}, acc {epoch.TrainAccuracy * 100:F1}%{validation}"));
                    },
                });
                task.Value = task.MaxValue; // early stopping ends before the last epoch
            });
        return report!;
    }
}
