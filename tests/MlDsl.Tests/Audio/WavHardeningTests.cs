using MlDsl.Audio;

namespace MlDsl.Tests.Audio;

/// <summary>Declared sizes are checked against the bytes that follow; placeholders read to the end; non-finite samples are refused.</summary>
public sealed class WavHardeningTests
{
    private static readonly short[] Samples = { 0, 16384, -16384, 8192, -32768, 32767 };

    [Theory]
    [InlineData(0u)]
    [InlineData(0xFFFFFFFFu)]
    [InlineData(0x7FFFF000u)]
    public void A_data_size_left_as_a_streaming_placeholder_is_read_to_the_end(uint placeholder)
    {
        byte[] file = WavBytes.Riff(placeholder).Format(1, 1, 8000, 16).Chunk("data", WavBytes.Pcm16(Samples), declared: placeholder).ToArray(fixRiff: false);

        WavAudio audio = WavFile.Parse(file, "stream.wav");

        Assert.Equal(Samples.Select(sample => sample / 32768f), audio.Samples);
    }

    [Fact]
    public void A_placeholder_data_size_keeps_whole_frames_only()
    {
        byte[] file = WavBytes.Riff().Format(1, 2, 8000, 16).Chunk("data", WavBytes.Pcm16(Samples)[..10], declared: 0, pad: false).ToArray();

        WavAudio audio = WavFile.Parse(file, "stream.wav");

        Assert.Equal(2, audio.Samples.Length); // 10 bytes: two whole stereo frames of 4 bytes, 2 bytes left over
    }

    [Fact]
    public void An_odd_sized_chunk_before_the_audio_is_followed_by_its_pad_byte()
    {
        byte[] file = WavBytes.Riff().Chunk("LIST", new byte[] { 1, 2, 3 }).Format(1, 1, 8000, 16).Chunk("data", WavBytes.Pcm16(Samples)).ToArray();

        Assert.Equal(Samples.Length, WavFile.Parse(file, "padded.wav").Samples.Length);
    }

    [Fact]
    public void A_chunk_claiming_more_bytes_than_the_file_holds_is_refused_before_allocating()
    {
        byte[] file = WavBytes.Riff().Format(1, 1, 8000, 16).Chunk("LIST", new byte[4], declared: 0x7FFFFFF0).Chunk("data", WavBytes.Pcm16(Samples)).ToArray();
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<AudioFormatException>(() => WavFile.Parse(file, "huge.wav"));

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1 << 20);
        Assert.Contains("chunk 'LIST' at byte 36 declares 2147483632 bytes but only", error.Message);
    }

    [Fact]
    public void A_data_chunk_longer_than_the_file_is_refused_as_truncated()
    {
        byte[] file = WavBytes.Riff().Format(1, 1, 8000, 16).Chunk("data", WavBytes.Pcm16(Samples), declared: 1_000_000).ToArray();

        var error = Assert.Throws<AudioFormatException>(() => WavFile.Parse(file, "cut.wav"));

        Assert.Contains("the data chunk declares 1000000 bytes but only 12 follow", error.Message);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void A_non_finite_float_sample_is_refused_with_its_position(float bad)
    {
        byte[] file = WavBytes.Riff().Format(3, 1, 8000, 32).Chunk("data", WavBytes.Float32(0.5f, -0.25f, bad, 0.1f)).ToArray();

        var error = Assert.Throws<AudioFormatException>(() => WavFile.Parse(file, "float.wav"));

        Assert.StartsWith("float.wav: sample 2 (at 0.000 s) of channel 0 is", error.Message);
    }

    [Fact]
    public void Float_samples_beyond_full_scale_are_kept_as_they_are()
    {
        byte[] file = WavBytes.Riff().Format(3, 1, 8000, 32).Chunk("data", WavBytes.Float32(1.5f, -2f)).ToArray();

        Assert.Equal(new[] { 1.5f, -2f }, WavFile.Parse(file, "loud.wav").Samples);
    }

    [Fact]
    public void An_empty_data_chunk_at_the_end_of_the_file_is_an_empty_clip()
    {
        byte[] file = WavBytes.Riff().Format(1, 1, 8000, 16).Chunk("data", Array.Empty<byte>()).ToArray();

        Assert.Empty(WavFile.Parse(file, "silence.wav").Samples);
    }
}
