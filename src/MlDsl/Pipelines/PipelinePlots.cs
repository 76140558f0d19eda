using MlDsl.Analysis;
using MlDsl.Data;
using MlDsl.Training;
using ScottPlot;
using TorchSharp;

namespace MlDsl.Pipelines;

/// <summary>The pictures a person would rather look at than a table: learning curves, confusion matrix, precision-recall, reliability, accuracy per slice, spectrograms.</summary>
internal static class PipelinePlots
{
    public static string LearningCurves(FitReport report, string directory)
    {
        var plot = new Plot();
        double[] epochs = report.Epochs.Select(epoch => (double)epoch.Epoch).ToArray();
        plot.Add.Scatter(epochs, report.Epochs.Select(epoch => epoch.TrainLoss).ToArray()).LegendText = "training loss";
        if (report.Epochs.All(epoch => epoch.Validation is not null))
            plot.Add.Scatter(epochs, report.Epochs.Select(epoch => epoch.Validation!.Loss).ToArray()).LegendText = "validation loss";
        plot.Title("Learning curves");
        plot.XLabel("epoch");
        plot.YLabel("loss");
        plot.ShowLegend();
        return Save(plot, directory, "learning-curves.png");
    }

    public static string Confusion(ClassificationReport report, string directory)
    {
        int classes = report.Classes.Count;
        var values = new double[classes, classes];
        for (int actual = 0; actual < classes; actual++)
            for (int predicted = 0; predicted < classes; predicted++)
                values[actual, predicted] = report.Confusion[actual, predicted];
        var plot = new Plot();
        plot.Add.Heatmap(values);
        for (int actual = 0; actual < classes; actual++)
            for (int predicted = 0; predicted < classes; predicted++)
                plot.Add.Text(report.Confusion[actual, predicted].ToString(), predicted, classes - 1 - actual);
        string[] names = report.Classes.Select(metrics => metrics.Name).ToArray();
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, classes).Select(i => (double)i).ToArray(), names);
        plot.Axes.Left.SetTicks(Enumerable.Range(0, classes).Select(i => (double)(classes - 1 - i)).ToArray(), names);
        plot.Title("Confusion matrix (rows: actual, columns: predicted)");
        return Save(plot, directory, "confusion.png");
    }

    /// <summary>The positive class's precision against recall, with the average precision in the title; null without the curve (not binary, or no probabilities).</summary>
    public static string? PrecisionRecall(ClassificationReport report, string directory)
    {
        if (report.PrecisionRecall is not { } curve) return null;
        var plot = new Plot();
        plot.Add.Scatter(curve.Recall, curve.Precision).ConnectStyle = ConnectStyle.StepVertical;
        plot.Axes.SetLimits(0, 1, 0, 1.05);
        plot.Title($"Precision-recall curve (average precision {curve.AveragePrecision:F3})");
        plot.XLabel("recall");
        plot.YLabel("precision");
        return Save(plot, directory, "precision-recall.png");
    }

    /// <summary>The reliability diagram: per confidence bin, the share right against the mean confidence, beside the diagonal of perfect calibration.</summary>
    public static string? Reliability(ClassificationReport report, string directory)
    {
        if (report.Calibration is not { } curve || curve.Counts.Length == 0) return null;
        var plot = new Plot();
        plot.Add.Line(0, 0, 1, 1).LegendText = "perfectly calibrated";
        plot.Add.Scatter(curve.MeanConfidence, curve.FractionRight).LegendText = "model";
        plot.Axes.SetLimits(0, 1, 0, 1);
        bool binary = report.Classes.Count == 2;
        plot.Title($"Reliability (expected calibration error {curve.ExpectedCalibrationError:F3})");
        plot.XLabel(binary ? "mean predicted probability of the positive class" : "mean confidence of the predicted class");
        plot.YLabel(binary ? "fraction positive" : "fraction right");
        plot.ShowLegend();
        return Save(plot, directory, "reliability.png");
    }

    public static string? Slices(IEvaluationReport report, string directory)
    {
        IReadOnlyList<SliceScore> slices = report.SliceScores;
        if (slices.Count == 0) return null;
        bool share = slices[0].HigherIsBetter;
        string metric = slices[0].Metric.Replace('_', ' ');
        var plot = new Plot();
        plot.Add.Bars(slices.Select(slice => share ? slice.Score * 100 : slice.Score).ToArray());
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, slices.Count).Select(i => (double)i).ToArray(),
            slices.Select(slice => $"{slice.Slice}={slice.Value}").ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.YLabel(share ? $"{metric} (%)" : metric);
        plot.Title($"{char.ToUpperInvariant(metric[0])}{metric[1..]} per slice");
        return Save(plot, directory, "slices.png");
    }

    /// <summary>
    /// One heatmap per example row of what the model's audio front end makes of it (time across, low
    /// frequencies at the bottom), in a grid of two columns; null when the model has no audio front end.
    /// </summary>
    public static string? Spectrograms<TRow>(torch.nn.Module model, IReadOnlyList<TRow> rows, IReadOnlyList<string>? classNames, string directory)
        where TRow : ITensorRow<TRow>
    {
        if (rows.Count == 0 || AudioFrontEnd.Find(model) is not { } frontEnd) return null;
        IReadOnlyList<(int Row, string Title)> examples = SpectrogramExamples.Pick(rows, classNames);
        double[][,] features = frontEnd.Features(examples.Select(example => rows[example.Row]).ToList());
        Plot[] plots = examples.Select((example, i) => Spectrogram(features[i], example.Title, frontEnd.BinLabel)).ToArray();
        int columns = Math.Min(2, plots.Length), gridRows = (plots.Length + columns - 1) / columns;
        var figure = new Multiplot(plots[0]) { Layout = new ScottPlot.MultiplotLayouts.Grid(gridRows, columns) };
        foreach (Plot plot in plots.Skip(1)) figure.AddPlot(plot);
        string path = Path.Combine(directory, "spectrograms.png");
        MlDsl.Persistence.AtomicFile.Write(path, temporary => figure.SavePng(temporary, 1000, 300 * gridRows));
        return path;
    }

    private static Plot Spectrogram(double[,] features, string title, string binLabel)
    {
        int bins = features.GetLength(0), frames = features.GetLength(1);
        // Heatmaps draw their first row at the top; bin 0 (the lowest frequency) belongs at the bottom.
        var upright = new double[bins, frames];
        for (int bin = 0; bin < bins; bin++)
            for (int frame = 0; frame < frames; frame++)
                upright[bins - 1 - bin, frame] = features[bin, frame];
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(upright);
        heatmap.Extent = new CoordinateRect(0, frames, 0, bins);
        plot.Add.ColorBar(heatmap);
        plot.Axes.Margins(0, 0);
        plot.Title(title);
        plot.XLabel("frame");
        plot.YLabel(binLabel);
        return plot;
    }

    private static string Save(Plot plot, string directory, string file)
    {
        string path = Path.Combine(directory, file);
        MlDsl.Persistence.AtomicFile.Write(path, temporary => plot.SavePng(temporary, 800, 500));
        return path;
    }
}
