using System.Buffers.Binary;
using MlDsl.Audio;
using MlDsl.Tests.Adversarial.SetI;
using static MlDsl.Tests.Adversarial.SetI.CraftedBytes;

namespace MlDsl.Tests.Adversarial.SetU;

/// <summary>
/// WAV files of the less common encodings and layouts: WAVE_FORMAT_EXTENSIBLE with a float or unknown sub-format,
/// 8-bit unsigned, 24-bit and 32-bit float samples, LIST chunks after the data, two data chunks, a format chunk too
/// short for what it declares. Each reads the right samples or is an <see cref="AudioFormatException"/> naming the file.
/// </summary>
public sealed class WavVariantAttackTests() : TemporaryFolder("mldsl-setu-wav")
{
    private static readonly byte[] PcmGuid = [0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
    private static readonly byte[] FloatGuid = [0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static AudioFormatException Refused(string path)
    {
        Exception? error = Record.Exception(() => WavFile.Read(path));
        var refusal = Assert.IsType<AudioFormatException>(error);
        Assert.Contains(Path.GetFileName(path), refusal.Message);
        return refusal;
    }

    private static byte[] Extensible(ushort channels, ushort bits, ushort validBits, byte[] subFormat, uint rate = 8000, ushort cbSize = 22) =>
        Concat(FmtBody(0xFFFE, channels, rate, bits), UInt16(cbSize), UInt16(validBits), UInt32(channels == 1 ? 4u : 3u), subFormat);

    private static byte[] Floats(params float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }

    [Fact]
    public void Extensible_float_samples_read_as_their_values()
    {
        string path = Write("ext-float.wav", Riff(Chunk("fmt ", Extensible(1, 32, 32, FloatGuid)), Chunk("data", Floats(0.25f, -0.5f, 1f))));

        Assert.Equal(new[] { 0.25f, -0.5f, 1f }, WavFile.Read(path).Samples);
    }

    [Fact]
    public void Extensible_with_an_unknown_sub_format_is_refused_naming_the_file()
    {
        byte[] guid = [.. PcmGuid];
        guid[0] = 0x55; // MP3's tag as a sub-format: compressed bytes, not samples
        string path = Write("ext-mp3.wav", Riff(Chunk("fmt ", Extensible(1, 16, 16, guid)), Chunk("data", Pcm16(1, 2, 3, 4))));

        Refused(path);
    }

    [Fact]
    public void Extensible_whose_format_chunk_stops_before_its_sub_format_is_refused_naming_the_file()
    {
        byte[] shortFmt = Concat(FmtBody(0xFFFE, 1, 8000, 16), UInt16(22), UInt16(16));
        string path = Write("ext-short.wav", Riff(Chunk("fmt ", shortFmt), Chunk("data", Pcm16(1, 2))));

        Refused(path);
    }

    [Fact]
    public void Extensible_pcm_with_twenty_valid_bits_in_twenty_four_reads_the_samples_by_their_container()
    {
        byte[] data = [0x00, 0x00, 0x40, 0x00, 0x00, 0xC0]; // +0.5, -0.5 in 24-bit containers
        string path = Write("ext-20of24.wav", Riff(Chunk("fmt ", Extensible(1, 24, 20, PcmGuid)), Chunk("data", data)));

        Assert.Equal(new[] { 0.5f, -0.5f }, WavFile.Read(path).Samples);
    }

    [Fact]
    public void Extensible_declaring_more_valid_bits_than_its_container_is_refused_naming_the_file()
    {
        string path = Write("ext-valid.wav", Riff(Chunk("fmt ", Extensible(1, 16, 24, PcmGuid)), Chunk("data", Pcm16(1, 2))));

        Refused(path);
    }

    [Fact]
    public void Eight_bit_samples_are_unsigned_around_128()
    {
        string path = Write("u8.wav", Riff(Chunk("fmt ", FmtBody(1, 1, 8000, 8)), Chunk("data", [128, 0, 192, 64])));

        Assert.Equal(new[] { 0f, -1f, 0.5f, -0.5f }, WavFile.Read(path).Samples);
    }

    [Fact]
    public void Twenty_four_bit_samples_keep_their_sign_and_scale()
    {
        byte[] data = [0x00, 0x00, 0x40, 0x00, 0x00, 0x80, 0xFF, 0xFF, 0xFF];
        string path = Write("s24.wav", Riff(Chunk("fmt ", FmtBody(1, 1, 8000, 24)), Chunk("data", data)));

        float[] samples = WavFile.Read(path).Samples;

        Assert.Equal(3, samples.Length);
        Assert.Equal(0.5f, samples[0]);
        Assert.Equal(-1f, samples[1]);
        Assert.Equal(-1f / 8388608f, samples[2], 1e-9f);
    }

    [Fact]
    public void Stereo_float_samples_are_averaged_per_frame()
    {
        string path = Write("stereo-float.wav", Riff(Chunk("fmt ", FmtBody(3, 2, 8000, 32)), Chunk("data", Floats(1f, 0f, -0.5f, -0.25f))));

        WavAudio audio = WavFile.Read(path);

        Assert.Equal(new[] { 0.5f, -0.375f }, audio.Samples);
    }

    [Fact]
    public void A_list_chunk_after_the_data_is_not_read_as_samples()
    {
        byte[] list = Concat(Ascii("INFO"), Chunk("INAM", Ascii("a title\0")));
        string path = Write("list-after.wav", Riff(Chunk("fmt ", FmtBody()), Chunk("data", Pcm16(16384, -16384)), Chunk("LIST", list)));

        Assert.Equal(new[] { 0.5f, -0.5f }, WavFile.Read(path).Samples);
    }

    [Fact]
    public void A_second_data_chunk_is_refused_or_read_never_silently_dropped()
    {
        string path = Write("two-data.wav", Riff(Chunk("fmt ", FmtBody()), Chunk("data", Pcm16(16384)), Chunk("data", Pcm16(-16384))));

        Exception? error = Record.Exception(() =>
        {
            float[] samples = WavFile.Read(path).Samples;
            Assert.Equal(new[] { 0.5f, -0.5f }, samples);
        });

        if (error is not null)
        {
            var refusal = Assert.IsType<AudioFormatException>(error);
            Assert.Contains("two-data.wav", refusal.Message);
        }
    }

    [Fact]
    public void A_format_chunk_of_fourteen_bytes_without_bits_per_sample_is_refused_naming_the_file()
    {
        byte[] fmt = FmtBody()[..14];
        string path = Write("fmt14.wav", Riff(Chunk("fmt ", fmt), Chunk("data", Pcm16(1, 2))));

        Refused(path);
    }

    [Fact]
    public void A_second_format_chunk_that_changes_the_encoding_is_refused_or_ignored_never_misread()
    {
        string path = Write("two-fmt.wav", Riff(Chunk("fmt ", FmtBody()), Chunk("fmt ", FmtBody(1, 1, 8000, 8)), Chunk("data", Pcm16(16384, -16384))));

        Exception? error = Record.Exception(() => Assert.Equal(new[] { 0.5f, -0.5f }, WavFile.Read(path).Samples));

        if (error is not null)
        {
            var refusal = Assert.IsType<AudioFormatException>(error);
            Assert.Contains("two-fmt.wav", refusal.Message);
        }
    }

    [Fact]
    public void A_riff_size_smaller_than_the_chunks_it_holds_reads_the_samples_or_is_refused_naming_the_file()
    {
        byte[] bytes = Riff(Chunk("fmt ", FmtBody()), Chunk("data", Pcm16(16384, -16384)));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 12);
        string path = Write("riff-small.wav", bytes);

        Exception? error = Record.Exception(() => Assert.Equal(new[] { 0.5f, -0.5f }, WavFile.Read(path).Samples));

        if (error is not null)
        {
            var refusal = Assert.IsType<AudioFormatException>(error);
            Assert.Contains("riff-small.wav", refusal.Message);
        }
    }

    [Fact]
    public void Channels_beyond_what_a_block_can_hold_are_refused_naming_the_file()
    {
        string path = Write("many-channels.wav", Riff(Chunk("fmt ", FmtBody(1, 65535, 8000, 16, blockAlign: 65534)), Chunk("data", Pcm16(1, 2))));

        Refused(path);
    }
}
