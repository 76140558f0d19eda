namespace MlDsl.Examples.SpokenLanguage;

/// <summary>
/// <see cref="LanguageCnn"/> with a second input: the same log-mel CNN branch on the samples, and the
/// prompt's category (one-hot) through a small dense branch, concatenated before the classifier.
/// </summary>
[Model(typeof(PromptedClip))]
public sealed partial class LanguageCnnWithPrompt
{
    [Input(nameof(PromptedClip.Samples)), MelSpectrogram(SampleRate = SpokenClip.SampleRate, NFft = 256, Hop = 80, Mels = 64), AmplitudeToDb(TopDb = 80), BatchNorm2d, SpecAugment(TimeWidth = 20)] Layer features;
    [Arguments(16)] ConvStage block1;
    [Arguments(32)] ConvStage block2;
    [Arguments(64)] ConvStage block3;
    [AvgPool2d(2), Flatten, Dropout(0.3)] Layer pool;
    [Input(nameof(PromptedClip.Category)), Linear(8), Relu] Layer prompt;
    [Concatenate(nameof(pool), nameof(prompt)), Linear(64), Relu] Layer hidden;
    [Linear(5)] Layer output;
}
