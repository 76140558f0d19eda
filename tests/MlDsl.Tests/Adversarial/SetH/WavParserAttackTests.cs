using System.Buffers.Binary;
using MlDsl.Audio;
using MlDsl.Tests.Audio;

namespace MlDsl.Tests.Adversarial.SetH;

/// <summary>
/// Crafted WAV files, each refused with an <see cref="AudioFormatException"/> that names the file and says what was
/// expected: never a raw .NET exception, never a clip that silently lost part of a frame.
/// </summary>
public sealed class WavParserAttackTests() : TemporaryFolder("mldsl-seth-wav")
{
    private static readonly short[] Samples = { 0, 16384, -16384, 8192 };

    private static AudioFormatException Refused(byte[] file, string name = "crafted.wav")
    {
        var error = Assert.Throws<AudioFormatException>(() => WavFile.Parse(file, name));
        Assert.StartsWith(name + ": ", error.Message);
        Assert.Equal(name, error.Path);
        return error;
    }

    private static byte[] Good() => WavBytes.Riff().Format(1, 1, 8000, 16).Chunk("data", WavBytes.Pcm16(Samples)).ToArray();

    [Fact]
    public void A_well_formed_file_reads_as_the_baseline_for_the_attacks()
    {
        Assert.Equal(Samples.Select(sample => sample / 32768f), WavFile.Parse(Good(), "good.wav").Samples);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(11)]
    public void A_file_cut_inside_the_riff_header_is_refused_as_truncated(int length)
    {
        var error = Refused(Good()[..length]);

        Assert.Equal($"crafted.wav: the file ends after {length} bytes, inside the 12-byte RIFF/WAVE header; the file is truncated", error.Message);
    }

    [Fact]
    public void A_file_cut_inside_a_chunk_header_is_refused_as_truncated()
    {
        byte[] cut = Good()[..40]; // RIFF header (12) + format chunk (24) + 4 bytes of the data chunk's header

        var error = Refused(cut);

        Assert.Equal("crafted.wav: no data chunk: the file ends 4 bytes into a chunk header at byte 36; the file is truncated", error.Message);
    }

    [Fact]
    public void A_chunk_size_past_the_end_is_refused_naming_the_chunk_and_the_bytes_that_follow()
    {
        byte[] file = WavBytes.Riff().Format(1, 1, 8000, 16).Chunk("LIST", new byte[6], declared: 100).ToArray();

        var error = Refused(file);

        Assert.Equal("crafted.wav: chunk 'LIST' at byte 36 declares 100 bytes but only 6 follow; the file is truncated or damaged", error.Message);
    }

    [Fact]
    public void A_format_chunk_size_past_the_end_is_refused_before_it_is_parsed()
    {
        byte[] file = WavBytes.Riff().Chunk("fmt ", new byte[16], declared: 0xFFFFFFF0).ToArray();

        var error = Refused(file);

        Assert.Contains("chunk 'fmt ' at byte 12 declares 4294967280 bytes but only 16 follow", error.Message);
    }

    [Theory]
    [InlineData(7u)] // odd: half a 16-bit sample
    [InlineData(5u)]
    public void A_data_size_that_cuts_a_frame_is_refused_instead_of_dropping_the_partial_frame(uint declared)
    {
        byte[] file = WavBytes.Riff().Format(1, 1, 8000, 16).Chunk("data", WavBytes.Pcm16(Samples), declared: declared).ToArray();

        var error = Refused(file);

        Assert.Equal($"crafted.wav: the data chunk declares {declared} bytes, not a whole number of 2-byte frames (1 channels of 16 bits); the file is damaged", error.Message);
    }

    [Fact]
    public void An_odd_data_size_of_whole_8_bit_frames_reads_every_sample()
    {
        byte[] file = WavBytes.Riff().Format(1, 1, 8000, 8).Chunk("data", [128, 192, 64]).ToArray();

        Assert.Equal(new[] { 0f, 0.5f, -0.5f }, WavFile.Parse(file, "odd.wav").Samples);
    }

