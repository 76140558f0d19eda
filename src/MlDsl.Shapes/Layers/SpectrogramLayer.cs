namespace MlDsl.Shapes.Layers;

/// <summary>
/// MelSpectrogram / Mfcc: a waveform (samples) to (1, mels or coefficients, 1 + samples / hop),
/// the frame count of centred STFT frames. No parameters: the filter bank and DCT are constants.
/// </summary>
public abstract class SpectrogramLayer : LayerDefinition<SpectrogramLayer.Options>
{
    /// <param name="Hop">Samples between frames; null means NFft / 2.</param>
    /// <param name="Coefficients">MFCCs kept; null for a mel spectrogram.</param>
    /// <param name="MinHz">Lowest filter frequency in Hz; 0 is torchaudio's default.</param>
    /// <param name="MaxHz">Highest filter frequency in Hz; 0 means half the sample rate.</param>
    public sealed record Options(int SampleRate, int FftSize, int? Hop, int Mels, double MinHz, double MaxHz, bool Slaney, int? Coefficients)
    {
        public int HopSamples => Hop ?? FftSize / 2;
    }

    /// <summary>The mel count when the attribute does not give one (torchaudio: 128 for MFCC, ours 64 for the spectrogram).</summary>
    protected abstract int DefaultMels { get; }

    // Defaults mirror the attribute classes' property initialisers.
    public override Options Read(LayerArguments arguments) =>
        new Options(arguments.Int("SampleRate", 0), arguments.Int("NFft", 400), arguments.Declared("Hop"), arguments.Int("Mels", DefaultMels),
            arguments.Double("MinHz", 0), arguments.Double("MaxHz", 0), arguments.Bool("Slaney"),
            arguments.Has("Coefficients") ? arguments.Int("Coefficients", 0) : null);

    protected override string Onnx(ResolvedLayer layer, Options options) =>
        $"{Name}(x, {Module(layer)}, nFft: {options.FftSize}, hop: {options.HopSamples})";

    protected override LayerOutcome Infer(LayerSpec spec, Options audio, TensorShape input)
    {
        if (RequireRank(spec, input, 1, "a waveform (samples)") is { } rank) return rank;
        if (audio.SampleRate <= 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} needs SampleRate, the rate of the waveform it receives");
        if (audio.FftSize < 2 || audio.HopSamples <= 0 || audio.Mels <= 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} needs NFft of at least 2 and positive Hop and Mels");
        double top = audio.MaxHz > 0 ? audio.MaxHz : audio.SampleRate / 2.0;
        if (audio.MinHz < 0 || audio.MinHz >= top || top > audio.SampleRate / 2.0)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} has MinHz {Number(audio.MinHz)} and MaxHz {Number(top)}; it needs 0 <= MinHz < MaxHz <= SampleRate / 2 = {Number(audio.SampleRate / 2.0)}");
        int samples = input[0];
        if (audio.FftSize / 2 >= samples)
            return Fail(ShapeProblemKind.SpatialCollapse, spec, $"{spec.Describe()} with NFft {audio.FftSize} needs more than {audio.FftSize / 2} samples for its reflect padding but receives {input}");

        int frames = 1 + samples / audio.HopSamples;
        int rows = audio.Coefficients ?? audio.Mels;
        if (audio.Coefficients is not null && (rows <= 0 || rows > audio.Mels))
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} asks for {rows} coefficients from {audio.Mels} mels; it needs between 1 and {audio.Mels}");

        string band = (audio.MinHz > 0 ? $", minHz: {Number(audio.MinHz)}" : "") + (audio.MaxHz > 0 ? $", maxHz: {Number(audio.MaxHz)}" : "");
        string common = $"sampleRate: {audio.SampleRate}, nFft: {audio.FftSize}, hop: {audio.HopSamples}, mels: {audio.Mels}";
        string factory = audio.Coefficients is not null
            ? $"new global::MlDsl.Audio.Mfcc({common}, coefficients: {rows}{band})"
            : $"new global::MlDsl.Audio.MelSpectrogram({common}{band}" + (audio.Slaney ? ", scale: global::MlDsl.Audio.MelScaleKind.Slaney, slaneyNormalize: true)" : ")");
        return Resolved(spec, input, TensorShape.Of(1, rows, frames), 0, factory, Name);
    }
}
