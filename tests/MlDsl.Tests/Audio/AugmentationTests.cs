using MlDsl.Audio.Augmentation;
using MlDsl.Data.Steps;
using MlDsl.Pipelines;
using MlDsl.Tests.Pipelines;
using MlDsl.Training;

namespace MlDsl.Tests.Audio;

[Dataset]
public sealed partial record NoisyTone
{
    [Feature, Shape(8000), AudioAugment(8000, NoiseSnrDb = 10, Probability = 1, Copies = 1)] public required float[] Samples { get; init; }
    [Label(Classes = 2)] public int Pitch { get; init; }
}

[Model(typeof(NoisyTone))]
public sealed partial class NoisyToneNet
{
    [MelSpectrogram(SampleRate = 8000, NFft = 256, Hop = 80, Mels = 32), AmplitudeToDb] Layer features;
    [Flatten, Linear(2)] Layer head;
}

/// <summary>The training-only waveform augmentations: each effect does what it says, seeded runs repeat, bad options are named.</summary>
public sealed class AugmentationTests() : TemporaryFolder("mldsl-augment")
{
    private const int Rate = 8000;

    private static float[] Tone(double hertz, int length = Rate, double amplitude = 0.5) =>
        Enumerable.Range(0, length).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * hertz * i / Rate))).ToArray();

    /// <summary>Magnitude of the DFT of <paramref name="samples"/> at <paramref name="hertz"/>, per sample.</summary>
    private static double Level(float[] samples, double hertz)
    {
        double re = 0, im = 0;
        for (int i = 0; i < samples.Length; i++)
        {
            re += samples[i] * Math.Cos(2 * Math.PI * hertz * i / Rate);
            im -= samples[i] * Math.Sin(2 * Math.PI * hertz * i / Rate);
        }
        return Math.Sqrt(re * re + im * im) / samples.Length;
    }

    private static double Strongest(float[] samples, IEnumerable<double> candidates) => candidates.MaxBy(hertz => Level(samples, hertz));

    private static List<Tone> Tones(int count) =>
        Enumerable.Range(0, count).Select(i => new Tone { Samples = Tone(300 + 100 * i), Pitch = i % 2 }).ToList();

    [Fact]
    public void Pitch_shifted_an_octave_up_a_300_hz_tone_sounds_at_600_hz_and_keeps_its_length()
    {
        float[] shifted = WaveformEffects.PitchShift(Tone(300), Rate, 12);

        Assert.Equal(Rate, shifted.Length);
        Assert.Equal(600, Strongest(shifted, new double[] { 300, 450, 600, 750, 900 }));
    }

    [Fact]
    public void Time_stretch_lengthens_a_burst_without_changing_its_pitch()
    {
        var burst = new float[Rate];
        Tone(500, 2000).CopyTo(burst, 3000);

        float[] slower = WaveformEffects.TimeStretch(burst, Rate, 1.5);

        static int Loud(float[] samples) => Enumerable.Range(0, samples.Length / 80).Count(frame => samples.Skip(frame * 80).Take(80).Max(Math.Abs) > 0.25f);
        Assert.InRange(Loud(slower), 1.35 * Loud(burst), 1.65 * Loud(burst));
        Assert.Equal(500, Strongest(slower, new double[] { 333, 400, 500, 600, 750 }));
    }

    [Fact]
    public void Band_pass_keeps_the_band_and_attenuates_what_lies_outside_it()
    {
        float[] mix = Tone(100).Zip(Tone(600), (a, b) => a + b).Zip(Tone(3500), (a, b) => a + b).ToArray();

        float[] filtered = WaveformEffects.BandPass(mix, Rate, 300, 1200);

        Assert.InRange(Level(filtered, 600) / Level(mix, 600), 0.8, 1.2);
        Assert.True(Level(filtered, 100) < 0.1 * Level(mix, 100), $"100 Hz kept at {Level(filtered, 100) / Level(mix, 100):P1}");
        Assert.True(Level(filtered, 3500) < 0.1 * Level(mix, 3500), $"3500 Hz kept at {Level(filtered, 3500) / Level(mix, 3500):P1}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(10.0)]
    [InlineData(-5.0)]
    public void Noise_is_mixed_in_at_the_chosen_signal_to_noise_ratio(double snrDb)
    {
        float[] clip = Tone(440);
        float[] noise = Tone(97, 3000, amplitude: 0.01).Select((value, i) => value + (float)((i * 7919 % 1000) / 1000.0 - 0.5) * 0.02f).ToArray();

        float[] mixed = WaveformEffects.MixNoise(clip, noise, snrDb);

        float[] added = mixed.Zip(clip, (m, c) => m - c).ToArray();
        Assert.Equal(snrDb, 10 * Math.Log10(WaveformEffects.Power(clip) / WaveformEffects.Power(added)), 3);
    }

    [Fact]
    public void The_same_seed_gives_the_same_augmented_rows_and_another_seed_other_rows()
    {
        var options = new AudioAugmentOptions { SampleRate = Rate, TimeStretch = 0.2, PitchShiftSemitones = 2, BandPassLowHz = 200, BandPassHighHz = 3000, NoiseSnrDb = 20, Probability = 0.7, Copies = 2, Seed = 3 };
        List<Tone> tones = Tones(6);

        Tone[] first = AudioAugmentation.Augment(tones, options), again = AudioAugmentation.Augment(tones, options);
        Tone[] other = AudioAugmentation.Augment(tones, options with { Seed = 4 });

        Assert.Equal(18, first.Length);
        Assert.Equal(first.Select(row => row.Samples), again.Select(row => row.Samples));
        Assert.NotEqual(first.Skip(6).Select(row => row.Samples), other.Skip(6).Select(row => row.Samples));
    }

    [Fact]
    public void Copies_follow_the_originals_with_their_labels_and_zero_copies_replaces_each_row()
    {
        List<Tone> tones = Tones(4);
        var options = new AudioAugmentOptions { SampleRate = Rate, NoiseSnrDb = 5, Probability = 1, Copies = 1 };

        Tone[] doubled = AudioAugmentation.Augment(tones, options);
        Tone[] replaced = AudioAugmentation.Augment(tones, options with { Copies = 0 });

        Assert.Equal(tones.Select(t => t.Samples), doubled.Take(4).Select(t => t.Samples));
        Assert.Equal(tones.Select(t => t.Pitch), doubled.Skip(4).Select(t => t.Pitch));
        Assert.All(doubled.Skip(4).Zip(tones), pair => Assert.NotEqual(pair.Second.Samples, pair.First.Samples));
        Assert.Equal(doubled.Skip(4).Select(t => t.Samples), replaced.Select(t => t.Samples));
    }

    [Theory]
    [InlineData(nameof(AudioAugmentOptions.BandPassLowHz), 300, 4500, 0.5, 0.1)]
    [InlineData(nameof(AudioAugmentOptions.TimeStretch), 0, 0, 0.5, 0.9)]
    [InlineData(nameof(AudioAugmentOptions.Probability), 0, 0, 1.5, 0.1)]
    public void An_option_out_of_range_is_refused_with_its_name(string option, double low, double high, double probability, double stretch)
    {
        var options = new AudioAugmentOptions { SampleRate = Rate, BandPassLowHz = low, BandPassHighHz = high, Probability = probability, TimeStretch = stretch };

        var problem = Assert.Throws<DataStepException>(() => AudioAugmentation.Augment(Tones(2), options));

        Assert.Equal(option, problem.Option);
    }

    [Fact]
    public void A_member_that_is_not_a_waveform_feature_is_refused_with_the_features_there_are()
    {
        var problem = Assert.Throws<DataStepException>(() => AudioAugmentation.Augment(Tones(2), new AudioAugmentOptions { SampleRate = Rate, Member = "Pitch" }));

        Assert.Contains("'Pitch' is not a feature of Tone; its feature members are Samples", problem.Message);
    }

    [Fact]
    public void Noise_recordings_from_a_folder_are_mixed_in_and_an_empty_folder_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(Root, "noise"));
        Directory.CreateDirectory(Path.Combine(Root, "empty"));
        short[] hum = Enumerable.Range(0, 4000).Select(i => (short)(3000 * Math.Sin(2 * Math.PI * 50 * i / Rate))).ToArray();
        File.WriteAllBytes(Path.Combine(Root, "noise", "hum.wav"), WavBytes.Riff().Format(1, 1, Rate, 16).Chunk("data", WavBytes.Pcm16(hum)).ToArray());
        var options = new AudioAugmentOptions { SampleRate = Rate, NoiseSnrDb = 0, NoiseFolder = Path.Combine(Root, "noise"), Probability = 1, Copies = 0 };

        Tone hummed = AudioAugmentation.Augment(Tones(1), options)[0];

        Assert.True(Level(hummed.Samples, 50) > 0.1, $"50 Hz hum at {Level(hummed.Samples, 50)}");
        var problem = Assert.Throws<DataStepException>(() => AudioAugmentation.Augment(Tones(1), options with { NoiseFolder = Path.Combine(Root, "empty") }));
        Assert.Equal(nameof(AudioAugmentOptions.NoiseFolder), problem.Option);
    }

    [Fact]
    public void A_pipeline_augments_only_its_training_split_as_the_dataset_declares()
    {
        List<NoisyTone> rows = ToneClips.Make(40, seed: 2).Select(tone => new NoisyTone { Samples = tone.Samples, Pitch = tone.Pitch }).ToList();
        var pipeline = new PipelineDefinition<NoisyTone, NoisyToneNet>("NoisyTones", () => rows, seed => new NoisyToneNet(seed), NoisyToneNet.Load, NoisyToneNet.ModelName)
        {
            Training = new FitOptions { Epochs = 1, BatchSize = 16 },
            ExportDirectory = Path.Combine(Root, "artifact"),
        };

        PipelineRun run = PipelineRunner.Run(pipeline, new PipelineOptions { OutputDirectory = Path.Combine(Root, "out"), Quiet = true });

        // "Random: 28 train / 4 validation / 8 test": the split itself is of the 40 rows as ingested.
        int[] parts = run.Stages.Single(stage => stage.Stage == "split").Outcome.Split(": ")[1].Split(" / ").Select(part => int.Parse(part.Split(' ')[0])).ToArray();
        Assert.Equal(40, parts.Sum());
        Assert.Equal($"Samples: {parts[0]} -> {2 * parts[0]} training rows", run.Stages.Single(stage => stage.Stage == "augment").Outcome);
    }
}
