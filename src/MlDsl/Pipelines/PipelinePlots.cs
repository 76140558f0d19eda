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
        plot.YLabel("cross-entropy");
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

    public static string? Slices(ClassificationReport report, string directory)
    {
        if (report.Slices.Count == 0) return null;
        var plot = new Plot();
        plot.Add.Bars(report.Slices.Select(slice => slice.Accuracy * 100).ToArray());
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, report.Slices.Count).Select(i => (double)i).ToArray(),
            report.Slices.Select(slice => $"{slice.Slice}={slice.Value}").ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.YLabel("accuracy (%)");
        plot.Title("Accuracy per slice");
        return Save(plot, directory, "slices.png");
    }

    private static string Save(Plot plot, string directory, string file)
    {
        string path = Path.Combine(directory, file);
        plot.SavePng(path, 800, 500);
        return path;
    }
}
