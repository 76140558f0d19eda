using MlDsl.Audio;
using MlDsl.Audio.Augmentation;
using MlDsl.Data.Steps;
using MlDsl.Tests.Pipelines;

namespace MlDsl.Tests.Audio;

/// <summary>Silence trimming at ingestion, centre and seeded random crops, and the training-only random crop.</summary>
public sealed class ClipCroppingTests
{
    private static float[] Burst(int before, int length, int after, float hiss = 0)
    {
        var random = new Random(1);
        return Enumerable.Range(0, before + length + after).Select(i =>
            (i >= before && i < before + length ? (float)(0.5 * Math.Sin(i * 0.3)) : 0f) + hiss * (float)(random.NextDouble() - 0.5)).ToArray();
    }

    [Fact]
    public void Leading_and_trailing_silence_are_trimmed_to_the_20_ms_frames_that_sound()
    {
        float[] clip = Burst(before: 4000, length: 3200, after: 2400);

        float[] trimmed = ClipCropping.TrimSilence(clip, 8000);

        Assert.Equal(clip[4000..7200], trimmed); // the burst starts and ends on frame boundaries (160 samples)
    }

    [Fact]
    public void Hiss_far_below_the_voice_is_trimmed_but_a_pause_inside_the_speech_is_kept()
    {
        float[] clip = Burst(2000, 1600, 0, hiss: 0.001f).Concat(new float[1600]).Concat(Burst(0, 1600, 2000, hiss: 0.001f)).ToArray();

        float[] trimmed = ClipCropping.TrimSilence(clip, 8000);

        Assert.InRange(trimmed.Length, 1600 + 1600 + 1600, 1600 + 1600 + 1600 + 2 * 160);
    }

    [Fact]
    public void A_silent_clip_trims_to_nothing_and_a_bad_threshold_is_refused()
    {
        Assert.Empty(ClipCropping.TrimSilence(new float[8000], 8000));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClipCropping.TrimSilence(new float[10], 8000, thresholdDb: 0));
    }

    [Fact]
    public void A_crop_is_the_middle_without_a_generator_and_a_seeded_window_with_one()
    {
        float[] ramp = Enumerable.Range(0, 100).Select(i => (float)i).ToArray();

        Assert.Equal(Enumerable.Range(45, 10).Select(i => (float)i), ClipCropping.Crop(ramp, 10));
        float[] first = ClipCropping.Crop(ramp, 10, new Random(5)), again = ClipCropping.Crop(ramp, 10, new Random(5));
        Assert.Equal(first, again);
        Assert.Equal(Enumerable.Range((int)first[0], 10).Select(i => (float)i), first); // a contiguous window
        var starts = Enumerable.Range(0, 50).Select(seed => ClipCropping.Crop(ramp, 10, new Random(seed))[0]).Distinct().Count();
        Assert.True(starts > 20, $"only {starts} different starts in 50 seeds");
        Assert.Equal(new float[] { 0, 0, 1, 2, 3, 0, 0 }, ClipCropping.Crop(new float[] { 1, 2, 3 }, 7));
    }

    [Fact]
    public void The_training_random_crop_keeps_the_rows_length_and_cuts_the_share_asked_for()
    {
        List<Tone> tones = ToneClips.Make(4, seed: 3);
        var options = new AudioAugmentOptions { SampleRate = 8000, RandomCrop = 0.25, Probability = 1, Copies = 1, Seed = 9 };

        Tone[] rows = AudioAugmentation.Augment(tones, options);

        Assert.All(rows.Skip(4), row => Assert.Equal(8000, row.Samples.Length));
        Assert.All(rows.Skip(4), row => Assert.InRange(row.Samples.Count(sample => sample == 0), 2000, 2010));
        Assert.Equal(rows.Select(row => row.Samples), AudioAugmentation.Augment(tones, options).Select(row => row.Samples));
        Assert.Equal("RandomCrop", Assert.Throws<DataStepException>(() => AudioAugmentation.Augment(tones, options with { RandomCrop = 0.6 })).Option);
    }
}
