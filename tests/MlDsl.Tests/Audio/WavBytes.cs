using System.Buffers.Binary;
using System.Text;

namespace MlDsl.Tests.Audio;

/// <summary>Builds WAV files chunk by chunk, with any declared sizes, for the reader's hardening and fuzz tests.</summary>
internal sealed class WavBytes
{
    private readonly List<byte> bytes = new();

    public static WavBytes Riff(uint size = 0) => new WavBytes().Text("RIFF").UInt(size).Text("WAVE");

    public WavBytes Format(ushort encoding, ushort channels, int rate, ushort bits) =>
        Text("fmt ").UInt(16).Short(encoding).Short(channels).UInt((uint)rate).UInt((uint)(rate * channels * bits / 8)).Short((ushort)(channels * bits / 8)).Short(bits);

    /// <summary>A chunk whose header declares <paramref name="declared"/> bytes (its real length when null), followed by <paramref name="body"/> and a pad byte when odd.</summary>
    public WavBytes Chunk(string id, byte[] body, uint? declared = null, bool pad = true)
    {
        Text(id).UInt(declared ?? (uint)body.Length);
        bytes.AddRange(body);
        if (pad && body.Length % 2 == 1) bytes.Add(0);
        return this;
    }

    public static byte[] Pcm16(params short[] samples)
    {
        var data = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(i * 2), samples[i]);
        return data;
    }

    public static byte[] Float32(params float[] samples)
    {
        var data = new byte[samples.Length * 4];
        for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), samples[i]);
        return data;
    }

    /// <summary>The file, with the RIFF size set to the real length when it was left 0 by <see cref="Riff"/>'s default and <paramref name="fixRiff"/> is set.</summary>
    public byte[] ToArray(bool fixRiff = true)
    {
        byte[] file = bytes.ToArray();
        if (fixRiff && BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4)) == 0)
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(file.Length - 8));
        return file;
    }

    private WavBytes Text(string text)
    {
        bytes.AddRange(Encoding.ASCII.GetBytes(text));
        return this;
    }

    private WavBytes UInt(uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, value);
        bytes.AddRange(buffer.ToArray());
        return this;
    }

    private WavBytes Short(ushort value)
    {
        Span<byte> buffer = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(buffer, value);
        bytes.AddRange(buffer.ToArray());
        return this;
    }
}
