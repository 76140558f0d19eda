namespace MlDsl.Shapes;

/// <summary>Every layer the DSL knows. The attribute for a kind is named after it (Conv2d -> Conv2dAttribute).</summary>
public enum LayerKind
{
    Conv2d,
    MaxPool2d,
    AvgPool2d,
    BatchNorm2d,
    Linear,
    Dropout,
    Flatten,
    Relu,
    Gelu,
    Sigmoid,
    Tanh,
    Softmax,
    LogSoftmax,
    MelSpectrogram,
    AmplitudeToDb,
    Mfcc,
    SpecAugment,
    WaveAugment,
}
