using MlDsl.Analysis;
using MlDsl.Audio.Augmentation;
using MlDsl.Audio.Monitoring;
using MlDsl.Deployment;
using MlDsl.Examples.SpokenLanguage;
using NWaves.Signals;
using LowPass = NWaves.Filters.Butterworth.LowPassFilter;

namespace MlDsl.Tests.Deployment;

/// <summary>
/// Audio drift on real recordings (Debian's Asterisk prompts): an audio model's artifact keeps clip summaries of its
/// training waveforms, and <c>monitor</c> compares what clips sound like, not raw sample positions.
/// </summary>
public sealed class AudioDriftTests() : TemporaryFolder("mldsl-audio-drift")
{
    // 60 prompts per language, alternating: the even ones train, the odd ones are a fresh sample of the same recordings.
    private static readonly Lazy<(List<SpokenClip> Train, List<SpokenClip> Fresh)> Clips = new(() =>
    {
        List<SpokenClip> clips = AsteriskSounds.Load(perLanguage: 60);
        return (clips.Where((_, i) => i % 2 == 0).ToList(), clips.Where((_, i) => i % 2 == 1).ToList());
    });

    private OpenedArtifact Export()
    {
        (List<SpokenClip> train, _) = Clips.Value;
        using var model = new LanguageCnn(seed: 1);
        SpokenClip[] probe = train.Take(8).ToArray();
        var report = ClassificationReport.Compute(probe, model.Predict(probe), AsteriskSounds.Languages);
        string path = Path.Combine(Root, "language-cnn");
        ModelArtifact.Export(path, model, LanguageCnn.ModelName, new ArtifactContents<SpokenClip>(train, report, AsteriskSounds.Languages));
        return ModelArtifact.Open(path);
    }

    private static List<SpokenClip> Changed(IEnumerable<SpokenClip> clips, Func<float[], float[]> change) =>
        clips.Select(clip => clip with { Samples = change(clip.Samples) }).ToList();

    [Fact]
    public void An_audio_models_artifact_keeps_clip_summaries_of_its_training_waveforms()
    {
        OpenedArtifact artifact = Export();

        AudioReference audio = Assert.IsType<AudioReference>(artifact.AudioReference);
        Assert.Equal(SpokenClip.SampleRate, audio.SampleRate);
        Assert.Equal(ClipSummary.Names, audio.Features);
        Assert.All(audio.Columns, column => Assert.Equal(Clips.Value.Train.Count, column.Length));
        Assert.True(File.Exists(Path.Combine(ArtifactFiles.CurrentVersion(artifact.Directory), "audio_reference.json")));
        Assert.Equal(3, artifact.Manifest.FormatVersion);
    }

    [Fact]
    public void A_fresh_sample_of_the_same_recordings_does_not_drift()
    {
        DriftReport report = Export().Monitor(Clips.Value.Fresh);

        Assert.Equal(ClipSummary.Names, report.Features.Select(feature => feature.Feature));
        Assert.False(report.Drifted, report.ToString());
    }

    [Fact]
    public void The_same_recordings_with_background_noise_at_10_db_snr_drift_in_flatness_and_zero_crossings()
    {
        var random = new Random(7);
        float[] White(int length) => Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

        DriftReport report = Export().Monitor(Changed(Clips.Value.Fresh, samples => WaveformEffects.MixNoise(samples, White(samples.Length), 10)));

        string[] drifted = report.Features.Where(feature => feature.Drifted).Select(feature => feature.Feature).ToArray();
        Assert.Contains("spectral_flatness", drifted);
        Assert.Contains("zero_crossing_rate", drifted);
    }

    [Fact]
    public void The_same_recordings_through_an_800_hz_low_pass_drift_in_centroid_and_rolloff()
    {
        DriftReport report = Export().Monitor(Changed(Clips.Value.Fresh,
            samples => new LowPass(800.0 / SpokenClip.SampleRate, 6).ApplyTo(new DiscreteSignal(SpokenClip.SampleRate, samples)).Samples[..samples.Length]));

        string[] drifted = report.Features.Where(feature => feature.Drifted).Select(feature => feature.Feature).ToArray();
        Assert.Contains("spectral_centroid_hz", drifted);
        Assert.Contains("spectral_rolloff_hz", drifted);
    }

    [Fact]
    public void Padding_a_clip_with_silence_does_not_change_its_spectral_summary()
    {
        // Faded in and out over 50 ms, as a recorded prompt is: an abrupt start would be a click, a real change of sound.
        float[] tone = Enumerable.Range(0, 4000).Select(i => (float)(0.3 * Math.Sin(2 * Math.PI * 700 * i / 8000.0) * Math.Min(1, Math.Min(i, 3999 - i) / 400.0))).ToArray();
        float[] padded = new float[16000];
        tone.CopyTo(padded, 6000);

        double[] alone = ClipSummary.Summarise(tone, 8000), inSilence = ClipSummary.Summarise(padded, 8000);

        Assert.InRange(alone[2], 650, 750); // the centroid of a 700 Hz tone
        // Counted, the 75% of silent frames would pull the centroid towards 0 (near 180 Hz) and the flatness towards 1
        // (a spectrum of zeros is flat); left out, only the frames straddling the tone's edges differ: the centroid within
        // 5%, the rolloff within two 31.25 Hz bins, the flatness (0 for a pure tone, 1 for white noise) within 0.01.
        Assert.Equal(alone[2], inSilence[2], 0.05 * alone[2]);
        Assert.Equal(alone[3], inSilence[3], 2 * 8000.0 / 256);
        Assert.Equal(alone[4], inSilence[4], 0.01);
    }

    [Fact]
    public void A_model_without_an_audio_front_end_keeps_no_audio_reference()
    {
        var rows = SyntheticData.Points(40, seed: 2);
        using var model = new PointMlp(seed: 1);
        var report = ClassificationReport.Compute(rows, model.Predict(rows), null);
        string path = Path.Combine(Root, "points");

        ModelArtifact.Export(path, model, PointMlp.ModelName, new ArtifactContents<Point>(rows, report));

        Assert.Null(ModelArtifact.Open(path).AudioReference);
    }
}
