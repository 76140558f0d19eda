using MlDsl.Tests.Adversarial.SetH;

namespace MlDsl.Tests.Data.Files;

/// <summary>
/// Encodes palette PNGs (colour type 3) by hand at any bit depth, with any scanline filter and with or without Adam7
/// interlacing, and gives the colours they must decode to, so a decoder is compared with a reference that owes it nothing.
/// </summary>
internal static class PalettePng
{
    private static readonly (int X0, int Y0, int Dx, int Dy)[] Adam7 =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    /// <summary><paramref name="count"/> colours, all different.</summary>
    public static (byte R, byte G, byte B)[] Colours(int count) =>
        Enumerable.Range(0, count).Select(k => ((byte)(k * 37 % 256), (byte)((k * 91 + 13) % 256), (byte)(255 - k * 53 % 256))).ToArray();

    /// <summary>
    /// The filtered scanlines of <paramref name="indices"/> (rows of palette indices), each led by its filter byte: the
    /// filter of the n-th scanline written is <paramref name="filterOfScanline"/>(n). With <paramref name="fillerBitsSet"/>
    /// the bits that pad a row to a whole byte are ones (PNG leaves them unspecified).
    /// </summary>
    public static byte[] Scanlines(int[,] indices, int depth, bool interlaced, Func<int, byte> filterOfScanline, bool fillerBitsSet = false)
    {
        int height = indices.GetLength(0), width = indices.GetLength(1), scanline = 0;
        var output = new List<byte>();
        foreach (var (x0, y0, dx, dy) in interlaced ? Adam7 : [(0, 0, 1, 1)])
        {
            int columns = width > x0 ? (width - x0 + dx - 1) / dx : 0, rows = height > y0 ? (height - y0 + dy - 1) / dy : 0;
            if (columns == 0 || rows == 0) continue;
            int rowBytes = (columns * depth + 7) / 8;
            var prior = new byte[rowBytes];
            for (int row = 0; row < rows; row++)
            {
                var raw = new byte[rowBytes];
                if (fillerBitsSet) raw[^1] = 0xFF;
                for (int column = 0; column < columns; column++)
                {
                    int bit = column * depth, shift = 8 - depth - bit % 8;
                    raw[bit / 8] = (byte)(raw[bit / 8] & ~(((1 << depth) - 1) << shift) | indices[y0 + row * dy, x0 + column * dx] << shift);
                }
                byte filter = filterOfScanline(scanline++);
                output.Add(filter);
                output.AddRange(Filter(filter, raw, prior));
                prior = raw;
            }
        }
        return output.ToArray();
    }

    /// <summary>A whole palette PNG of <paramref name="indices"/>.</summary>
    public static byte[] Encode(int[,] indices, int depth, (byte R, byte G, byte B)[] colours, bool interlaced = false, Func<int, byte>? filterOfScanline = null) =>
        new PngBytes().Header(indices.GetLength(1), indices.GetLength(0), (byte)depth, 3, interlace: (byte)(interlaced ? 1 : 0))
            .Palette(colours).Data(Scanlines(indices, depth, interlaced, filterOfScanline ?? (_ => 0))).End().ToArray();

    /// <summary>What <c>ImageFile.ReadRgb</c> must give: the indexed colours, laid out [C, H, W] in [0, 1].</summary>
    public static float[] Rgb(int[,] indices, (byte R, byte G, byte B)[] colours)
    {
        int height = indices.GetLength(0), width = indices.GetLength(1), plane = height * width;
        var rgb = new float[3 * plane];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                var (r, g, b) = colours[indices[y, x]];
                rgb[y * width + x] = r / 255f;
                rgb[plane + y * width + x] = g / 255f;
                rgb[2 * plane + y * width + x] = b / 255f;
            }
        return rgb;
    }

    // The encoder's side of section 9 of the PNG specification; a palette pixel is one byte or less, so "left" is the byte before.
    private static byte[] Filter(byte filter, byte[] raw, byte[] prior)
    {
        var filtered = new byte[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            int left = i > 0 ? raw[i - 1] : 0, up = prior[i], upLeft = i > 0 ? prior[i - 1] : 0;
            int predicted = filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => PaethPredictor(left, up, upLeft),
                _ => 0, // an undefined filter: the bytes are written raw, for tests of its refusal
            };
            filtered[i] = unchecked((byte)(raw[i] - predicted));
        }
        return filtered;
    }

    private static int PaethPredictor(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc) return a;
        return pb <= pc ? b : c;
    }
}
