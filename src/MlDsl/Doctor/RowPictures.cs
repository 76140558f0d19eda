using MlDsl.Data;
using MlDsl.Pipelines;
using static TorchSharp.torch;

namespace MlDsl.Doctor;

/// <summary>
/// Rows drawn as the model sees them: images ([C, H, W] with 1 or 3 channels) as grayscale tiles, audio
/// through the model's own front end as spectrogram heatmaps, anything else as one heatmap of rows
/// against features.
/// </summary>
internal static class RowPictures
{
    /// <summary>Writes the picture of <paramref name="rows"/> (titled per row) to <paramref name="file"/> in <paramref name="directory"/>.</summary>
    public static string Draw<TRow>(nn.Module model, IReadOnlyList<TRow> rows, IReadOnlyList<string> titles, string directory, string file)
        where TRow : ITensorRow<TRow>
    {
        long[] shape = TRow.FeatureShape.ToArray();
        if (AudioFrontEnd.Find(model) is { } frontEnd)
            return DoctorPlots.Grid(frontEnd.Features(rows).Select(Upright).ToArray(), titles, directory, file, heatmap: true);
        using var scope = NewDisposeScope();
        Tensor features = BatchCollator.CollateFeatures(rows, 0, rows.Count).to(float64);
        if (shape is [1 or 3, >= 4, >= 4])
        {
            Tensor images = features.mean(new long[] { 1 });
            int height = (int)shape[1], width = (int)shape[2];
            var tiles = Enumerable.Range(0, rows.Count).Select(row => ToArray(images[row], height, width)).ToArray();
            return DoctorPlots.Grid(tiles, titles, directory, file);
        }
        Tensor flat = features.flatten(1);
        int columns = (int)flat.shape[1];
        var table = ToArray(flat, rows.Count, columns);
        return DoctorPlots.Table(table, titles, $"{rows.Count} rows x {columns} features, as the model sees them", directory, file);
    }

    private static double[,] ToArray(Tensor values, int height, int width)
    {
        double[] flat = values.contiguous().cpu().data<double>().ToArray();
        var result = new double[height, width];
        Buffer.BlockCopy(flat, 0, result, 0, flat.Length * sizeof(double));
        return result;
    }

    // Spectrogram bin 0 (the lowest frequency) belongs at the bottom; heatmaps draw their first row at the top.
    private static double[,] Upright(double[,] features)
    {
        int bins = features.GetLength(0), frames = features.GetLength(1);
        var upright = new double[bins, frames];
        for (int bin = 0; bin < bins; bin++)
            for (int frame = 0; frame < frames; frame++)
                upright[bins - 1 - bin, frame] = features[bin, frame];
        return upright;
    }
}
