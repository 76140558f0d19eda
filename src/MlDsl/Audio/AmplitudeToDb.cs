using MlDsl.Runtime;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Audio;

/// <summary>
/// Power to decibels, 10·log10(max(x, 1e-10)), floored at <c>TopDb</c> below each example's peak —
/// torchaudio's AmplitudeToDB(stype="power", top_db) on (N, C, F, T) input.
/// </summary>
public sealed class AmplitudeToDb : Module<Tensor, Tensor>
{
    private readonly double? topDb;

    public AmplitudeToDb(double? topDb = 80) : base(nameof(AmplitudeToDb)) => this.topDb = topDb;

    public override Tensor forward(Tensor power) => ToDb(power, topDb);

    internal static Tensor ToDb(Tensor power, double? topDb)
    {
        using var scope = NewDisposeScope();
        using Scalar floor = HeldScalars.Of(1e-10), ten = HeldScalars.Of(10L);
        Tensor db = power.clamp_min(floor).log10().mul(ten);
        if (topDb is { } range)
        {
            using Scalar below = HeldScalars.Of(range);
            Tensor peak = db.flatten(1).amax(new long[] { 1 }).sub(below);
            db = maximum(db, peak.view(new long[] { -1 }.Concat(Enumerable.Repeat(1L, (int)db.dim() - 1)).ToArray()));
        }
        return db.MoveToOuterDisposeScope();
    }
}
