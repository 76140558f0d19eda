namespace MlDsl.Shapes.Layers;

/// <summary>
/// MelSpectrogram / Mfcc: a waveform (samples) to (1, mels or coefficients, 1 + samples / hop),
/// the frame count of centred STFT frames. No parameters: the filter bank and DCT are constants.
/// </summary>
public sealed class SpectrogramRule(LayerKind kind) : LayerRule
{
    public override LayerKind Kind => kind;

    public override object Infer(LayerSpec spec, TensorShape input)
    {
        if (input.Rank != 1)
            return Problem(ShapeProblemKind.RankMismatch, spec, $"{Describe(spec)} expects a waveform (samples) but receives {input}, a rank-{input.Rank} tensor");
        AudioSettings audio = spec.Audio!;
        if (audio.SampleRate <= 0)
            return Problem(ShapeProblemKind.InvalidArgument, spec, $"{Describe(spec)} needs SampleRate, the rate of the waveform it receives");
        if (audio.FftSize < 2 || audio.Hop <= 0 || audio.Mels <= 0)
            return Problem(ShapeProblemKind.InvalidArgument, spec, $"{Describe(spec)} needs NFft of at least 2 and positive Hop and Mels");
        int samples = input[0];
        if (audio.FftSize / 2 >= samples)
            return Problem(ShapeProblemKind.SpatialCollapse, spec, $"{Describe(spec)} with NFft {audio.FftSize} needs more than {audio.FftSize / 2} samples for its reflect padding but receives {input}");

        int frames = 1 + samples / audio.Hop;
        int rows = kind == LayerKind.Mfcc ? spec.Size ?? 0 : audio.Mels;
        if (kind == LayerKind.Mfcc && (rows <= 0 || rows > audio.Mels))
            return Problem(ShapeProblemKind.InvalidArgument, spec, $"{Describe(spec)} asks for {rows} coefficients from {audio.Mels} mels; it needs between 1 and {audio.Mels}");

        string common = $"sampleRate: {audio.SampleRate}, nFft: {audio.FftSize}, hop: {audio.Hop}, mels: {audio.Mels}";
        string factory = kind == LayerKind.Mfcc
            ? $"new global::MlDsl.Audio.Mfcc({common}, coefficients: {rows})"
            : $"new global::MlDsl.Audio.MelSpectrogram({common}" + (audio.Slaney ? ", scale: global::MlDsl.Audio.MelScaleKind.Slaney, slaneyNormalize: true)" : ")");
        return new ResolvedLayer(spec, input, TensorShape.Of(1, rows, frames), 0, factory, kind.ToString());
    }
}
