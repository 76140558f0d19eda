using System.Buffers.Binary;
using MlDsl.Audio;

namespace MlDsl.Tests.Audio;

public sealed class WavFileTests
{
    private static readonly double[] Wave = { 0, 0.5, -0.5, 0.25, -1, 0.999 };

    /// <summary>The second channel of a stereo file: unlike the first, so a mix that drops or sums a channel shows.</summary>
    private static readonly double[] OtherWave = { 0.5, 0.25, -0.25, -0.75, 0.5, 0.001 };

    /// <summary>A WAV file whose first channel is <see cref="Wave"/> and whose second (if any) is <see cref="OtherWave"/>.</summary>
    private static byte[] Encode(ushort format, ushort bits, ushort channels, int rate = 8000)
    {
        int bytesPerSample = bits / 8;
        var data = new byte[Wave.Length * channels * bytesPerSample];
        for (int frame = 0; frame < Wave.Length; frame++)
            for (int channel = 0; channel < channels; channel++)
            {
                double value = channel == 0 ? Wave[frame] : OtherWave[frame];
                Span<byte> target = data.AsSpan((frame * channels + channel) * bytesPerSample, bytesPerSample);
                switch (format, bits)
                {
                    case (3, 32): BinaryPrimitives.WriteSingleLittleEndian(target, (float)value); break;
                    case (3, 64): BinaryPrimitives.WriteDoubleLittleEndian(target, value); break;
                    case (_, 8): target[0] = (byte)Math.Round(value * 127 + 128); break;
                    case (_, 16): BinaryPrimitives.WriteInt16LittleEndian(target, (short)Math.Round(value * 32767)); break;
                    case (_, 24):
                        int v24 = (int)Math.Round(value * 8388607);
                        target[0] = (byte)v24; target[1] = (byte)(v24 >> 8); target[2] = (byte)(v24 >> 16); break;
                    default: BinaryPrimitives.WriteInt32LittleEndian(target, (int)Math.Round(value * 2147483647)); break;
                }
            }
        var file = new List<byte>();
        void Text(string s) => file.AddRange(System.Text.Encoding.ASCII.GetBytes(s));
        void Int(int v) { var b = new byte[4]; BinaryPrimitives.WriteInt32LittleEndian(b, v); file.AddRange(b); }
        void Short(ushort v) { var b = new byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, v); file.AddRange(b); }
        Text("RIFF"); Int(36 + data.Length); Text("WAVE");
        Text("fmt "); Int(16); Short(format); Short(channels); Int(rate); Int(rate * channels * bytesPerSample); Short((ushort)(channels * bytesPerSample)); Short(bits);
        Text("data"); Int(data.Length); file.AddRange(data);
        return file.ToArray();
    }

    [Theory]
    [InlineData(1, 8, 1e-2)]
    [InlineData(1, 16, 1e-4)]
    [InlineData(1, 24, 1e-6)]
    [InlineData(1, 32, 1e-6)]
    [InlineData(3, 32, 1e-7)]
    [InlineData(3, 64, 1e-7)]
    public void Every_sample_format_decodes_to_the_same_wave(ushort format, ushort bits, double tolerance)
    {
        WavAudio audio = WavFile.Parse(Encode(format, bits, channels: 1), "wave.wav");

        Assert.Equal((8000, 1, (int)bits), (audio.SampleRate, audio.Channels, audio.BitsPerSample));
        for (int i = 0; i < Wave.Length; i++)
            Assert.True(Math.Abs(audio.Samples[i] - Wave[i]) <= tolerance, $"sample {i}: {audio.Samples[i]} vs {Wave[i]}");
    }

    [Fact]
    public void Stereo_is_averaged_to_mono()
    {
        WavAudio audio = WavFile.Parse(Encode(1, 16, channels: 2), "stereo.wav");

        Assert.Equal(2, audio.Channels);
        Assert.Equal(Wave.Length, audio.Samples.Length); // one sample per frame, not per channel
        for (int i = 0; i < Wave.Length; i++)
        {
            double mean = (Wave[i] + OtherWave[i]) / 2;
            Assert.True(Math.Abs(audio.Samples[i] - mean) <= 1e-4, $"frame {i}: {audio.Samples[i]} vs the channels' mean {mean}");
        }
    }

    [Fact]
    public void A_file_that_is_not_wave_is_refused_by_name()
    {
        var error = Assert.Throws<AudioFormatException>(() => WavFile.Parse("ID3\u0004 not audio at all"u8, "song.mp3"));

        Assert.Equal("song.mp3: not a RIFF/WAVE file (starts with 'ID3?')", error.Message);
    }

    [Fact]
    public void An_unsupported_encoding_says_what_it_found()
    {
        byte[] adpcm = Encode(1, 16, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(adpcm.AsSpan(20), 2);

        var error = Assert.Throws<AudioFormatException>(() => WavFile.Parse(adpcm, "adpcm.wav"));

        Assert.Equal("adpcm.wav: format 2 with 16 bits per sample is not supported; expected PCM 8/16/24/32-bit or IEEE float 32/64-bit", error.Message);
    }

    [Fact]
    public void A_truncated_recording_is_refused_with_the_declared_and_present_sizes()
    {
        byte[] whole = Encode(1, 16, 1);

        var error = Assert.Throws<AudioFormatException>(() => WavFile.Parse(whole[..^3], "cut.wav"));

        Assert.StartsWith("cut.wav: the data chunk declares 12 bytes but only 9 follow", error.Message);
        Assert.Contains("truncated", error.Message);
    }
}
