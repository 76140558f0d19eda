using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace MlDsl.Data.Csv;

/// <summary>
/// Text files (CSV data, CSV shards, label manifests) are read as strict UTF-8. .NET's default decoder turns a byte
/// that is not UTF-8 (a Latin-1 or Windows-1252 'ü' from an old export) into U+FFFD without a word, which loses the
/// text and can merge different values ("Zürich" and "Zärich" both become "Z\uFFFDrich": one group, one class).
/// Here such a byte is an error that names its physical line and byte offset.
/// </summary>
internal static class Utf8Text
{
    /// <summary>UTF-8 that throws <see cref="DecoderFallbackException"/> on a byte sequence that is not UTF-8.</summary>
    public static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A reader that throws on bytes that are not UTF-8; a byte order mark is skipped (and a UTF-16/32 one honoured).</summary>
    public static StreamReader Open(string path) => new(path, Strict, detectEncodingFromByteOrderMarks: true);

    /// <summary>
    /// The encoding a UTF-16 or UTF-32 byte order mark at the start of <paramref name="start"/> announces ("UTF-16 LE"...),
    /// or null (no mark, or UTF-8's). A reader that scans bytes as UTF-8 refuses such a file by name instead of reporting
    /// its first byte as "not UTF-8" or splitting records at the zero bytes of every character.
    /// </summary>
    public static string? OtherByteOrderMark(ReadOnlySpan<byte> start) => start switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => "UTF-32 LE (byte order mark FF FE 00 00)",
        [0x00, 0x00, 0xFE, 0xFF, ..] => "UTF-32 BE (byte order mark 00 00 FE FF)",
        [0xFF, 0xFE, ..] => "UTF-16 LE (byte order mark FF FE)",
        [0xFE, 0xFF, ..] => "UTF-16 BE (byte order mark FE FF)",
        _ => null,
    };

    /// <summary>Whether <paramref name="error"/> is (or wraps) a strict decoder's refusal.</summary>
    public static bool IsDecodingError(Exception error) => error is DecoderFallbackException || error.InnerException is DecoderFallbackException;

    /// <summary>Where the first byte that is not UTF-8 lies: its 1-based physical line, its byte offset and its value.</summary>
    public readonly record struct InvalidByte(long Line, long Offset, byte Value)
    {
        /// <summary>The problem in words, for an exception naming the file and <see cref="Line"/>.</summary>
        public string Problem => $"byte 0x{Value:X2} (byte {Offset} of the file) is not UTF-8; expected UTF-8 text (save the file as UTF-8)";
    }

    /// <summary>
    /// The error for text that is not UTF-8, named at its first invalid byte when that was found, else at
    /// <paramref name="fallbackLine"/> (the file could not be read again).
    /// </summary>
    public static CsvDataException NotUtf8(string path, InvalidByte? invalid, long fallbackLine) =>
        new(path, invalid?.Line ?? fallbackLine, "-", invalid?.Problem ?? "the text is not UTF-8; expected UTF-8 text (save the file as UTF-8)");

    /// <summary>The first invalid byte of the file, or null when the whole file is UTF-8 (or cannot be read again).</summary>
    public static InvalidByte? FirstInvalid(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            var block = new byte[1 << 16];
            var scanner = new Scanner(firstLine: 1, offset: 0);
            int carried = 0;
            while (true)
            {
                int read = stream.ReadAtLeast(block.AsSpan(carried), block.Length - carried, throwOnEndOfStream: false);
                bool last = carried + read < block.Length;
                int valid = scanner.Scan(block.AsSpan(0, carried + read), last, out InvalidByte? invalid);
                if (invalid is not null || last) return invalid;
                // An incomplete sequence at the block's end is decided with the next block.
                carried = carried + read - valid;
                block.AsSpan(valid, carried).CopyTo(block);
            }
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The first invalid byte of <paramref name="bytes"/> (a record read back at <paramref name="offset"/>, starting on <paramref name="firstLine"/>).</summary>
    public static InvalidByte? FirstInvalid(ReadOnlySpan<byte> bytes, long firstLine, long offset)
    {
        new Scanner(firstLine, offset).Scan(bytes, last: true, out InvalidByte? invalid);
        return invalid;
    }

    // Validates UTF-8 block by block while counting line breaks (\r\n, \r and \n each once, as CSV line numbers count them).
    private sealed class Scanner(long firstLine, long offset)
    {
        private long line = firstLine, position = offset;
        private bool afterCarriageReturn;

        /// <returns>How many bytes were consumed (all but an incomplete sequence at the end when not <paramref name="last"/>).</returns>
        public int Scan(ReadOnlySpan<byte> bytes, bool last, out InvalidByte? invalid)
        {
            char[] characters = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
            try
            {
                OperationStatus status = Utf8.ToUtf16(bytes, characters, out int consumed, out _, replaceInvalidSequences: false, isFinalBlock: last);
                Count(bytes[..consumed]);
                invalid = status == OperationStatus.InvalidData
                    ? new InvalidByte(line, position + consumed, bytes[consumed])
                    : null;
                position += consumed;
                return consumed;
            }
            finally
            {
                ArrayPool<char>.Shared.Return(characters);
            }
        }

        private void Count(ReadOnlySpan<byte> bytes)
        {
            foreach (byte b in bytes)
            {
                if (b == (byte)'\n' && !afterCarriageReturn || b == (byte)'\r') line++;
                afterCarriageReturn = b == (byte)'\r';
            }
        }
    }
}
