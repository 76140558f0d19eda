using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MlDsl.Tests.Adversarial.SetI;

/// <summary>Builds WAV and PNG files byte by byte, so an attack can set any header field to any value.</summary>
internal static class CraftedBytes
{
    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(part => part).ToArray();

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    public static byte[] UInt16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return bytes;
    }

    // ---- WAV ----

    /// <summary>A RIFF chunk whose size field says <paramref name="declared"/> (the body's length unless given); <paramref name="pad"/> adds RIFF's pad byte after an odd body.</summary>
    public static byte[] Chunk(string id, byte[] body, uint? declared = null, bool pad = true) =>
        Concat(Ascii(id), UInt32(declared ?? (uint)body.Length), body, pad && body.Length % 2 == 1 ? [0] : []);

    public static byte[] FmtBody(ushort format = 1, ushort channels = 1, uint rate = 8000, ushort bits = 16, ushort? blockAlign = null) =>
        Concat(UInt16(format), UInt16(channels), UInt32(rate), UInt32(rate * (uint)(channels * bits / 8)),
            UInt16(blockAlign ?? (ushort)(channels * bits / 8)), UInt16(bits));

    public static byte[] Pcm16(params short[] samples) => samples.SelectMany(sample => UInt16(unchecked((ushort)sample))).ToArray();

    public static byte[] Riff(params byte[][] chunks)
    {
        byte[] body = Concat(chunks);
        return Concat(Ascii("RIFF"), UInt32((uint)(4 + body.Length)), Ascii("WAVE"), body);
    }

    /// <summary>A plain 16-bit mono 8 kHz WAV of <paramref name="samples"/>.</summary>
    public static byte[] Wav(params short[] samples) => Riff(Chunk("fmt ", FmtBody()), Chunk("data", Pcm16(samples)));

    // ---- PNG ----

    private static readonly byte[] PngSignature = [137, 80, 78, 71, 13, 10, 26, 10];

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        uint c = (uint)n;
        for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc(byte[] bytes)
    {
        uint c = 0xFFFFFFFFu;
        foreach (byte b in bytes) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] PngChunk(string type, byte[] data)
    {
        byte[] typed = Concat(Ascii(type), data);
        return Concat(BigEndian((uint)data.Length), typed, BigEndian(Crc(typed)));
    }

    public static byte[] Ihdr(uint width, uint height, byte bitDepth, byte colourType) =>
        PngChunk("IHDR", Concat(BigEndian(width), BigEndian(height), [bitDepth, colourType, 0, 0, 0]));

    /// <summary>The zlib stream of <paramref name="scanlines"/>, each already prefixed by its filter byte.</summary>
    public static byte[] Zlib(byte[] scanlines)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal)) zlib.Write(scanlines);
        return buffer.ToArray();
    }

    public static byte[] Png(params byte[][] chunks) => Concat(PngSignature, Concat(chunks), PngChunk("IEND", []));

    /// <summary>An 8-bit greyscale PNG of <paramref name="height"/> rows of <paramref name="width"/> pixels (filter 0 on every row).</summary>
    public static byte[] GreyPng(int width, int height, Func<int, int, byte> pixel)
    {
        var raw = new List<byte>();
        for (int y = 0; y < height; y++)
        {
            raw.Add(0);
            for (int x = 0; x < width; x++) raw.Add(pixel(x, y));
        }
        return Png(Ihdr((uint)width, (uint)height, 8, 0), PngChunk("IDAT", Zlib(raw.ToArray())));
    }
}
