using MlDsl.Audio;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Tests.Audio;

/// <summary>MelSpectrogram, AmplitudeToDb and Mfcc against torchaudio's values for the same signal, within 1e-4 relative.</summary>
public sealed class SpectrogramTests
{
    private static float[,] Run(torch.nn.Module<Tensor, Tensor> layer)
    {
        using var scope = NewDisposeScope();
        Tensor signal = tensor(TorchaudioReference.Vector("signal")).unsqueeze(0);
        Tensor output = layer.forward(signal)[0, 0];
        var result = new float[output.shape[0], output.shape[1]];
        float[] values = output.contiguous().data<float>().ToArray();
        Buffer.BlockCopy(values, 0, result, 0, values.Length * sizeof(float));
        return result;
    }

    [Fact]
    public void Htk_mel_spectrogram_matches_torchaudio()
    {
        using var layer = new MelSpectrogram(sampleRate: 8000, nFft: 256, hop: 80, mels: 32);

        TorchaudioReference.AssertClose(TorchaudioReference.Matrix("mel_htk"), Run(layer), 1e-4);
    }

    [Fact]
    public void Decibels_with_an_80_db_floor_match_torchaudio()
    {
        using var mel = new MelSpectrogram(sampleRate: 8000, nFft: 256, hop: 80, mels: 32);
        using var db = new AmplitudeToDb(topDb: 80);
        using var both = torch.nn.Sequential(mel, db);

        TorchaudioReference.AssertClose(TorchaudioReference.Matrix("db_top80"), Run(both), 1e-4);
    }

    [Fact]
    public void Mfcc_with_orthonormal_dct_matches_torchaudio()
    {
        using var layer = new Mfcc(sampleRate: 8000, coefficients: 13, nFft: 256, hop: 80, mels: 32);

        // Higher coefficients are sums of ±dB values that cancel, so they are compared relative to the largest coefficient.
        TorchaudioReference.AssertClose(TorchaudioReference.Matrix("mfcc13"), Run(layer), 1e-4, floor: 1);
    }

    [Fact]
    public void A_mel_band_from_20_to_3800_hz_matches_torchaudio_f_min_and_f_max()
    {
        using var layer = new MelSpectrogram(sampleRate: 8000, nFft: 256, hop: 80, mels: 32, minHz: 20, maxHz: 3800);

        TorchaudioReference.AssertClose(TorchaudioReference.Matrix("mel_htk_fmin20_fmax3800"), Run(layer), 1e-4);
    }

    [Fact]
    public void Mfcc_over_a_20_to_3800_hz_band_matches_torchaudio()
    {
        using var layer = new Mfcc(sampleRate: 8000, coefficients: 13, nFft: 256, hop: 80, mels: 32, minHz: 20, maxHz: 3800);

        TorchaudioReference.AssertClose(TorchaudioReference.Matrix("mfcc13_fmin20_fmax3800"), Run(layer), 1e-4, floor: 1);
    }

    [Theory]
    [InlineData(20.0, 5000.0, "maxHz")]     // above Nyquist at 8 kHz
    [InlineData(3000.0, 2000.0, "minHz")]   // an empty band
    [InlineData(-5.0, 0.0, "minHz")]
    public void A_mel_band_outside_0_to_nyquist_is_refused_before_libtorch_sees_it(double minHz, double maxHz, string parameter)
    {
        var problem = Assert.Throws<ArgumentOutOfRangeException>(() => new MelSpectrogram(8000, nFft: 256, mels: 32, minHz: minHz, maxHz: maxHz));

        Assert.Equal(parameter, problem.ParamName);
    }

    [Fact]
    public void Frames_follow_the_centred_stft_count()
    {
        using var layer = new MelSpectrogram(sampleRate: 8000, nFft: 256, hop: 80, mels: 32);
        using Tensor output = layer.forward(zeros(3, 8000));

        Assert.Equal(new long[] { 3, 1, 32, 1 + 8000 / 80 }, output.shape);
    }

    [Fact]
    public void Spec_augment_masks_only_in_training()
    {
        using var augment = new SpecAugment(frequencyMasks: 2, frequencyWidth: 4, timeMasks: 2, timeWidth: 6);
        using Tensor spectrogram = arange(2 * 32 * 50, dtype: float32).view(2, 1, 32, 50);
        torch.manual_seed(3);

        augment.train();
        using Tensor trained = augment.forward(spectrogram);
        augment.eval();
        using Tensor evaluated = augment.forward(spectrogram);

        Assert.True(trained.ne(spectrogram).any().item<bool>());
        Assert.True(evaluated.eq(spectrogram).all().item<bool>());
    }

    [Fact]
    public void Wave_augment_changes_training_batches_and_leaves_prediction_alone()
    {
        using var augment = new WaveAugment(maxShift: 100, gainDb: 6, noise: 0.05);
        using Tensor clips = sin(arange(2 * 1000, dtype: float32).view(2, 1000) * 0.05f);
        torch.manual_seed(5);

        augment.train();
        using Tensor trained = augment.forward(clips);
        augment.eval();
        using Tensor evaluated = augment.forward(clips);

        Assert.Equal(clips.shape, trained.shape);
        Assert.True(trained.sub(clips).abs().max().item<float>() > 0.01f);
        Assert.True(evaluated.eq(clips).all().item<bool>());
    }
}
