namespace MlDsl.Shapes.Layers;

/// <summary>Mfcc: a waveform (samples) to MFCCs (1, coefficients, frames).</summary>
public sealed class MfccLayer : SpectrogramLayer
{
    protected override int DefaultMels => 128;

    public override Options Read(LayerArguments arguments) =>
        base.Read(arguments) with { Coefficients = arguments.Int("Coefficients", 0) };
}
