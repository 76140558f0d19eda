using MlDsl.Audio;
using MlDsl.Pipelines;

namespace MlDsl.Tests.Pipelines;

/// <summary>Which layers count as a model's audio front end, and what they make of real tones.</summary>
public sealed class AudioFrontEndTests
{
    [Fact]
    public void The_front_end_is_the_leading_mel_and_decibel_layers_in_forward_order()
    {
        using var model = new ToneNet(seed: 1);

        AudioFrontEnd frontEnd = AudioFrontEnd.Find(model)!;

        Assert.Collection(frontEnd.Layers, layer => Assert.IsType<MelSpectrogram>(layer), layer => Assert.IsType<AmplitudeToDb>(layer));
        Assert.Equal("mel bin", frontEnd.BinLabel);
    }

    [Fact]
    public void Augmentations_before_and_inside_the_front_end_are_skipped()
    {
        using var model = new ClipNet(seed: 1); // WaveAugment, MelSpectrogram, AmplitudeToDb, SpecAugment, Conv2d...

        AudioFrontEnd frontEnd = AudioFrontEnd.Find(model)!;

        Assert.Collection(frontEnd.Layers, layer => Assert.IsType<MelSpectrogram>(layer), layer => Assert.IsType<AmplitudeToDb>(layer));
    }

    [Fact]
    public void An_mfcc_front_end_is_labelled_by_coefficient()
    {
        using var model = new CepstralNet(seed: 1);

        AudioFrontEnd frontEnd = AudioFrontEnd.Find(model)!;

        Assert.IsType<Mfcc>(Assert.Single(frontEnd.Layers));
        Assert.Equal("MFCC coefficient", frontEnd.BinLabel);
    }

    [Fact]
    public void A_model_without_audio_layers_has_no_front_end()
    {
        using var model = new PointMlp(seed: 1);

        Assert.Null(AudioFrontEnd.Find(model));
    }

    [Fact]
    public void The_higher_tone_has_its_energy_peak_in_a_higher_mel_bin()
    {
        using var model = new ToneNet(seed: 1);
        List<Tone> tones = ToneClips.Make(2, seed: 3); // low, high

        double[][,] features = AudioFrontEnd.Find(model)!.Features(tones);

        Assert.Equal(32, features[0].GetLength(0));
        Assert.Equal(1 + 8000 / 80, features[0].GetLength(1));
        int low = PeakBin(features[0]), high = PeakBin(features[1]);
        Assert.True(high > low + 5, $"peak mel bin of the high tone {high}, of the low tone {low}");
    }

    // The bin with the most energy, averaged over frames.
    private static int PeakBin(double[,] features)
    {
        int bins = features.GetLength(0), frames = features.GetLength(1);
        double[] mean = Enumerable.Range(0, bins).Select(bin => Enumerable.Range(0, frames).Average(frame => features[bin, frame])).ToArray();
        return Array.IndexOf(mean, mean.Max());
    }
}
