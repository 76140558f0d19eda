using System.Buffers.Binary;
using System.Text;

namespace MlDsl.Persistence;

/// <summary>
/// Reads a model file's bytes, trusting no declared size: every length and count is checked against
/// the bytes that remain (and the caller's limit) before anything is allocated, integers cannot
/// overflow, and every problem becomes a <see cref="ModelFileException"/> naming the file and the byte offset.
/// </summary>
internal ref struct BoundedReader(ReadOnlySpan<byte> bytes, string path, int origin = 0)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);
    private readonly ReadOnlySpan<byte> bytes = bytes;
    private int position;

    /// <summary>The offset in the file of the next byte to read.</summary>
    public readonly int Offset => origin + position;

    public readonly int Remaining => bytes.Length - position;

    public readonly ModelFileException Malformed(string problem) => new(path, $"at byte {Offset}: {problem}");

    /// <summary>A string as .NET's BinaryWriter writes it: a 7-bit encoded byte count, then UTF-8.</summary>
    public string ReadString(string what, int maxBytes)
    {
        int start = Offset;
        long length = ReadVarint(what + "'s length", maxBytesOfEncoding: 5);
        if (length > maxBytes) throw new ModelFileException(path, $"at byte {start}: {what} declares {length} bytes; at most {maxBytes} are allowed");
        ReadOnlySpan<byte> text = Take((int)length, what);
        try
        {
            return StrictUtf8.GetString(text);
        }
        catch (DecoderFallbackException)
        {
            throw new ModelFileException(path, $"at byte {start}: {what} is not valid UTF-8");
        }
    }

    /// <summary>A little-endian 32-bit integer.</summary>
    public int ReadInt32(string what) => BinaryPrimitives.ReadInt32LittleEndian(Take(4, what));

    /// <summary>
    /// An unsigned LEB128 integer (TorchSharp's encoding of counts, types and dimensions), at most
    /// <paramref name="maxBytesOfEncoding"/> bytes long and never above <see cref="long.MaxValue"/>.
    /// </summary>
    public long ReadVarint(string what, int maxBytesOfEncoding = 10)
    {
        int start = Offset;
        ulong value = 0;
        for (int shift = 0, count = 0; ; shift += 7, count++)
        {
            if (count == maxBytesOfEncoding) throw new ModelFileException(path, $"at byte {start}: {what} is encoded in more than {maxBytesOfEncoding} bytes");
            byte next = Take(1, what)[0];
            ulong bits = (ulong)(next & 0x7F);
            if (shift == 63 && bits > 1 || shift > 63) throw new ModelFileException(path, $"at byte {start}: {what} does not fit in 64 bits");
            value |= bits << shift;
            if ((next & 0x80) == 0) break;
        }
        if (value > long.MaxValue) throw new ModelFileException(path, $"at byte {start}: {what} is {value}, beyond any size");
        return (long)value;
    }

    /// <summary>The next <paramref name="count"/> bytes, refused when fewer remain.</summary>
    public ReadOnlySpan<byte> Take(long count, string what)
    {
        if (count < 0 || count > Remaining)
            throw new ModelFileException(path, $"at byte {Offset}: {what} needs {count} bytes but only {Remaining} remain: the file is truncated or damaged");
        ReadOnlySpan<byte> taken = bytes.Slice(position, (int)count);
        position += (int)count;
        return taken;
    }
}
