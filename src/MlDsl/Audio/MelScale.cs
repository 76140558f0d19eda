namespace MlDsl.Audio;

/// <summary>The two mel scales in use: HTK's (torchaudio's default) and Slaney's (librosa's default).</summary>
public enum MelScaleKind
{
    Htk,
    Slaney,
}

/// <summary>
/// Mel conversions and triangular filter banks, computed in double precision once per layer
/// (the same construction as torchaudio's <c>melscale_fbanks</c> and librosa's <c>filters.mel</c>).
/// </summary>
public static class MelScale
{
    private const double SlaneyLinearStep = 200.0 / 3; // Hz per mel below 1 kHz
    private const double SlaneyBreakHz = 1000.0;
    private static readonly double SlaneyBreakMel = SlaneyBreakHz / SlaneyLinearStep;
    private static readonly double SlaneyLogStep = Math.Log(6.4) / 27.0;

    public static double HzToMel(double hz, MelScaleKind scale) => scale switch
    {
        MelScaleKind.Htk => 2595.0 * Math.Log10(1.0 + hz / 700.0),
        _ => hz < SlaneyBreakHz ? hz / SlaneyLinearStep : SlaneyBreakMel + Math.Log(hz / SlaneyBreakHz) / SlaneyLogStep,
    };

    public static double MelToHz(double mel, MelScaleKind scale) => scale switch
    {
        MelScaleKind.Htk => 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0),
        _ => mel < SlaneyBreakMel ? mel * SlaneyLinearStep : SlaneyBreakHz * Math.Exp(SlaneyLogStep * (mel - SlaneyBreakMel)),
    };

    /// <summary>
    /// Filter bank of <paramref name="mels"/> triangles over <paramref name="frequencies"/> STFT bins
    /// from 0 to half of <paramref name="sampleRate"/>, as [mel, bin]. Slaney normalisation divides each
    /// triangle by its width so every filter has the same area.
    /// </summary>
    public static double[,] FilterBank(int frequencies, int mels, int sampleRate, double minHz, double maxHz, MelScaleKind scale, bool slaneyNormalize)
    {
        double[] binHz = Linspace(0, sampleRate / 2, frequencies);
        double minMel = HzToMel(minHz, scale), maxMel = HzToMel(maxHz, scale);
        double[] edgesHz = Linspace(minMel, maxMel, mels + 2).Select(mel => MelToHz(mel, scale)).ToArray();

        var bank = new double[mels, frequencies];
        for (int m = 0; m < mels; m++)
        {
            double lower = edgesHz[m], centre = edgesHz[m + 1], upper = edgesHz[m + 2];
            double area = slaneyNormalize ? 2.0 / (upper - lower) : 1.0;
            for (int bin = 0; bin < frequencies; bin++)
            {
                double rising = (binHz[bin] - lower) / (centre - lower);
                double falling = (upper - binHz[bin]) / (upper - centre);
                bank[m, bin] = Math.Max(0, Math.Min(rising, falling)) * area;
            }
        }
        return bank;
    }

    private static double[] Linspace(double start, double end, int count) =>
        Enumerable.Range(0, count).Select(i => count == 1 ? start : start + (end - start) * i / (count - 1)).ToArray();
}
