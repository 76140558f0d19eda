namespace MlDsl.Examples.SpokenLanguage;

/// <summary>
/// Log-mel spectrogram front end (it travels with the model, so serving computes the same features)
/// and a small CNN; SpecAugment masks frequency bands and time spans while training only.
/// </summary>
[Model(typeof(SpokenClip))]
public sealed partial class LanguageCnn
{
    [MelSpectrogram(SampleRate = SpokenClip.SampleRate, NFft = 256, Hop = 80, Mels = 64), AmplitudeToDb(TopDb = 80), BatchNorm2d, SpecAugment(TimeWidth = 20)] Layer features;
    [Arguments(16)] ConvStage block1;
    [Arguments(32)] ConvStage block2;
    [Arguments(64)] ConvStage block3;
    [AvgPool2d(2), Flatten, Dropout(0.3)] Layer pool;
    [Linear(64), Relu] Layer hidden;
    [Linear(5)] Layer output;
}
