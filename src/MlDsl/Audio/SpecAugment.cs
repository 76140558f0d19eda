using MlDsl.Runtime;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Audio;

/// <summary>
/// SpecAugment's masking on (N, C, F, T) spectrograms during training only: random bands of up to
/// <c>frequencyWidth</c> bins and <c>timeWidth</c> frames set to the example's mean. Identity in eval.
/// </summary>
public sealed class SpecAugment : Module<Tensor, Tensor>
{
    private readonly int frequencyMasks, frequencyWidth, timeMasks, timeWidth;

    public SpecAugment(int frequencyMasks = 2, int frequencyWidth = 8, int timeMasks = 2, int timeWidth = 10) : base(nameof(SpecAugment))
    {
        this.frequencyMasks = frequencyMasks;
        this.frequencyWidth = frequencyWidth;
        this.timeMasks = timeMasks;
        this.timeWidth = timeWidth;
    }

    public override Tensor forward(Tensor spectrogram)
    {
        if (!training) return spectrogram.alias();
        using var scope = NewDisposeScope();
        Tensor masked = spectrogram.clone();
        Tensor fill = masked.mean(new long[] { 1, 2, 3 }, keepdim: true);
        Tensor keep = ones_like(masked, dtype: ScalarType.Bool);
        Mask(keep, 2, frequencyMasks, frequencyWidth);
        Mask(keep, 3, timeMasks, timeWidth);
        return where(keep, masked, fill.expand_as(masked)).MoveToOuterDisposeScope();
    }

    // One band per mask and example along `axis`, drawn from libtorch's generator (seeded by Fit).
    private static void Mask(Tensor keep, int axis, int masks, int width)
    {
        long size = keep.shape[axis], batch = keep.shape[0];
        if (width <= 0 || size <= 1) return;
        Tensor positions = HeldScalars.Arange(size, device: keep.device).view(1, -1);
        for (int mask = 0; mask < masks; mask++)
        {
            Tensor widths = randint(0, width + 1, new long[] { batch, 1 }, device: keep.device);
            Tensor room;
            using (Scalar sizeScalar = HeldScalars.Of(size))
                room = widths.neg().add_(sizeScalar, alpha: HeldScalars.One); // size − width
            Tensor starts = rand(new long[] { batch, 1 }, device: keep.device).mul(room).to(ScalarType.Int64);
            Tensor band = positions.ge(starts).logical_and(positions.lt(starts.add(widths, alpha: HeldScalars.One))); // [N, size]
            long[] shape = axis == 2 ? new[] { batch, 1, size, 1 } : new[] { batch, 1, 1, size };
            keep.logical_and_(band.view(shape).logical_not());
        }
    }
}
