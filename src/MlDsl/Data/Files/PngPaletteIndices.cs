using System.IO.Compression;

namespace MlDsl.Data.Files;

/// <summary>
/// Checks that every pixel of a palette PNG (colour type 3) names one of its PLTE's colours, before Skia decodes it. Skia
/// pads the palette to 2^depth entries with its last colour, so an index past the PLTE decoded as that colour: wrong
/// pixels without a word. Here the IDAT stream is inflated (System.IO.Compression's zlib, which also verifies the
/// stream's Adler-32), its scanline filters undone (PNG specification, section 9: None, Sub, Up, Average, Paeth) for bit
/// depths 1, 2, 4 and 8, row by row, plain or Adam7-interlaced, and each index compared with the palette's size.
/// </summary>
/// <remarks>
/// Memory is two scanlines, whatever the image's size. The stream must inflate to exactly the scanlines the header
/// declares (each pass's rows, each with its filter byte): fewer is a truncated file, more is refused rather than
/// inflated without a bound. The filler bits that pad a row to a whole byte are not indices and are not read.
/// </remarks>
internal static class PngPaletteIndices
{
    // Adam7's passes: the first column and row each samples, and the steps between them (PNG specification, 8.2).
    private static readonly (int X0, int Y0, int Dx, int Dy)[] Adam7 =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    private static readonly (int X0, int Y0, int Dx, int Dy)[] Progressive = [(0, 0, 1, 1)];

    /// <param name="path">The file, for errors.</param>
    /// <param name="file">The whole file, as <see cref="PngStructure.Check"/> checked it.</param>
    /// <param name="png">What that check found; a palette image whose size is within <see cref="ImageLimits"/>.</param>
    /// <exception cref="ImageFormatException">
    /// A pixel's index is not below the PLTE's colour count (naming the pixel's x and y, the index and the count); the
    /// image data is not a valid zlib stream, inflates to fewer or more bytes than the header declares, or a scanline
    /// declares a filter type PNG does not define.
    /// </exception>
    public static void Check(string path, byte[] file, PngLayout png)
    {
        using MemoryStream compressed = ImageData(file, png);
        using var inflated = new ZLibStream(compressed, CompressionMode.Decompress);
        long expected = ScanlineBytes(png), read = 0;
        try
        {
            int passNumber = 0;
            foreach (var (x0, y0, dx, dy) in png.Interlaced ? Adam7 : Progressive)
            {
                passNumber++;
                long columns = png.Width > x0 ? (png.Width - x0 + dx - 1L) / dx : 0, rows = png.Height > y0 ? (png.Height - y0 + dy - 1L) / dy : 0;
                if (columns == 0 || rows == 0) continue; // an empty pass stores nothing, not even filter bytes
                int rowBytes = (int)((columns * png.BitDepth + 7) / 8);
                // Filter byte then the row; the row above starts as zeros in every pass (specification, 9.2).
                byte[] line = new byte[1 + rowBytes], above = new byte[1 + rowBytes];
                for (long row = 0; row < rows; row++)
                {
                    int got = inflated.ReadAtLeast(line, line.Length, throwOnEndOfStream: false);
                    read += got;
                    if (got < line.Length)
                        throw new ImageFormatException(path, $"the image data (IDAT) inflates to {read:N0} bytes, but the header's {Declared(png)} needs {expected:N0}; the file is truncated or damaged");
                    long y = y0 + row * dy;
                    Unfilter(path, line, above, png.Interlaced ? $"scanline {row} of Adam7 pass {passNumber} (image row {y})" : $"scanline {row}");
                    CheckIndices(path, line, columns, png, x0, dx, y);
                    (line, above) = (above, line);
                }
            }
            if (inflated.Read(new byte[1]) > 0)
                throw new ImageFormatException(path, $"the image data (IDAT) inflates to more than the {expected:N0} bytes the header's {Declared(png)} needs; the file is damaged");
        }
        catch (InvalidDataException error)
        {
            throw new ImageFormatException(path, $"the image data (IDAT) is not a valid zlib stream ({error.Message}); the file is damaged");
        }
    }

