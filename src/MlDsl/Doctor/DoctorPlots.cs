using ScottPlot;

namespace MlDsl.Doctor;

/// <summary>The doctor's pictures: the range test's loss against the learning rate, and grids of rows as images or heatmaps.</summary>
internal static class DoctorPlots
{
    public static string RangeTest(RangeTestResult result, double configured, string directory)
    {
        var plot = new Plot();
        plot.Add.Scatter(result.LearningRates.Select(Math.Log10).ToArray(), result.SmoothedLosses.ToArray()).LegendText = "smoothed loss";
        plot.Add.VerticalLine(Math.Log10(result.Suggested)).LegendText = $"suggested {result.Suggested:0.0e+0}";
        plot.Add.VerticalLine(Math.Log10(configured)).LegendText = $"configured {configured:0.0e+0}";
        plot.Title("Learning-rate range test");
        plot.XLabel("log10 learning rate");
        plot.YLabel("loss");
        // The loss falls towards high rates, so the lower left corner is the one the curve leaves empty.
        plot.ShowLegend(Alignment.LowerLeft);
        return Save(plot, directory, "lr-range-test.png", 800, 500);
    }

    /// <summary>
    /// Images (as [row, column] arrays, first row at the top) in a grid, each titled; grayscale, or the
    /// default colormap with a colour bar when <paramref name="heatmap"/> (features, spectrograms).
    /// </summary>
    public static string Grid(IReadOnlyList<double[,]> images, IReadOnlyList<string> titles, string directory, string file, bool heatmap = false)
    {
        int columns = (int)Math.Ceiling(Math.Sqrt(images.Count)), rows = (images.Count + columns - 1) / columns;
        Plot[] plots = images.Select((image, i) =>
        {
            var plot = new Plot();
            var map = plot.Add.Heatmap(image);
            if (!heatmap) map.Colormap = new ScottPlot.Colormaps.Grayscale();
            else plot.Add.ColorBar(map);
            plot.Axes.Margins(0, 0);
            plot.Title(titles[i], size: 11);
            return plot;
        }).ToArray();
        var figure = new Multiplot(plots[0]) { Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns) };
        foreach (Plot plot in plots.Skip(1)) figure.AddPlot(plot);
        string path = Path.Combine(directory, file);
        Directory.CreateDirectory(directory);
        MlDsl.Persistence.AtomicFile.Write(path, temporary => figure.SavePng(temporary, heatmap ? 1000 : 200 * columns, heatmap ? 500 : 210 * rows));
        return path;
    }

    /// <summary>
    /// Rows of features as one heatmap, the first row at the top, each row's label on the left axis
    /// (a title holding every row's label would not fit).
    /// </summary>
    public static string Table(double[,] table, IReadOnlyList<string> rowLabels, string title, string directory, string file)
    {
        int rows = table.GetLength(0);
        var plot = new Plot();
        plot.Add.ColorBar(plot.Add.Heatmap(table));
        plot.Axes.Margins(0, 0);
        // The heatmap centres its cells on whole numbers: its first row (at the top) on y = rows - 1.
        double[] centres = Enumerable.Range(0, rows).Select(row => rows - 1.0 - row).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(centres, rowLabels.Take(rows).ToArray());
        plot.Title(title, size: 13);
        plot.XLabel("feature");
        return Save(plot, directory, file, 1000, 500); // the doctor pictures 16 rows by default: 500 px gives each label room
    }

    private static string Save(Plot plot, string directory, string file, int width, int height)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, file);
        MlDsl.Persistence.AtomicFile.Write(path, temporary => plot.SavePng(temporary, width, height));
        return path;
    }
}
