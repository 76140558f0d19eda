using SkiaSharp;

namespace MlDsl.Tests;

/// <summary>Checks a written figure by decoding it, not by its file size: a blank or wrongly sized PNG fails.</summary>
internal static class PngFiles
{
    /// <summary>
    /// Asserts <paramref name="path"/> is a PNG of <paramref name="width"/> × <paramref name="height"/> pixels
    /// that shows data, not just a frame: at least <paramref name="minimumColouredShare"/> of its pixels are
    /// coloured (their largest and smallest channel differ by more than 40 of 255). Axes, ticks, titles and
    /// the background are grey; lines, bars and heatmaps are drawn in colour.
    /// </summary>
    public static void AssertPicture(string path, int width, int height, double minimumColouredShare)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        using SKCodec? codec = SKCodec.Create(path);
        Assert.True(codec is not null, $"{path} cannot be decoded");
        Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
        using SKBitmap bitmap = SKBitmap.Decode(codec);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));

        double coloured = bitmap.Pixels.Count(pixel => Math.Max(pixel.Red, Math.Max(pixel.Green, pixel.Blue)) - Math.Min(pixel.Red, Math.Min(pixel.Green, pixel.Blue)) > 40)
            / (double)bitmap.Pixels.Length;
        Assert.True(coloured >= minimumColouredShare,
            $"{Path.GetFileName(path)} shows no data: {coloured:P2} of its pixels are coloured (expected at least {minimumColouredShare:P2})");
    }
}
