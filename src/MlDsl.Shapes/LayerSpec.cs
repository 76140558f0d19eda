namespace MlDsl.Shapes;

/// <summary>
/// One layer as declared by an attribute on a model member. Value-equal so it can travel through
/// the incremental generator's pipeline; holds no Roslyn objects.
/// </summary>
/// <param name="Member">The model member that declares the layer (<c>conv1</c>).</param>
/// <param name="Position">Index of the attribute within the member's attribute stack.</param>
/// <param name="Size">Out channels (Conv2d) or out features (Linear).</param>
/// <param name="InSize">Declared in channels / in features; null means "infer it".</param>
/// <param name="Kernel">Kernel size (Conv2d, pooling).</param>
/// <param name="Stride">Stride; null means the layer's default.</param>
/// <param name="Padding">Zero padding on each side.</param>
/// <param name="Probability">Dropout probability; the dB floor for AmplitudeToDb.</param>
/// <param name="Audio">The spectrogram settings of audio layers.</param>
/// <param name="Masks">SpecAugment's masks.</param>
/// <param name="GainDb">WaveAugment's largest gain change.</param>
public sealed record LayerSpec(
    string Member,
    int Position,
    LayerKind Kind,
    int? Size = null,
    int? InSize = null,
    int? Kernel = null,
    int? Stride = null,
    int Padding = 0,
    double? Probability = null,
    AudioSettings? Audio = null,
    MaskSettings? Masks = null,
    double? GainDb = null)
{
    /// <summary>The first layer of a member takes the member's name, the rest get a suffix.</summary>
    public string FieldName => Position == 0 ? Member : Member + Kind;
}

/// <summary>Spectrogram settings shared by MelSpectrogram and Mfcc.</summary>
public sealed record AudioSettings(int SampleRate, int FftSize, int Hop, int Mels, bool Slaney = false);

/// <summary>SpecAugment's mask counts and maximum widths.</summary>
public sealed record MaskSettings(int FrequencyMasks, int FrequencyWidth, int TimeMasks, int TimeWidth);
