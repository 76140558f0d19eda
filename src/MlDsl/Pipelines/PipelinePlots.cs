using MlDsl.Analysis;
using MlDsl.Training;
using ScottPlot;

namespace MlDsl.Pipelines;

/// <summary>The pictures a person would rather look at than a table: learning curves, confusion matrix, accuracy per slice.</summary>
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

    private static string Save(Plot plot, string directory, string file)
    {
        string path = Path.Combine(directory, file);
        plot.SavePng(path, 800, 500);
        return path;
    }
}
