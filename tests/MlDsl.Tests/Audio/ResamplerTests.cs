using MlDsl.Audio;

namespace MlDsl.Tests.Audio;

public sealed class ResamplerTests() : TemporaryFolder("mldsl-resampler")
{
    [Theory]
    [InlineData(16000, "resampled_16000")]
    [InlineData(6000, "resampled_6000")]
    [InlineData(22050, "resampled_22050")]
    public void Windowed_sinc_resampling_matches_torchaudio(int rate, string reference)
    {
        float[] expected = TorchaudioReference.Vector(reference);

        float[] actual = Resampler.Resample(TorchaudioReference.Vector("signal"), 8000, rate);

        Assert.Equal(expected.Length, actual.Length);
        double worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst < 1e-4, $"largest difference {worst}");
    }

    [Fact]
    public void The_same_rate_is_a_copy()
    {
        float[] samples = { 0.1f, -0.2f, 0.3f };

        Assert.Equal(samples, Resampler.Resample(samples, 8000, 8000));
    }

    [Fact]
    public void Rates_sharing_too_small_a_divisor_are_refused_before_the_filter_table_is_built()
    {
        var problem = Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(new float[100], 44100, 44101));

        Assert.Contains("44100 Hz -> 44101 Hz", problem.Message);
        Assert.Contains("greatest common divisor is only 1 Hz", problem.Message);
    }

    [Theory]
    [InlineData(0, 0.99)]
    [InlineData(6, 0.0)]
    [InlineData(6, 1.5)]
    [InlineData(6, double.NaN)]
    public void A_filter_without_zero_crossings_or_with_a_rolloff_outside_0_1_is_refused(int zeroCrossings, double rolloff) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(new float[10], 8000, 16000, zeroCrossings, rolloff));

    [Fact]
    public void A_file_read_at_another_rate_is_resampled_and_keeps_what_it_held()
    {
        string path = Path.Combine(Root, "tone.wav");
        short[] tone = Enumerable.Range(0, 800).Select(i => (short)(10000 * Math.Sin(2 * Math.PI * 440 * i / 8000.0))).ToArray();
        File.WriteAllBytes(path, WavBytes.Riff().Format(1, 1, 8000, 16).Chunk("data", WavBytes.Pcm16(tone)).ToArray());

        WavAudio audio = WavFile.Read(path, 16000);

        Assert.Equal((16000, 1600, 16), (audio.SampleRate, audio.Samples.Length, audio.BitsPerSample));
        Assert.Equal(Resampler.Resample(WavFile.Read(path).Samples, 8000, 16000), audio.Samples);
    }

    [Fact]
    public void A_file_whose_rate_cannot_be_resampled_is_reported_with_its_name()
    {
        string path = Path.Combine(Root, "odd-rate.wav");
        File.WriteAllBytes(path, WavBytes.Riff().Format(1, 1, 44101, 16).Chunk("data", WavBytes.Pcm16(1, 2, 3)).ToArray());

        var problem = Assert.Throws<AudioFormatException>(() => WavFile.Read(path, 44100));

        Assert.Equal(path, problem.Path);
        Assert.Contains("recorded at 44101 Hz", problem.Message);
    }
}
