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
            Tensor indices = (arange(length, device: waveform.device).view(1, -1) - shifts).remainder(length);
            result = result.gather(1, indices);
        }
        if (gainDb > 0)
            result = result * pow(10, (rand(new long[] { batch, 1 }, device: waveform.device) * 2 - 1) * (gainDb / 20));
        if (noise > 0)
            result = result + randn_like(result) * result.square().mean(new long[] { 1 }, keepdim: true).sqrt() * noise;
        return result.MoveToOuterDisposeScope();
    }
}
