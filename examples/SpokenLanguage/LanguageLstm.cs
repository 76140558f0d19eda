namespace MlDsl.Examples.SpokenLanguage;

/// <summary>
/// A sequence model over log-mel frames: the same spectrogram front end as <see cref="LanguageCnn"/>,
/// read as 201 frames of 64 mel bands by a bidirectional LSTM whose last step is classified.
/// </summary>
[Model(typeof(SpokenClip))]
public sealed partial class LanguageLstm
{
    [MelSpectrogram(SampleRate = SpokenClip.SampleRate, NFft = 256, Hop = 80, Mels = 64), AmplitudeToDb(TopDb = 80), BatchNorm2d, SpecAugment(TimeWidth = 20)] Layer features; // (1, 64, 201)
    [Squeeze(0), Permute(1, 0)] Layer frames;                                  // (201, 64)
    [Lstm(64, Bidirectional = true)] Layer lstm;                               // (128), the last step
    [Dropout(0.3), Linear(64), Relu] Layer hidden;
    [Linear(5)] Layer output;
}