    private static string Declared(PngLayout png) =>
        $"{png.Width}x{png.Height} {png.BitDepth}-bit palette image{(png.Interlaced ? " (Adam7)" : "")}";

    // The IDAT chunks' data, which together make one zlib stream; a single chunk (the usual file) is read in place.
    private static MemoryStream ImageData(byte[] file, PngLayout png)
    {
        if (png.ImageData.Count == 1) return new MemoryStream(file, png.ImageData[0].Offset, png.ImageData[0].Length, writable: false);
        var data = new byte[png.ImageData.Sum(chunk => (long)chunk.Length)];
        int at = 0;
        foreach (var (start, count) in png.ImageData)
        {
            file.AsSpan(start, count).CopyTo(data.AsSpan(at));
            at += count;
        }
        return new MemoryStream(data, writable: false);
    }

    private static long ScanlineBytes(PngLayout png)
    {
        long total = 0;
        foreach (var (x0, y0, dx, dy) in png.Interlaced ? Adam7 : Progressive)
        {
            long columns = png.Width > x0 ? (png.Width - x0 + dx - 1L) / dx : 0, rows = png.Height > y0 ? (png.Height - y0 + dy - 1L) / dy : 0;
            if (columns > 0 && rows > 0) total += rows * (1 + (columns * png.BitDepth + 7) / 8);
        }
        return total;
    }

    // In place over line[1..]; "above" is the row above, already unfiltered. A palette image's bytes per pixel round up
    // to 1, so "left" is always the byte before.
    private static void Unfilter(string path, byte[] line, byte[] above, string scanline)
    {
        byte filter = line[0];
        switch (filter)
        {
            case 0:
                break;
            case 1:
                for (int i = 2; i < line.Length; i++) line[i] += line[i - 1];
                break;
            case 2:
                for (int i = 1; i < line.Length; i++) line[i] += above[i];
                break;
            case 3:
                for (int i = 1; i < line.Length; i++) line[i] += (byte)(((i > 1 ? line[i - 1] : 0) + above[i]) >> 1);
                break;
            case 4:
                for (int i = 1; i < line.Length; i++) line[i] += Paeth(i > 1 ? line[i - 1] : (byte)0, above[i], i > 1 ? above[i - 1] : (byte)0);
                break;
            default:
                throw new ImageFormatException(path, $"{scanline} declares filter type {filter}; expected 0 (None), 1 (Sub), 2 (Up), 3 (Average) or 4 (Paeth)");
        }
    }

    // The neighbour closest to left + above - upper left, ties to left, then above (specification, 9.4).
    private static byte Paeth(byte left, byte above, byte upperLeft)
    {
        int estimate = left + above - upperLeft;
        int toLeft = Math.Abs(estimate - left), toAbove = Math.Abs(estimate - above), toUpperLeft = Math.Abs(estimate - upperLeft);
        return toLeft <= toAbove && toLeft <= toUpperLeft ? left : toAbove <= toUpperLeft ? above : upperLeft;
    }

    // Indices are packed from the high bits down; the filler bits after the last one are not read.
    private static void CheckIndices(string path, byte[] line, long columns, PngLayout png, int x0, int dx, long y)
    {
        int depth = png.BitDepth, mask = (1 << depth) - 1;
        for (long column = 0; column < columns; column++)
        {
            long bit = column * depth;
            int index = (line[1 + (int)(bit / 8)] >> (8 - depth - (int)(bit % 8))) & mask;
            if (index >= png.PaletteColours)
                throw new ImageFormatException(path,
                    $"pixel ({x0 + column * dx}, {y}) has palette index {index}, but the PLTE chunk holds {png.PaletteColours} colour{(png.PaletteColours == 1 ? "" : "s")}; expected an index below {png.PaletteColours}");
        }
    }
}
