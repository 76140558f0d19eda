using MlDsl.Examples.SpokenLanguage;
using MlDsl.Training;

namespace MlDsl.Tests.Audio;

/// <summary>The spoken-language example's data and model on real recordings (Debian's Asterisk sounds, fetched on first use).</summary>
public sealed class SpokenLanguageTests
{
    private static readonly Lazy<List<SpokenClip>> Clips = new(() => AsteriskSounds.Load(perLanguage: 24));

    [Fact]
    public void Recordings_of_all_five_languages_load_as_two_second_clips_with_prompt_and_category()
    {
        List<SpokenClip> clips = Clips.Value;

        Assert.Equal(5 * 24, clips.Count);
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, clips.Select(clip => clip.Language).Distinct().Order());
        Assert.All(clips, clip => Assert.Equal(SpokenClip.Length, clip.Samples.Length));
        Assert.All(clips, clip => Assert.True(clip.Samples.Any(sample => Math.Abs(sample) > 0.01), $"{clip.Prompt} is silent"));
        Assert.Contains(clips, clip => clip.Category == "digits" && clip.Prompt.StartsWith("digits/", StringComparison.Ordinal));
        Assert.DoesNotContain(clips, clip => clip.Category == "silence");
    }

    [Fact]
    public void Clips_are_centre_cropped_or_padded_with_silence()
    {
        Assert.Equal(new float[] { 2, 3, 4 }, AsteriskSounds.Fit(new float[] { 1, 2, 3, 4, 5 }, 3));
        Assert.Equal(new float[] { 1, 2, 0, 0 }, AsteriskSounds.Fit(new float[] { 1, 2 }, 4));
    }

    [Fact]
    public void The_log_mel_cnn_learns_on_real_recordings()
    {
        using var model = new LanguageCnn(seed: 3);

        FitReport report = model.Fit(Clips.Value, options: new FitOptions { Epochs = 4, BatchSize = 16, LearningRate = 2e-3, Seed = 3 });

        Assert.True(report.Last.TrainLoss < report.Epochs[0].TrainLoss, $"loss {report.Epochs[0].TrainLoss} -> {report.Last.TrainLoss}");
        Assert.Equal(Clips.Value.Count, model.Predict(Clips.Value).Length);
    }
}
