using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using MlDsl.Tests.Data.Files;

namespace MlDsl.Tests.Adversarial.SetH;

/// <summary>
/// Builds PNG files by hand, chunk by chunk (any header field, any bit depth, palette, Adam7 interlacing), so the
/// reader can be attacked with files no encoder writes and fed the legal variants an encoder rarely does.
/// </summary>
internal sealed class PngBytes
{
    public static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly List<byte> bytes = [.. Signature];

    /// <summary>The IHDR chunk: <paramref name="colourType"/> 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA.</summary>
    public PngBytes Header(int width, int height, byte bitDepth, byte colourType, byte interlace = 0, byte compression = 0, byte filter = 0)
    {
        var body = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(body, width);
        BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(4), height);
        body[8] = bitDepth;
        body[9] = colourType;
        body[10] = compression;
        body[11] = filter;
        body[12] = interlace;
        return Chunk("IHDR", body);
    }

    public PngBytes Palette(params (byte R, byte G, byte B)[] colours) => Chunk("PLTE", colours.SelectMany(c => new[] { c.R, c.G, c.B }).ToArray());

    /// <summary>One IDAT holding <paramref name="scanlines"/> (each already led by its filter byte), zlib-compressed.</summary>
    public PngBytes Data(byte[] scanlines)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(scanlines);
        return Chunk("IDAT", compressed.ToArray());
    }

    public PngBytes End() => Chunk("IEND", []);

    /// <summary>A chunk with its length and CRC; <paramref name="crc"/> overrides the right one.</summary>
    public PngBytes Chunk(string type, byte[] body, uint? crc = null)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, body.Length);
        bytes.AddRange(word.ToArray());
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. body];
        bytes.AddRange(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc ?? ImageHeaderTests.Crc32(typed));
        bytes.AddRange(word.ToArray());
        return this;
    }

    public byte[] ToArray() => bytes.ToArray();

    /// <summary>Unfiltered scanlines (filter byte 0) of rows of raw bytes.</summary>
    public static byte[] Scanlines(IEnumerable<byte[]> rows) => rows.SelectMany(row => new byte[] { 0 }.Concat(row)).ToArray();

    /// <summary>An 8-bit grey image's Adam7 passes, each an unfiltered run of scanlines, as an interlaced IDAT holds them.</summary>
    public static byte[] Adam7(byte[,] grey)
    {
        int height = grey.GetLength(0), width = grey.GetLength(1);
        (int X0, int Y0, int Dx, int Dy)[] passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
        var output = new List<byte>();
        foreach (var (x0, y0, dx, dy) in passes)
        {
            if (x0 >= width || y0 >= height) continue; // an empty pass has no scanlines, not even filter bytes
            for (int y = y0; y < height; y += dy)
            {
                output.Add(0);
                for (int x = x0; x < width; x += dx) output.Add(grey[y, x]);
            }
        }
        return output.ToArray();
    }
}
