using SkiaSharp;

namespace MlDsl.Tests.Data.Files;

/// <summary>Writes small images with known pixels for the file-reading tests.</summary>
internal static class TestImages
{
    /// <summary>
    /// Encodes the image in the format its extension names (.png, .jpg/.jpeg, .webp; JPEG and WebP at quality 100),
    /// so a test that names a format really reads that format: the readers pick their decoder from the content.
    /// </summary>
    public static string Write(string path, int height, int width, Func<int, int, SKColor> colourAt)
    {
        SKEncodedImageFormat format = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => SKEncodedImageFormat.Png,
            ".jpg" or ".jpeg" => SKEncodedImageFormat.Jpeg,
            ".webp" => SKEncodedImageFormat.Webp,
            _ => throw new ArgumentException($"{path}: TestImages writes .png, .jpg, .jpeg or .webp files", nameof(path)),
        };
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
