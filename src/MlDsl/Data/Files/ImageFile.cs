using SkiaSharp;

namespace MlDsl.Data.Files;

/// <summary>
/// Reads PNG, JPEG and BMP files (and the other formats Skia decodes, such as GIF and WebP) into
/// feature arrays laid out <c>[C, H, W]</c> with values in [0, 1], ready for a
/// <c>[Feature, Shape(C, H, W)] float[]</c> member.
/// </summary>
public static class ImageFile
{
    /// <summary>
    /// One channel of luma (0.299 R + 0.587 G + 0.114 B, ITU-R BT.601, as PIL's "L" mode), shape
    /// <c>[1, height, width]</c>. An image of another size is resized to <paramref name="height"/> ×
    /// <paramref name="width"/> with bilinear filtering and mipmaps (stretched: the aspect ratio is not kept).
    /// Alpha is dropped and EXIF orientation is not applied.
    /// </summary>
    /// <exception cref="ImageFormatException">The file is missing, cannot be decoded, or its header declares more pixels than <see cref="ImageLimits.MaxPixels"/> or than the file can hold (checked before decoding).</exception>
    public static float[] ReadGrayscale(string path, int height, int width)
    {
        using SKBitmap bitmap = Load(path, height, width);
        ReadOnlySpan<byte> pixels = bitmap.GetPixelSpan();
        var values = new float[height * width];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int at = y * bitmap.RowBytes + x * 4;
                values[y * width + x] = (0.299f * pixels[at] + 0.587f * pixels[at + 1] + 0.114f * pixels[at + 2]) / 255f;
            }
        return values;
    }

    /// <summary>
    /// Red, green and blue channels, shape <c>[3, height, width]</c>. An image of another size is
    /// resized to <paramref name="height"/> × <paramref name="width"/> with bilinear filtering and mipmaps
    /// (stretched: the aspect ratio is not kept). Alpha is dropped and EXIF orientation is not applied.
    /// </summary>
    /// <exception cref="ImageFormatException">The file is missing, cannot be decoded, or its header declares more pixels than <see cref="ImageLimits.MaxPixels"/> or than the file can hold (checked before decoding).</exception>
    public static float[] ReadRgb(string path, int height, int width)
    {
        using SKBitmap bitmap = Load(path, height, width);
        ReadOnlySpan<byte> pixels = bitmap.GetPixelSpan();
        int plane = height * width;
        var values = new float[3 * plane];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int at = y * bitmap.RowBytes + x * 4;
                for (int channel = 0; channel < 3; channel++) values[channel * plane + y * width + x] = pixels[at + channel] / 255f;
            }
        return values;
    }

    /// <summary>
    /// Writes grey levels in [0, 1] (row-major, <paramref name="height"/> × <paramref name="width"/>) as an
    /// 8-bit PNG that <see cref="ReadGrayscale"/> reads back to within 1/255; values outside [0, 1] are clipped.
    /// </summary>
    public static void WriteGrayscalePng(string path, ReadOnlySpan<float> values, int height, int width)
    {
        if (values.Length != height * width)
            throw new ArgumentException($"{path}: {values.Length} grey levels for a {height}x{width} image (expected {height * width})", nameof(values));
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        Span<byte> pixels = bitmap.GetPixelSpan();
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                pixels[y * bitmap.RowBytes + x] = (byte)Math.Round(Math.Clamp(values[y * width + x], 0f, 1f) * 255f);
        using SKData encoded = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        MlDsl.Persistence.AtomicFile.WriteAllBytes(path, encoded.AsSpan());
    }

    private static SKBitmap Load(string path, int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (!File.Exists(path)) throw new ImageFormatException(path, "no such file");

        using SKCodec? codec = SKCodec.Create(path, out SKCodecResult opened);
        if (codec is null) throw new ImageFormatException(path, $"cannot be decoded ({opened}); expected a PNG, JPEG or BMP image");
        ImageLimits.Check(path, codec, new FileInfo(path).Length);
        // Unpremultiplied, so a half-transparent pixel keeps its colour instead of being darkened.
        var decodedInfo = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var decoded = new SKBitmap(decodedInfo);
        SKCodecResult result = codec.GetPixels(decodedInfo, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            decoded.Dispose();
            throw new ImageFormatException(path, $"{codec.EncodedFormat} image of {codec.Info.Width}x{codec.Info.Height} could not be decoded ({result}); the file may be truncated or damaged");
        }
        if (decoded.Width == width && decoded.Height == height) return decoded;

        using (decoded)
        {
            // Mipmaps keep a large downscale from aliasing; plain bilinear would skip most source pixels.
            return decoded.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
                ?? throw new ImageFormatException(path, $"could not be resized from {decoded.Width}x{decoded.Height} to {width}x{height}");
        }
    }
}
