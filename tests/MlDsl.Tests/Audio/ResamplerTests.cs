using MlDsl.Audio;

namespace MlDsl.Tests.Audio;

public sealed class ResamplerTests
{
    [Theory]
    [InlineData(16000, "resampled_16000")]
    [InlineData(6000, "resampled_6000")]
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
}
