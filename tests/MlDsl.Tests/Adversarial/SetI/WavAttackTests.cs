using MlDsl.Audio;
using static MlDsl.Tests.Adversarial.SetI.CraftedBytes;

namespace MlDsl.Tests.Adversarial.SetI;

/// <summary>
/// Hostile WAV files: cut at every header boundary, sizes pointing past the end, impossible formats, and odd but legal
/// chunk layouts. Each is an <see cref="AudioFormatException"/> naming the file, or (for legal files) the right samples.
/// </summary>
public sealed class WavAttackTests() : TemporaryFolder("mldsl-seti-wav")
{
    private static readonly short[] Four = [1000, -2000, 3000, -4000];

    private static float[] Expected(params short[] samples) => samples.Select(sample => sample / 32768f).ToArray();

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static AudioFormatException Refused(byte[] bytes, string name = "clip.wav")
    {
        var error = Assert.Throws<AudioFormatException>(() => WavFile.Parse(bytes, name));
        Assert.StartsWith(name + ": ", error.Message);
        return error;
    }

    [Theory]
    [InlineData(3)]   // inside "RIFF"
    [InlineData(4)]   // after "RIFF"
    [InlineData(8)]   // after the RIFF size
    [InlineData(11)]  // inside "WAVE"
    [InlineData(12)]  // after "WAVE": no chunk at all
    [InlineData(16)]  // after "fmt "
    [InlineData(20)]  // after fmt's size
    [InlineData(30)]  // inside the fmt body
    [InlineData(36)]  // after fmt: no data chunk
    [InlineData(40)]  // after "data"
    [InlineData(44)]  // data declared 8 bytes, none present
    [InlineData(47)]  // data cut inside a sample
    public void A_wav_cut_at_a_header_boundary_is_refused_naming_the_file(int length)
    {
        byte[] whole = Wav(Four);

        Refused(whole[..length]);
    }

    [Fact]
    public void A_zero_byte_wav_file_is_refused_naming_the_file()
    {
        string path = Write("empty.wav", []);

        var error = Assert.Throws<AudioFormatException>(() => WavFile.Read(path));

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void A_folder_where_a_wav_file_is_expected_is_refused_naming_it()
    {
        string path = Path.Combine(Root, "folder.wav");
        Directory.CreateDirectory(path);

        var error = Assert.Throws<AudioFormatException>(() => WavFile.Read(path));

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void A_missing_wav_file_is_refused_with_the_librarys_own_exception()
    {
        string path = Path.Combine(Root, "missing.wav");

        var error = Assert.Throws<AudioFormatException>(() => WavFile.Read(path));

        Assert.Equal(path, error.Path);
    }

    [Theory]
    [InlineData(0x7FFFFFF0u)]
    [InlineData(0xFFFFFFF0u)]
    public void A_fmt_chunk_size_past_the_end_is_refused_without_allocating_it(uint declared)
    {
        Refused(Riff(Chunk("fmt ", FmtBody(), declared), Chunk("data", Pcm16(Four))));
    }

    [Fact]
    public void A_data_size_past_the_end_that_is_not_the_placeholder_is_refused()
    {
        Refused(Riff(Chunk("fmt ", FmtBody()), Chunk("data", Pcm16(Four), 0xFFFFFFF0u)));
    }

    [Theory]
    [InlineData(1, 0, 8000, 16, "channel")]     // no channels: every frame would divide by zero
    [InlineData(1, 1, 0, 16, "0 Hz")]            // no sample rate: duration and resampling divide by zero
    [InlineData(1, 1, 8000, 12, "bit")]         // 12-bit PCM is no format WavFile reads
    [InlineData(1, 1, 8000, 0, "bit")]
    [InlineData(7, 1, 8000, 16, "7")]       // μ-law
    public void An_impossible_or_unsupported_format_is_refused(int format, int channels, int rate, int bits, string about)
    {
        byte[] bytes = Riff(Chunk("fmt ", FmtBody((ushort)format, (ushort)channels, (uint)rate, (ushort)bits, blockAlign: 2)), Chunk("data", Pcm16(Four)));

        AudioFormatException error = Refused(bytes);

        Assert.Contains(about, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_block_align_of_zero_is_refused_not_divided_by()
    {
        Refused(Riff(Chunk("fmt ", FmtBody(blockAlign: 0)), Chunk("data", Pcm16(Four))));
    }

    [Theory]
    [InlineData("RIFX")] // big-endian RIFF
    [InlineData("RF64")]
    [InlineData("OggS")]
    public void A_file_that_is_not_little_endian_riff_is_refused(string magic)
    {
        byte[] bytes = Wav(Four);
        Ascii(magic).CopyTo(bytes, 0);

        Refused(bytes);
    }

    [Fact]
    public void An_odd_sized_chunk_before_data_is_skipped_with_its_pad_byte_and_the_samples_read_right()
    {
        byte[] bytes = Riff(Chunk("fmt ", FmtBody()), Chunk("LIST", Ascii("abc")), Chunk("data", Pcm16(Four)));

        WavAudio audio = WavFile.Parse(bytes, "clip.wav");

        Assert.Equal(Expected(Four), audio.Samples);
    }

    [Fact]
    public void A_data_chunk_before_fmt_is_read_right_or_refused_never_misread()
    {
        byte[] bytes = Riff(Chunk("data", Pcm16(Four)), Chunk("fmt ", FmtBody()));

        try
        {
            Assert.Equal(Expected(Four), WavFile.Parse(bytes, "clip.wav").Samples);
        }
        catch (AudioFormatException error)
        {
            Assert.StartsWith("clip.wav: ", error.Message);
        }
    }

    [Fact]
    public void A_data_size_that_is_not_whole_frames_is_refused_or_drops_the_partial_frame_never_invents_a_sample()
    {
        byte[] bytes = Riff(Chunk("fmt ", FmtBody()), Chunk("data", Concat(Pcm16(Four), [0x7F])));

        try
        {
            Assert.Equal(Expected(Four), WavFile.Parse(bytes, "clip.wav").Samples);
        }
        catch (AudioFormatException error)
        {
            Assert.StartsWith("clip.wav: ", error.Message);
        }
    }

    [Fact]
    public void Wave_format_extensible_with_a_pcm_subformat_reads_right_or_is_refused_by_name()
    {
        byte[] pcmGuid = [0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        byte[] fmt = Concat(FmtBody(format: 0xFFFE), UInt16(22), UInt16(16), UInt32(0x4), pcmGuid);

        try
        {
            Assert.Equal(Expected(Four), WavFile.Parse(Riff(Chunk("fmt ", fmt), Chunk("data", Pcm16(Four))), "clip.wav").Samples);
        }
        catch (AudioFormatException error)
        {
            Assert.StartsWith("clip.wav: ", error.Message);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-8000)]
    public void A_target_sample_rate_that_is_not_positive_is_refused_naming_it(int rate)
    {
        string path = Write("ok.wav", Wav(Four));

        Exception error = Record.Exception(() => WavFile.Read(path, rate));

        Assert.True(error is AudioFormatException || error is ArgumentOutOfRangeException { ParamName: "sampleRate" },
            $"expected an AudioFormatException or an ArgumentOutOfRangeException for sampleRate, got {error?.GetType().Name}: {error?.Message}");
    }
}
