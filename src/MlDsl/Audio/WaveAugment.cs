using MlDsl.Runtime;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Audio;

/// <summary>
/// Waveform augmentation on (N, samples) in training only: a random circular time shift of up to
/// <c>maxShift</c> samples, a random gain within ±<c>gainDb</c>, and Gaussian noise at <c>noise</c>
/// times the clip's RMS. Identity in eval, so prediction sees the clip as recorded.
/// </summary>
public sealed class WaveAugment : Module<Tensor, Tensor>
{
    private readonly int maxShift;
    private readonly double gainDb, noise;

    public WaveAugment(int maxShift = 800, double gainDb = 6, double noise = 0.05) : base(nameof(WaveAugment))
    {
        this.maxShift = maxShift;
        this.gainDb = gainDb;
        this.noise = noise;
    }

    public override Tensor forward(Tensor waveform)
    {
        if (!training) return waveform.alias();
        using var scope = NewDisposeScope();
        long batch = waveform.shape[0], length = waveform.shape[1];
        Tensor result = waveform;
        if (maxShift > 0)
        {
            // Per-example roll: gather with indices offset by a random shift.
            Tensor shifts = randint(-maxShift, maxShift + 1, new long[] { batch, 1 }, device: waveform.device);
            Tensor indices;
            using (Scalar wrap = HeldScalars.Of(length))
                indices = (HeldScalars.Arange(length, device: waveform.device).view(1, -1) - shifts).remainder(wrap);
            result = result.gather(1, indices);
        }
        if (gainDb > 0)
        {
            // A gain drawn uniformly in ±gainDb decibels: 10^(u · gainDb / 20) = e^(u · gainDb / 20 · ln 10), u uniform in [−1, 1).
            using Scalar two = HeldScalars.Of(2.0), one = HeldScalars.Of(1.0), toNaturalLog = HeldScalars.Of(gainDb / 20 * Math.Log(10));
            Tensor uniform = rand(new long[] { batch, 1 }, device: waveform.device).mul(two).sub(one);
            result = result * exp(uniform.mul(toNaturalLog));
        }
        if (noise > 0)
        {
            // Gaussian noise at `noise` times each clip's RMS level.
            using Scalar level = HeldScalars.Of(noise);
            Tensor rms = result.mul(result).mean(new long[] { 1 }, keepdim: true).sqrt();
            result = result.add(randn_like(result).mul(rms).mul(level), alpha: HeldScalars.One);
        }
        return result.MoveToOuterDisposeScope();
    }
}
