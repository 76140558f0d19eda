using SkiaSharp;

namespace MlDsl.Data.Files;

/// <summary>
/// Checks the size an image's header declares before any pixel buffer is allocated: a 100-byte file
/// can declare 16384 × 16384 pixels, and decoding it would allocate a gigabyte before failing.
/// </summary>
public static class ImageLimits
{
    /// <summary>The most pixels an image may declare (40 megapixels: 160 MB decoded as RGBA).</summary>
    public const long MaxPixels = 40_000_000;

    // zlib's deflate cannot expand data by more than about 1032:1, so a PNG's compressed bytes bound
    // the filtered scanlines it can hold (at least one filter byte and one bit per pixel a row).
    private const long DeflateMaxRatio = 1032;

    /// <summary>The size a caller asks an image to be read at, checked before the file is opened: the read allocates it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive, or more than <see cref="MaxPixels"/> pixels (counted without overflow).</exception>
    internal static void CheckRequested(string path, int height, int width)
    {
        if (height <= 0 || width <= 0)
            throw new ArgumentOutOfRangeException(height <= 0 ? nameof(height) : nameof(width), $"{path}: asked to read it at {height}x{width} pixels; expected a positive height and width");
        if ((long)height * width > MaxPixels)
            throw new ArgumentOutOfRangeException(nameof(height), $"{path}: asked to read it at {height}x{width} pixels ({(long)height * width:N0}); at most {MaxPixels:N0} are read");
    }

    /// <exception cref="ImageFormatException">The declared size is not positive, exceeds <see cref="MaxPixels"/>, or is more than the file can hold.</exception>
    internal static void Check(string path, SKCodec codec, long fileBytes)
    {
        long width = codec.Info.Width, height = codec.Info.Height;
        string declared = $"{codec.EncodedFormat} image declares {width}x{height} pixels";
        if (width <= 0 || height <= 0)
            throw new ImageFormatException(path, $"{declared}; expected a positive width and height");
        if (width * height > MaxPixels)
            throw new ImageFormatException(path, $"{declared} ({width * height:N0}); at most {MaxPixels:N0} are read, so the header is refused before decoding");
        if (codec.EncodedFormat == SKEncodedImageFormat.Png)
        {
            long leastScanlineBytes = height * (1 + (width + 7) / 8);
            if (leastScanlineBytes > fileBytes * DeflateMaxRatio)
                throw new ImageFormatException(path, $"{declared}, which needs at least {leastScanlineBytes:N0} bytes of scanlines, but the file's {fileBytes:N0} bytes can hold at most {fileBytes * DeflateMaxRatio:N0}; the header is damaged");
        }
    }
}
