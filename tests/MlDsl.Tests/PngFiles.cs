using SkiaSharp;

namespace MlDsl.Tests;

/// <summary>Checks a written figure by decoding it, not by its file size: a blank or wrongly sized PNG fails.</summary>
internal static class PngFiles
{
    /// <summary>
    /// Asserts <paramref name="path"/> is a PNG of <paramref name="width"/> × <paramref name="height"/> pixels
    /// that shows something: its commonest colour (the background) covers less than 95% of it and it has at
    /// least <paramref name="minimumColours"/> distinct colours (a blank canvas has one, axes and text alone a few dozen).
    /// </summary>
    public static void AssertPicture(string path, int width, int height, int minimumColours)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        using SKCodec? codec = SKCodec.Create(path);
        Assert.True(codec is not null, $"{path} cannot be decoded");
        Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
        using SKBitmap bitmap = SKBitmap.Decode(codec);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));

        Dictionary<SKColor, int> counts = bitmap.Pixels.GroupBy(pixel => pixel).ToDictionary(group => group.Key, group => group.Count());
        double background = (double)counts.Values.Max() / bitmap.Pixels.Length;
        Assert.True(background < 0.95 && counts.Count >= minimumColours,
            $"{Path.GetFileName(path)} looks blank: {counts.Count} colours, the commonest covering {background:P1} (expected at least {minimumColours} colours, background under 95%)");
    }
}
