using SkiaSharp;

namespace MlDsl.Tests.Data.Files;

/// <summary>Writes small images with known pixels for the file-reading tests.</summary>
internal static class TestImages
{
    public static string Write(string path, int height, int width, Func<int, int, SKColor> colourAt, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                bitmap.SetPixel(x, y, colourAt(y, x));
        using SKData encoded = bitmap.Encode(format, 100);
        File.WriteAllBytes(path, encoded.ToArray());
        return path;
    }

    public static string WriteUniform(string path, SKColor colour, int size = 4) => Write(path, size, size, (_, _) => colour);
}
