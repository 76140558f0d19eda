using System.Buffers.Binary;
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
public static class WavFile
{
    private const ushort Pcm = 1, IeeeFloat = 3, Extensible = 0xFFFE;

    public static WavAudio Read(string path)
    {
        byte[] bytes = File.Exists(path) ? File.ReadAllBytes(path) : throw new AudioFormatException(path, "no such file");
        return Parse(bytes, path);
    }

    public static WavAudio Parse(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length < 12 || Ascii(bytes, 0) != "RIFF" || Ascii(bytes, 8) != "WAVE")
            throw new AudioFormatException(name, $"not a RIFF/WAVE file (starts with '{Printable(bytes[..Math.Min(4, bytes.Length)])}')");

        ushort format = 0, channels = 0, bits = 0, blockAlign = 0;
        int rate = 0;
        bool haveFormat = false;
        int position = 12;
        while (position + 8 <= bytes.Length)
        {
            string id = Ascii(bytes, position);
            int size = BinaryPrimitives.ReadInt32LittleEndian(bytes[(position + 4)..]);
            int body = position + 8;
            if (size < 0 || body + size > bytes.Length)
            {
                if (id != "data") throw new AudioFormatException(name, $"chunk '{id}' claims {size} bytes but the file ends after {bytes.Length - body}");
                size = (bytes.Length - body) / Math.Max((int)blockAlign, 1) * Math.Max((int)blockAlign, 1); // a truncated recording: keep whole frames
            }
            if (id == "fmt ")
            {
                if (size < 16) throw new AudioFormatException(name, $"format chunk of {size} bytes; expected at least 16");
                format = BinaryPrimitives.ReadUInt16LittleEndian(bytes[body..]);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(body + 2)..]);
                rate = BinaryPrimitives.ReadInt32LittleEndian(bytes[(body + 4)..]);
                blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(body + 12)..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(body + 14)..]);
                if (format == Extensible && size >= 26) format = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(body + 24)..]);
                haveFormat = true;
            }
            else if (id == "data")
            {
                if (!haveFormat) throw new AudioFormatException(name, "data chunk before the format chunk");
                Validate(name, format, channels, bits, rate, blockAlign);
                return new WavAudio(Decode(bytes.Slice(body, size), format, channels, bits), rate, channels, bits);
            }
            position = body + size + (size & 1); // chunks are word-aligned
        }
        throw new AudioFormatException(name, haveFormat ? "no data chunk" : "no format chunk");
    }

    private static void Validate(string name, ushort format, ushort channels, ushort bits, int rate, ushort blockAlign)
    {
        bool supported = format == Pcm && bits is 8 or 16 or 24 or 32 || format == IeeeFloat && bits is 32 or 64;
        if (!supported)
            throw new AudioFormatException(name, $"format {format} with {bits} bits per sample is not supported; expected PCM 8/16/24/32-bit or IEEE float 32/64-bit");
        if (channels == 0 || rate <= 0)
            throw new AudioFormatException(name, $"{channels} channels at {rate} Hz");
        if (blockAlign != channels * bits / 8)
            throw new AudioFormatException(name, $"block align {blockAlign} does not match {channels} channels of {bits} bits");
    }

    private static float[] Decode(ReadOnlySpan<byte> data, ushort format, int channels, int bits)
    {
        int bytesPerSample = bits / 8;
        int frames = data.Length / (bytesPerSample * channels);
        var mono = new float[frames];
        for (int frame = 0; frame < frames; frame++)
        {
            double sum = 0;
            for (int channel = 0; channel < channels; channel++)
                sum += Sample(data.Slice((frame * channels + channel) * bytesPerSample, bytesPerSample), format, bits);
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

    private static string Printable(ReadOnlySpan<byte> bytes) =>
        new(Encoding.ASCII.GetString(bytes).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