    [Fact]
    public void A_huge_data_size_is_refused_as_truncated_before_allocating()
    {
        byte[] file = WavBytes.Riff().Format(1, 1, 8000, 16).Chunk("data", WavBytes.Pcm16(Samples), declared: 0x7FFFFFFE).ToArray();
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Refused(file);

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1 << 20);
        Assert.Contains("the data chunk declares 2147483646 bytes but only 8 follow", error.Message);
    }

    [Fact]
    public void Zero_channels_are_refused_saying_what_was_expected()
    {
        var error = Refused(WavBytes.Riff().Format(1, 0, 8000, 16).Chunk("data", WavBytes.Pcm16(Samples)).ToArray());

        Assert.Equal("crafted.wav: the format chunk declares 0 channels; expected at least 1 (1 for mono, 2 for stereo)", error.Message);
    }

    [Theory]
    [InlineData(0, 0u)]
    [InlineData(-1, 4294967295u)] // a rate past 2^31 reads as negative
    public void A_sample_rate_of_zero_or_past_int_max_is_refused(int rate, uint shown)
    {
        byte[] file = WavBytes.Riff().Format(1, 1, 8000, 16).Chunk("data", WavBytes.Pcm16(Samples)).ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(24), rate); // the format chunk's rate field

        var error = Refused(file);

        Assert.Equal($"crafted.wav: the format chunk declares a sample rate of {shown} Hz; expected a positive rate below 2^31 Hz (e.g. 16000 or 44100)", error.Message);
    }

    [Theory]
    [InlineData((ushort)1, (ushort)12)]
    [InlineData((ushort)1, (ushort)0)]
    [InlineData((ushort)1, (ushort)64)]
    [InlineData((ushort)3, (ushort)16)]
    [InlineData((ushort)7, (ushort)8)] // µ-law
    [InlineData((ushort)0x55, (ushort)16)] // MP3 in a WAV
    [InlineData((ushort)0xFFFE, (ushort)16)] // extensible without its 26-byte extension
    public void An_unknown_format_tag_or_bit_depth_is_refused_naming_both(ushort encoding, ushort bits)
    {
        var error = Refused(WavBytes.Riff().Format(encoding, 1, 8000, bits).Chunk("data", new byte[8]).ToArray());

        Assert.Equal($"crafted.wav: format {encoding} with {bits} bits per sample is not supported; expected PCM 8/16/24/32-bit or IEEE float 32/64-bit", error.Message);
    }

    [Fact]
    public void A_block_align_that_disagrees_with_the_channels_says_what_was_expected()
    {
        byte[] file = Good();
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(32), 4); // block align of a stereo 16-bit file

        var error = Refused(file);

        Assert.Equal("crafted.wav: block align 4 does not match 1 channels of 16 bits; expected 2", error.Message);
    }

    [Fact]
    public void A_data_chunk_before_the_format_chunk_is_refused_saying_the_format_comes_first()
    {
        byte[] file = WavBytes.Riff().Chunk("data", WavBytes.Pcm16(Samples)).Format(1, 1, 8000, 16).ToArray();

        var error = Refused(file);

        Assert.Equal("crafted.wav: data chunk at byte 12 comes before any format chunk; expected the 'fmt ' chunk first, which says how to read the samples", error.Message);
    }

    [Fact]
    public void A_file_without_a_data_chunk_is_refused_saying_what_was_expected()
    {
        var error = Refused(WavBytes.Riff().Format(1, 1, 8000, 16).Chunk("LIST", new byte[4]).ToArray());

        Assert.Equal("crafted.wav: no data chunk; expected a 'data' chunk after the format chunk", error.Message);
    }

    [Fact]
    public void A_file_without_a_format_chunk_is_refused_saying_what_was_expected()
    {
        var error = Refused(WavBytes.Riff().Chunk("LIST", new byte[4]).ToArray());

        Assert.Equal("crafted.wav: no format chunk; expected a 'fmt ' chunk and then a 'data' chunk", error.Message);
    }

    [Fact]
    public void A_missing_file_or_a_folder_is_an_audio_format_exception_naming_it()
    {
        string missing = Path.Combine(Root, "absent.wav");
        string folder = Directory.CreateDirectory(Path.Combine(Root, "clip.wav")).FullName;
        string missingFolder = Path.Combine(Root, "no-such-folder", "clip.wav");

        Assert.Equal($"{missing}: no such file; expected a WAV file", Assert.Throws<AudioFormatException>(() => WavFile.Read(missing)).Message);
        Assert.Equal($"{folder}: is a folder; expected a WAV file", Assert.Throws<AudioFormatException>(() => WavFile.Read(folder)).Message);
        Assert.Equal($"{missingFolder}: no such file; expected a WAV file", Assert.Throws<AudioFormatException>(() => WavFile.Read(missingFolder)).Message);
    }

    [Fact]
    public void A_file_that_fails_to_read_is_an_audio_format_exception_naming_it()
    {
        // Reading /proc/self/mem from offset 0 fails with EIO on Linux, even as root: a real read error, not a permission check.
        if (!OperatingSystem.IsLinux()) return;
        const string path = "/proc/self/mem";

        var error = Assert.Throws<AudioFormatException>(() => WavFile.Read(path));

        Assert.StartsWith($"{path}: cannot be read (", error.Message);
        Assert.EndsWith("); expected a readable WAV file", error.Message);
    }
}
