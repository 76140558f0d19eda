using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace MlDsl.Audio;

/// <summary>Mono samples in [-1, 1] and their rate, with what the file held.</summary>
public sealed record WavAudio(float[] Samples, int SampleRate, int Channels, int BitsPerSample)
{
    public double Seconds => (double)Samples.Length / SampleRate;
}

/// <summary>
/// Reads RIFF/WAVE files: PCM 8 (unsigned), 16, 24 and 32 bit, IEEE float 32 and 64 bit, plain or
/// WAVE_FORMAT_EXTENSIBLE; several channels are averaged to mono.
/// </summary>
/// <remarks>
/// Every chunk size is checked against the bytes that follow it before anything is allocated. A data
/// size left as a placeholder by a streaming writer (0, 0xFFFFFFFF, or SoX's 0x7FFFF000) means "the
/// audio runs to the end of the file" (whole frames kept). A RIFF size that disagrees with the file
/// is not trusted: the chunks themselves are. Odd-sized chunks are followed by a pad byte.
/// </remarks>
public static class WavFile
{
    private const ushort Pcm = 1, IeeeFloat = 3, Extensible = 0xFFFE;
    private static readonly uint[] PlaceholderSizes = { 0, 0xFFFFFFFF, 0x7FFFF000 };

    /// <exception cref="AudioFormatException">
    /// The file is missing, is not RIFF/WAVE, uses an unsupported encoding, declares a chunk larger than
    /// the bytes that follow (a truncated file), holds a second 'fmt ' or 'data' chunk, declares more valid bits per sample than
    /// its container (WAVE_FORMAT_EXTENSIBLE), or holds a non-finite float sample; the message names the file.
    /// </exception>
    public static WavAudio Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(ReadAll(path), path);
    }

    private static byte[] ReadAll(string path) =>
        MlDsl.Persistence.InputFile.ReadAllBytes(path, "a WAV file", (file, problem) => new AudioFormatException(file, problem));

    /// <summary>The file read as <see cref="Read(string)"/> does, resampled to <paramref name="sampleRate"/> Hz when it holds another rate (<see cref="Resampler"/>).</summary>
    /// <exception cref="AudioFormatException">As for <see cref="Read(string)"/>, or the file's rate cannot be resampled to <paramref name="sampleRate"/>; the message names the file.</exception>
    public static WavAudio Read(string path, int sampleRate)
    {
        WavAudio audio = Read(path);
        if (audio.SampleRate == sampleRate) return audio;
        try
        {
            return audio with { Samples = Resampler.Resample(audio.Samples, audio.SampleRate, sampleRate), SampleRate = sampleRate };
        }
        catch (ArgumentOutOfRangeException problem)
        {
            throw new AudioFormatException(path, $"recorded at {audio.SampleRate} Hz, which cannot be resampled to {sampleRate} Hz: {problem.Message.Split(" (Parameter")[0]}");
        }
    }

    /// <summary>Parses the bytes of a WAV file; <paramref name="name"/> is used in messages.</summary>
    /// <exception cref="AudioFormatException">As for <see cref="Read(string)"/>.</exception>
    public static WavAudio Parse(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length < 12 && bytes.StartsWith("RIFF"u8))
            throw new AudioFormatException(name, $"the file ends after {bytes.Length} bytes, inside the 12-byte RIFF/WAVE header; the file is truncated");
        if (bytes.Length < 12 || Ascii(bytes, 0) != "RIFF" || Ascii(bytes, 8) != "WAVE")
            throw new AudioFormatException(name, $"not a RIFF/WAVE file (starts with '{Printable(bytes[..Math.Min(4, bytes.Length)])}')");

        WavFormat? format = null;
        long position = 12;
        while (position + 8 <= bytes.Length)
        {
            int at = (int)position;
            string id = Ascii(bytes, at);
            uint declared = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(at + 4)..]);
            long body = position + 8, following = bytes.Length - body;
            if (id == "data")
            {
                if (format is null) throw new AudioFormatException(name, $"data chunk at byte {position} comes before any format chunk; expected the 'fmt ' chunk first, which says how to read the samples");
                long size = DataSize(name, declared, following, format, bytes);
                RefuseSecondChunk(name, bytes, "data", position, body + size + (size & 1));
                return new WavAudio(Decode(name, bytes.Slice((int)body, (int)size), format), format.Rate, format.Channels, format.Bits);
            }
            if (declared > following)
                throw new AudioFormatException(name, $"chunk '{Printable(bytes.Slice(at, 4))}' at byte {position} declares {declared} bytes but only {following} follow; the file is truncated or damaged");
            if (id == "fmt " && format is not null)
                throw new AudioFormatException(name, $"a second format chunk at byte {position}; a WAV file holds one 'fmt ' chunk, and which one the samples follow would be a guess");
            if (id == "fmt ") format = WavFormat.Parse(name, bytes.Slice((int)body, (int)declared));
            position = body + declared + (declared & 1); // chunks are word-aligned: an odd size is followed by a pad byte
        }
        if (position < bytes.Length && format is not null)
            throw new AudioFormatException(name, $"no data chunk: the file ends {bytes.Length - position} bytes into a chunk header at byte {position}; the file is truncated");
        throw new AudioFormatException(name, format is null ? "no format chunk; expected a 'fmt ' chunk and then a 'data' chunk" : "no data chunk; expected a 'data' chunk after the format chunk");
    }

    // Samples in a second data chunk would be dropped by a reader that stops at the first: refused, naming both. The chunks
    // after the data are walked only while their headers are whole and inside the file; trailing bytes that are not a
    // chunk (padding, a truncated tag) are left alone, as they always were.
    private static void RefuseSecondChunk(string name, ReadOnlySpan<byte> bytes, string id, long first, long position)
    {
        while (position + 8 <= bytes.Length)
        {
            int at = (int)position;
            uint declared = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(at + 4)..]);
            if (Ascii(bytes, at) == id)
                throw new AudioFormatException(name, $"a second '{id}' chunk at byte {position} (the first is at byte {first}); a WAV file holds its samples in one data chunk, and reading only the first would drop the rest");
            position += 8L + declared + (declared & 1);
        }
    }

    private static long DataSize(string name, uint declared, long following, WavFormat format, ReadOnlySpan<byte> bytes)
    {
        int blockAlign = format.BlockAlign;
        if (PlaceholderSizes.Contains(declared) && (declared != 0 || following > 0))
            return following / blockAlign * blockAlign; // a streaming writer's placeholder: read to the end, whole frames
        if (declared > following)
        {
            uint riff = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
            throw new AudioFormatException(name,
                $"the data chunk declares {declared} bytes but only {following} follow (the RIFF header declares {riff + 8L} bytes, the file holds {bytes.Length}); the file is truncated");
        }
        // A frame cut in two is a damaged file, not a rounding matter: dropping it silently would hide the damage.
        if (declared % blockAlign != 0)
            throw new AudioFormatException(name,
                $"the data chunk declares {declared} bytes, not a whole number of {blockAlign}-byte frames ({format.Channels} channels of {format.Bits} bits); the file is damaged");
        return declared;
    }

    private static float[] Decode(string name, ReadOnlySpan<byte> data, WavFormat format)
    {
        int bytesPerSample = format.Bits / 8, channels = format.Channels;
        int frames = data.Length / format.BlockAlign;
        var mono = new float[frames];
        for (int frame = 0; frame < frames; frame++)
        {
            double sum = 0;
            for (int channel = 0; channel < channels; channel++)
            {
                double sample = Sample(data.Slice((frame * channels + channel) * bytesPerSample, bytesPerSample), format.Encoding, format.Bits);
                if (!double.IsFinite(sample))
                    throw new AudioFormatException(name, string.Create(CultureInfo.InvariantCulture,
                        $"sample {frame} (at {(double)frame / format.Rate:F3} s) of channel {channel} is {sample}; expected a finite float sample"));
                sum += sample;
            }
            mono[frame] = (float)(sum / channels);
        }
        return mono;
    }

    private static double Sample(ReadOnlySpan<byte> sample, ushort format, int bits) => (format, bits) switch
    {
        (IeeeFloat, 32) => BinaryPrimitives.ReadSingleLittleEndian(sample),
        (IeeeFloat, _) => BinaryPrimitives.ReadDoubleLittleEndian(sample),
        (_, 8) => (sample[0] - 128) / 128.0,
        (_, 16) => BinaryPrimitives.ReadInt16LittleEndian(sample) / 32768.0,
        (_, 24) => ((sample[2] << 24 | sample[1] << 16 | sample[0] << 8) >> 8) / 8388608.0,
        _ => BinaryPrimitives.ReadInt32LittleEndian(sample) / 2147483648.0,
    };

    private static string Ascii(ReadOnlySpan<byte> bytes, int offset) => Encoding.ASCII.GetString(bytes.Slice(offset, 4));

    internal static string Printable(ReadOnlySpan<byte> bytes) =>
        new(Encoding.ASCII.GetString(bytes).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    /// <summary>The format chunk's fields, checked: only supported encodings get this far.</summary>
    private sealed record WavFormat(ushort Encoding, int Channels, int Rate, int BlockAlign, int Bits)
    {
        public static WavFormat Parse(string name, ReadOnlySpan<byte> chunk)
        {
            if (chunk.Length < 16) throw new AudioFormatException(name, $"format chunk of {chunk.Length} bytes; expected at least 16");
            ushort encoding = BinaryPrimitives.ReadUInt16LittleEndian(chunk);
            ushort channels = BinaryPrimitives.ReadUInt16LittleEndian(chunk[2..]);
            int rate = BinaryPrimitives.ReadInt32LittleEndian(chunk[4..]);
            ushort blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(chunk[12..]);
            ushort bits = BinaryPrimitives.ReadUInt16LittleEndian(chunk[14..]);
            if (encoding == Extensible && chunk.Length >= 20)
            {
                // wValidBitsPerSample (0: not given) at most the container's bits: more cannot be held, and means a damaged or forged header.
                ushort validBits = BinaryPrimitives.ReadUInt16LittleEndian(chunk[18..]);
                if (validBits > bits)
                    throw new AudioFormatException(name, $"the extensible format chunk declares {validBits} valid bits per sample in a {bits}-bit container; expected at most {bits}");
            }
            if (encoding == Extensible && chunk.Length >= 26) encoding = BinaryPrimitives.ReadUInt16LittleEndian(chunk[24..]);

            bool supported = encoding == Pcm && bits is 8 or 16 or 24 or 32 || encoding == IeeeFloat && bits is 32 or 64;
            if (!supported)
                throw new AudioFormatException(name, $"format {encoding} with {bits} bits per sample is not supported; expected PCM 8/16/24/32-bit or IEEE float 32/64-bit");
            if (channels == 0)
                throw new AudioFormatException(name, "the format chunk declares 0 channels; expected at least 1 (1 for mono, 2 for stereo)");
            if (rate <= 0)
                throw new AudioFormatException(name, $"the format chunk declares a sample rate of {(uint)rate} Hz; expected a positive rate below 2^31 Hz (e.g. 16000 or 44100)");
            if (blockAlign != channels * bits / 8)
                throw new AudioFormatException(name, $"block align {blockAlign} does not match {channels} channels of {bits} bits; expected {channels * bits / 8}");
            return new WavFormat(encoding, channels, rate, blockAlign, bits);
        }
    }
}
