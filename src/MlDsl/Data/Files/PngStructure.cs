using System.Buffers.Binary;

namespace MlDsl.Data.Files;

/// <summary>
/// Checks a PNG's header and chunk layout before Skia sees it. Skia reports any header fault (a zero width, a bit depth
/// the colour type does not allow, an unknown interlace method, a damaged IHDR) as "incomplete input", which says
/// neither that the file is a PNG nor what is wrong with it; here each fault is named with the field and what PNG allows.
/// </summary>
/// <remarks>
/// Critical chunks (IHDR, PLTE, IDAT, IEND) must carry their right CRC; damaged ancillary chunks are left to the decoder,
/// which skips them as libpng does. A file that ends after its last IDAT (no IEND) still holds all its pixels and is read.
/// A palette image's PLTE must hold whole colours (1 to 256) and its tRNS no more entries than the PLTE, after it; its
/// pixels' indices are checked by <see cref="PngPaletteIndices"/> once the size is known to be within the limits.
/// </remarks>
internal static class PngStructure
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private const int HeaderBytes = 8 + 4 + 4 + 13 + 4; // signature, IHDR length and type, its 13 bytes, its CRC

    /// <summary>Whether the file claims to be a PNG: it starts with "\x89PNG" (the rest of the signature is checked).</summary>
    public static bool ClaimsPng(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature.AsSpan(0, 4));

    /// <summary>Checks a file that <see cref="ClaimsPng"/>.</summary>
    /// <returns>The header's fields, the palette's size and where the image data lies, for the pixel checks.</returns>
    /// <exception cref="ImageFormatException">The signature, the header or the chunk layout is damaged or not valid PNG; the message names the field.</exception>
    public static PngLayout Check(string path, ReadOnlySpan<byte> bytes)
    {
        // "\x89PNG" then CR LF, SUB, LF: a transfer in text mode rewrites the line ends, and the signature catches it.
        if (bytes.Length >= Signature.Length && !bytes.StartsWith(Signature))
            throw new ImageFormatException(path, $"the PNG signature is damaged ({Convert.ToHexString(bytes[..8])}; expected {Convert.ToHexString(Signature)}), as a transfer in text mode leaves it");
        if (bytes.Length < HeaderBytes)
            throw new ImageFormatException(path, $"the file ends after {bytes.Length} bytes, inside the PNG header ({HeaderBytes} bytes); the file is truncated");
        if (Type(bytes, 8) != "IHDR" || BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]) != 13)
            throw new ImageFormatException(path, $"the first chunk is '{Type(bytes, 8)}' of {BinaryPrimitives.ReadUInt32BigEndian(bytes[8..])} bytes; expected the 13-byte IHDR header");
        CheckCrc(path, bytes, 8, 13);
        ReadOnlySpan<byte> header = bytes.Slice(16, 13);
        CheckHeader(path, header);
        (int paletteColours, List<(int Offset, int Length)> imageData) = CheckChunks(path, bytes, colourType: header[9]);
        return new PngLayout(BinaryPrimitives.ReadInt32BigEndian(header), BinaryPrimitives.ReadInt32BigEndian(header[4..]),
            BitDepth: header[8], ColourType: header[9], Interlaced: header[12] == 1, paletteColours, imageData);
    }

    private static void CheckHeader(string path, ReadOnlySpan<byte> header)
    {
        uint width = BinaryPrimitives.ReadUInt32BigEndian(header), height = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        byte depth = header[8], colourType = header[9], compression = header[10], filter = header[11], interlace = header[12];
        if (width is 0 or > int.MaxValue) throw new ImageFormatException(path, $"the PNG header declares a width of {width}; expected 1 to {int.MaxValue}");
        if (height is 0 or > int.MaxValue) throw new ImageFormatException(path, $"the PNG header declares a height of {height}; expected 1 to {int.MaxValue}");
        byte[]? depths = colourType switch
        {
            0 => [1, 2, 4, 8, 16],
            2 or 4 or 6 => [8, 16],
            3 => [1, 2, 4, 8],
            _ => null,
        };
        if (depths is null)
            throw new ImageFormatException(path, $"the PNG header declares colour type {colourType}; expected 0 (grey), 2 (RGB), 3 (palette), 4 (grey and alpha) or 6 (RGBA)");
        if (!depths.Contains(depth))
            throw new ImageFormatException(path, $"the PNG header declares {depth} bits per sample for colour type {colourType} ({ColourName(colourType)}); PNG allows {string.Join(", ", depths)}");
        if (compression != 0) throw new ImageFormatException(path, $"the PNG header declares compression method {compression}; expected 0 (deflate), the only one PNG defines");
        if (filter != 0) throw new ImageFormatException(path, $"the PNG header declares filter method {filter}; expected 0, the only one PNG defines");
        if (interlace > 1) throw new ImageFormatException(path, $"the PNG header declares interlace method {interlace}; expected 0 (none) or 1 (Adam7)");
    }

    private static (int PaletteColours, List<(int Offset, int Length)> ImageData) CheckChunks(string path, ReadOnlySpan<byte> bytes, byte colourType)
    {
        bool palette = false, data = false;
        int paletteColours = 0;
        var imageData = new List<(int Offset, int Length)>();
        long position = HeaderBytes;
        while (position < bytes.Length)
        {
            int at = (int)position;
            if (bytes.Length - position < 12)
            {
                if (data) return (paletteColours, imageData); // a cut after the last IDAT loses only IEND: every pixel is there
                throw new ImageFormatException(path, $"the file ends {bytes.Length - position} bytes into a chunk header at byte {position}, before any IDAT; the file is truncated");
            }
            uint length = BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);
            string type = Type(bytes, at);
            long following = bytes.Length - position - 12;
            if (length > following)
                throw new ImageFormatException(path, $"chunk '{type}' at byte {position} declares {length} bytes but only {Math.Max(0, following)} follow; the file is truncated or damaged");
            if (char.IsAsciiLetterUpper(type[0])) CheckCrc(path, bytes, at, (int)length);
            if (type == "PLTE")
            {
                palette = true;
                paletteColours = (int)(length / 3);
                // libpng refuses a palette image's odd PLTE with "invalid"; a PLTE beside other colour types is only a hint.
                if (colourType == 3 && (length % 3 != 0 || length is 0 or > 3 * 256))
                    throw new ImageFormatException(path, $"chunk 'PLTE' at byte {position} holds {length} bytes; expected 1 to 256 colours of 3 bytes each");
            }
            else if (type == "tRNS" && colourType == 3)
            {
                // libpng ignores such a tRNS with a warning: the transparency the file declares would be dropped unsaid.
                if (!palette)
                    throw new ImageFormatException(path, $"chunk 'tRNS' at byte {position} comes before any PLTE chunk; expected the palette first for colour type 3 (palette)");
                if (length > paletteColours)
                    throw new ImageFormatException(path, $"chunk 'tRNS' at byte {position} holds {length} alpha values for a PLTE of {paletteColours} colours; expected at most one per colour");
            }
            else if (type == "IDAT")
            {
                if (colourType == 3 && !palette)
                    throw new ImageFormatException(path, $"chunk 'IDAT' at byte {position} comes before any PLTE chunk; expected the palette first for colour type 3 (palette)");
                data = true;
                imageData.Add((at + 8, (int)length));
            }
            else if (type == "IEND") break;
            position += 12 + length;
        }
        if (!data) throw new ImageFormatException(path, "no IDAT chunk; the file holds no pixel data");
        return (paletteColours, imageData);
    }

    private static void CheckCrc(string path, ReadOnlySpan<byte> bytes, int at, int length)
    {
        uint stored = BinaryPrimitives.ReadUInt32BigEndian(bytes[(at + 8 + length)..]);
        uint computed = Crc32(bytes.Slice(at + 4, 4 + length));
        if (stored != computed)
            throw new ImageFormatException(path, $"chunk '{Type(bytes, at)}' at byte {at} has CRC {stored:X8} but its bytes give {computed:X8}; the file is damaged");
    }

    private static string ColourName(byte colourType) => colourType switch
    {
        0 => "grey",
        2 => "RGB",
        3 => "palette",
        4 => "grey and alpha",
        _ => "RGBA",
    };

    private static string Type(ReadOnlySpan<byte> bytes, int chunk) =>
        new(System.Text.Encoding.ASCII.GetString(bytes.Slice(chunk + 4, 4)).Select(c => char.IsAsciiLetter(c) ? c : '?').ToArray());

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        uint c = (uint)n;
        for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    // The CRC-32 PNG specifies (ISO 3309, as zlib's), over a chunk's type and data.
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte value in data) crc = CrcTable[(crc ^ value) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFF;
    }
}
