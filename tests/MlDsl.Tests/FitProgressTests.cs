using MlDsl.Training;

namespace MlDsl.Tests;

/// <summary>Fit's own progress display, Keras's <c>verbose</c>: silent, a bar on one line, or a line per epoch, never wider than 80 columns.</summary>
public sealed class FitProgressTests
{
    private static FitOptions Options(int verbose, TextWriter writer) =>
        new() { Epochs = 3, BatchSize = 16, LearningRate = 1e-2, Seed = 5, Verbose = verbose, ProgressWriter = writer };

    // What a terminal shows: each carriage return starts the line over, each newline ends one.
    private static IEnumerable<string> Segments(string written) => written.Split('\n').SelectMany(line => line.Split('\r'));

    [Fact]
    public void Verbose_2_writes_one_line_per_epoch_with_loss_accuracy_validation_and_time_and_OnEpoch_still_runs()
    {
        List<Point> train = SyntheticData.Points(100, seed: 1), validation = SyntheticData.Points(40, seed: 2);
        using var model = new PointMlp(seed: 2);
        var writer = new StringWriter();
        var seen = new List<EpochReport>();

        FitReport report = model.Fit(train, validation, Options(verbose: 2, writer) with { OnEpoch = seen.Add });

        string[] lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(3, seen.Count);
        Assert.DoesNotContain('\r', writer.ToString());
        for (int epoch = 1; epoch <= 3; epoch++)
        {
            string line = lines[epoch - 1];
            EpochReport measured = report.Epochs[epoch - 1];
            Assert.StartsWith($"epoch {epoch}/3  loss {measured.TrainLoss.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)}", line);
            Assert.Contains($"acc {measured.TrainAccuracy.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)}", line);
            Assert.Contains($"val_loss {measured.Validation!.Loss.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)}", line);
            Assert.Contains("val_acc ", line);
            Assert.Matches(@"  \d+\.\ds$", line);
            Assert.True(line.Length <= 80, $"{line.Length} columns: {line}");
        }
    }

    [Fact]
    public void Verbose_1_draws_a_bar_redrawn_in_place_that_fits_80_columns_and_ends_each_epoch_with_its_line()
    {
        List<Point> train = SyntheticData.Points(200, seed: 1);
        using var model = new PointMlp(seed: 2);
        var writer = new StringWriter();
        var steps = new List<BatchProgress>();

        model.Fit(train, options: Options(verbose: 1, writer) with { OnBatch = steps.Add });

        string written = writer.ToString();
        Assert.Equal(3 * 13, steps.Count); // 200 rows in batches of 16: 13 steps an epoch, the caller's callback still sees each
        Assert.Contains('\r', written);
        Assert.Contains("[", written);
        Assert.Contains("13/13  loss ", written);
        Assert.All(Segments(written), segment => Assert.True(segment.TrimEnd().Length <= 80, $"{segment.Length} columns: {segment}"));
        string[] epochLines = written.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\r')[^1].TrimEnd()).ToArray();
        Assert.Equal(new[] { "epoch 1/3", "epoch 2/3", "epoch 3/3" }, epochLines.Select(line => line.Split("  ")[0]));
    }

    [Fact]
    public void Verbose_0_writes_nothing()
    {
        using var model = new PointMlp(seed: 2);
        var writer = new StringWriter();
        var seen = new List<EpochReport>();

        model.Fit(SyntheticData.Points(100, seed: 1), options: Options(verbose: 0, writer) with { OnEpoch = seen.Add });

        Assert.Equal("", writer.ToString());
        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public void A_writer_without_Verbose_gets_lines_not_a_bar()
    {
        using var model = new PointMlp(seed: 2);
        var writer = new StringWriter();

        model.Fit(SyntheticData.Points(100, seed: 1), options: Options(verbose: 0, writer) with { Verbose = null });

        Assert.Equal(3, writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain('\r', writer.ToString());
    }

    [Fact]
    public void Regression_epochs_show_MAE_and_extreme_numbers_still_fit_80_columns()
    {
        var validation = new Evaluation(123456789.0, double.NaN, 10) { MeanAbsoluteError = 98765.4321 };
        var report = new EpochReport(1234, 10000, 99999999.5, double.NaN, validation, TimeSpan.FromHours(30)) { TrainMeanAbsoluteError = 0.001234 };

        string line = FitProgress.EpochLine(report);

        Assert.StartsWith("epoch 1234/10000  loss 1E+08  MAE 0.0012  val_loss 1.235E+08  val_MAE 9.877E+04", line);
        Assert.True(line.Length <= 80, line);
        var bar = FitProgress.BarLine(new BatchProgress(1234, 5, 123456789, 80, 1.5e30), TimeSpan.FromSeconds(2));
        Assert.True(bar.Length <= 80, bar);
        Assert.Contains("5/123456789", bar);
    }

    [Fact]
    public void Verbose_outside_0_to_2_is_refused()
    {
        using var model = new PointMlp(seed: 2);
        var problem = Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(SyntheticData.Points(10, seed: 1), options: new FitOptions { Verbose = 3 }));
        Assert.Equal("Verbose", problem.ParamName);
    }
}
