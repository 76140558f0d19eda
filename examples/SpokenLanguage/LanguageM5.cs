namespace MlDsl.Examples.SpokenLanguage;

/// <summary>
/// A raw-waveform 1-D CNN in the style of M5 (Dai et al. 2017, "Very deep convolutional neural
/// networks for raw waveforms"), as in torchaudio's speech-command tutorial: a wide first kernel
/// (80 samples, 10 ms at 8 kHz, stride 16) learns its own filter bank from the samples, then small
/// kernels, batch normalisation and pooling by 4, and a global average over time before the classifier.
/// </summary>
[Model(typeof(SpokenClip))]
public sealed partial class LanguageM5
{
    [WaveAugment, Unsqueeze(0)] Layer signal;                                           // (1, 16000)
    [Conv1d(32, Kernel = 80, Stride = 16), BatchNorm1d, Relu, MaxPool1d(4)] Layer block1; // (32, 249)
    [Conv1d(32, Kernel = 3), BatchNorm1d, Relu, MaxPool1d(4)] Layer block2;               // (32, 61)
    [Conv1d(64, Kernel = 3), BatchNorm1d, Relu, MaxPool1d(4)] Layer block3;               // (64, 14)
    [Conv1d(64, Kernel = 3), BatchNorm1d, Relu, MaxPool1d(4)] Layer block4;               // (64, 3)
    [GlobalAvgPool1d] Layer pool;                                                        // (64)
    [Linear(5)] Layer output;
}
