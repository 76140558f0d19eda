using System.Diagnostics;
using System.Globalization;

namespace MlDsl.Training;

/// <summary>
/// What <c>Fit</c> prints by itself, as Keras's <c>fit(verbose=...)</c> does: nothing (0), a progress bar
/// redrawn in place on one line of an interactive terminal (1), or one line per epoch (2). Every line,
/// bar included, stays within <see cref="Width"/> columns so an 80-column terminal never wraps it.
/// </summary>
internal sealed class FitProgress
{
    /// <summary>The widest line written: one less than 80, so a terminal's last column never wraps the cursor.</summary>
    public const int Width = 79;

    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter writer;
    private readonly bool bar;
    private readonly Stopwatch sinceDrawn = new();
    private readonly Stopwatch epochClock = new();
    private int drawnWidth;

    private FitProgress(TextWriter writer, bool bar)
    {
        this.writer = writer;
        this.bar = bar;
    }

    /// <summary>The verbosity <paramref name="options"/> asks for: its own, else 1 on an interactive console and 2 otherwise.</summary>
    public static int VerbosityOf(FitOptions options) =>
        options.Verbose ?? (options.ProgressWriter is null && !Console.IsOutputRedirected ? 1 : 2);

    /// <summary><paramref name="options"/> with this progress display added to its callbacks (which keep working); unchanged when silent.</summary>
    public static FitOptions Attach(FitOptions options)
    {
        int verbosity = VerbosityOf(options);
        if (verbosity == 0) return options;
        var progress = new FitProgress(options.ProgressWriter ?? Console.Out, bar: verbosity == 1);
        Action<EpochReport>? onEpoch = options.OnEpoch;
        Action<BatchProgress>? onBatch = options.OnBatch;
        return options with
        {
            OnEpoch = report =>
            {
                progress.EpochEnded(report);
                onEpoch?.Invoke(report);
            },
            // Only the bar watches steps: a step's loss is read back from the device, which a line per epoch does not need.
            OnBatch = progress.bar || onBatch is not null
                ? batch =>
                {
                    if (progress.bar) progress.Stepped(batch);
                    onBatch?.Invoke(batch);
                }
                : null,
        };
    }

    private void Stepped(BatchProgress batch)
    {
        if (batch.Step == 1) epochClock.Restart();
        bool last = batch.Step >= batch.StepsPerEpoch;
        if (sinceDrawn.IsRunning && sinceDrawn.Elapsed < Redraw && !last && batch.Step != 1) return;
        sinceDrawn.Restart();
        string line = BarLine(batch, epochClock.Elapsed);
        writer.Write('\r' + line.PadRight(drawnWidth));
        drawnWidth = line.Length;
        writer.Flush();
    }

    private void EpochEnded(EpochReport report)
    {
        string line = EpochLine(report);
        writer.WriteLine(bar ? '\r' + line.PadRight(drawnWidth) : line);
        drawnWidth = 0;
        writer.Flush();
    }

    /// <summary>
    /// "epoch 3/10  loss 0.1234  acc 0.9710  val_loss 0.1301  val_acc 0.9650  6.1s" (MAE instead of acc for regression),
    /// at most <see cref="Width"/> columns: the time goes first, then the line is cut.
    /// </summary>
    public static string EpochLine(EpochReport report)
    {
        var fields = new List<string> { $"epoch {report.Epoch}/{report.Epochs}", $"loss {Number(report.TrainLoss)}", Score(report.Train, "") };
        if (report.Validation is { } validation)
        {
            fields.Add($"val_loss {Number(validation.Loss)}");
            fields.Add(Score(validation, "val_"));
        }
        string withoutTime = string.Join("  ", fields);
        string line = withoutTime + "  " + Seconds(report.Duration);
        return line.Length <= Width ? line : Cut(withoutTime);
    }

    /// <summary>"3/10 [=======>            ] 45/94  loss 0.2345  ETA 3s", exactly as wide as it needs and at most <see cref="Width"/> columns.</summary>
    public static string BarLine(BatchProgress batch, TimeSpan elapsed)
    {
        long steps = Math.Max(batch.StepsPerEpoch, 1);
        long step = Math.Min(batch.Step, steps);
        string head = $"{batch.Epoch} ";
        string tail = $" {step}/{steps}  loss {Number(batch.Loss)}";
        if (step < steps && step > 0)
            tail += "  ETA " + Seconds(elapsed * ((double)(steps - step) / step));
        int room = Width - head.Length - tail.Length - 2;
        if (room < 10) return Cut(head + tail);
        int barWidth = Math.Min(30, room);
        int filled = (int)(barWidth * step / steps);
        string drawn = filled >= barWidth ? new string('=', barWidth) : new string('=', filled) + ">" + new string(' ', barWidth - filled - 1);
        return head + "[" + drawn + "]" + tail;
    }

    private static string Score(Evaluation evaluation, string prefix) => double.IsNaN(evaluation.MeanAbsoluteError)
        ? $"{prefix}acc {Number(evaluation.Accuracy)}"
        : $"{prefix}MAE {Number(evaluation.MeanAbsoluteError)}";

    // Four decimals as Keras prints them while they fit; four significant digits for large or tiny values.
    private static string Number(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 1000
            ? value.ToString("0.0000", CultureInfo.InvariantCulture)
            : value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan time) => time.TotalSeconds < 100
        ? time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s"
        : Math.Round(time.TotalSeconds).ToString("0", CultureInfo.InvariantCulture) + "s";

    private static string Cut(string line) => line.Length <= Width ? line : line[..(Width - 1)] + "…";
}
