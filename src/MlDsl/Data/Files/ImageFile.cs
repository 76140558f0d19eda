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
    /// <exception cref="ImageFormatException">The file is missing, cannot be decoded, or its header declares more pixels than <see cref="ImageLimits.MaxPixels"/> or than the file can hold (checked before decoding); a PNG's structure is damaged (the message names the chunk or field); a palette PNG's pixel names a colour past its PLTE (naming the pixel's x and y, the index and the palette's size), its tRNS holds more entries than the PLTE, or its image data is not a valid zlib stream of the scanlines its header declares.</exception>
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
    /// <exception cref="ImageFormatException">The file is missing, cannot be decoded, or its header declares more pixels than <see cref="ImageLimits.MaxPixels"/> or than the file can hold (checked before decoding); a PNG's structure is damaged (the message names the chunk or field); a palette PNG's pixel names a colour past its PLTE (naming the pixel's x and y, the index and the palette's size), its tRNS holds more entries than the PLTE, or its image data is not a valid zlib stream of the scanlines its header declares.</exception>
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
    /// <exception cref="ArgumentOutOfRangeException">The height or width is not positive.</exception>
    /// <exception cref="ArgumentException">The values are not <paramref name="height"/> × <paramref name="width"/> (counted without overflow), or one is NaN or infinite.</exception>
    /// <exception cref="MlDsl.Persistence.OutputPathException">A folder stands at <paramref name="path"/>, or a file where one of its parent folders goes; nothing is written.</exception>
    public static void WriteGrayscalePng(string path, ReadOnlySpan<float> values, int height, int width)
    {
        if (height <= 0 || width <= 0)
            throw new ArgumentOutOfRangeException(height <= 0 ? nameof(height) : nameof(width), $"{path}: a {height}x{width} image; expected a positive height and width");
        // In long: height * width in int wraps (65536 x 65536 is 0), and a wrapped count equal to the values' would pass.
        long count = (long)height * width;
        if (values.Length != count)
            throw new ArgumentException($"{path}: {values.Length} grey levels for a {height}x{width} image (expected {count})", nameof(values));
        // Before encoding: Math.Clamp keeps NaN, and (byte)Math.Round(NaN * 255) is 0, so a NaN would be drawn black without a word.
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i]))
                throw new ArgumentException($"{path}: grey level {i} (row {i / width}, column {i % width}) is {values[i].ToString(System.Globalization.CultureInfo.InvariantCulture)}; expected a finite value in [0, 1]", nameof(values));
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        Span<byte> pixels = bitmap.GetPixelSpan();
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                pixels[y * bitmap.RowBytes + x] = (byte)Math.Round(Math.Clamp(values[y * width + x], 0f, 1f) * 255f);
        using SKData encoded = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        // Makes the missing folders; a folder at the path (or a file where a folder goes) is an OutputPathException naming it.
        MlDsl.Persistence.AtomicFile.WriteAllBytes(path, encoded.AsSpan());
    }

    private static byte[] ReadAll(string path) =>
        MlDsl.Persistence.InputFile.ReadAllBytes(path, "an image file", (file, problem) => new ImageFormatException(file, problem));

    private static SKBitmap Load(string path, int height, int width)
    {
        ImageLimits.CheckRequested(path, height, width);
        byte[] bytes = ReadAll(path);
        PngLayout? png = PngStructure.ClaimsPng(bytes) ? PngStructure.Check(path, bytes) : null;

        // Decoded from the bytes checked above: the file is read once and cannot change in between.
        // A native memory stream: a managed stream would have Skia copy through managed buffers (megabytes for a crafted BMP).
        using SKData data = SKData.CreateCopy(bytes);
        using SKCodec? codec = SKCodec.Create(new SKMemoryStream(data), out SKCodecResult opened);
        if (codec is null)
            throw new ImageFormatException(path, $"cannot be decoded ({opened}); expected a PNG, JPEG or BMP image (the file starts with {Convert.ToHexString(bytes.AsSpan(0, Math.Min(8, bytes.Length)))})");
        ImageLimits.Check(path, codec, bytes.Length);
        // After the limits: the indices are read by inflating the pixel data, which the header's size bounds.
        if (png is { IsPalette: true }) PngPaletteIndices.Check(path, bytes, png);
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
