using MlDsl.Audio;

namespace MlDsl.Tests.Audio;

/// <summary>
/// The Slaney references below are librosa's construction (hz_to_mel, filters.mel with norm="slaney"), not values
/// librosa publishes: make_librosa_reference.py, checked in next to this file, transcribes librosa 0.10's code and
/// prints them in float64. The torchaudio references are torchaudio's own output (make_reference.py).
/// </summary>
public sealed class MelScaleTests
{
    [Theory]
    [InlineData(60, 0.9)]
    [InlineData(11025, 49.91059448015905)]
    public void Slaney_mel_matches_librosas_formula(double hz, double mel)
    {
        Assert.Equal(mel, MelScale.HzToMel(hz, MelScaleKind.Slaney), 1e-9);
        Assert.Equal(hz, MelScale.MelToHz(mel, MelScaleKind.Slaney), 1e-6);
    }

    [Fact]
    public void Slaney_filter_bank_first_row_matches_librosas_construction()
    {
        double[,] bank = MelScale.FilterBank(1025, 128, 22050, 0, 11025, MelScaleKind.Slaney, slaneyNormalize: true);

        Assert.Equal((128, 1025), (bank.GetLength(0), bank.GetLength(1)));
        // make_librosa_reference.py: filters.mel(sr=22050, n_fft=2048, n_mels=128)[0, :6] in float64.
        double[] expected = { 0, 0.016182853208219942, 0.032365706416439884, 0.028990088037379964, 0.012807234829160026, 0 };
        for (int bin = 0; bin < expected.Length; bin++)
            Assert.True(Math.Abs(bank[0, bin] - expected[bin]) <= 1e-4 * expected[bin] + 1e-12, $"bin {bin}: {bank[0, bin]} vs {expected[bin]}");
    }

    [Fact]
    public void Slaney_filter_bank_matches_torchaudio()
    {
        double[,] bank = MelScale.FilterBank(129, 32, 8000, 0, 4000, MelScaleKind.Slaney, slaneyNormalize: true);
        var actual = new float[32, 129];
        for (int m = 0; m < 32; m++)
            for (int bin = 0; bin < 129; bin++) actual[m, bin] = (float)bank[m, bin];

        // torchaudio builds the bank in float32; its triangles' far tails carry that rounding, so tails are compared against the peak.
        TorchaudioReference.AssertClose(TorchaudioReference.Matrix("fbank_slaney"), actual, 1e-4, floor: 1e-2);
    }
}
