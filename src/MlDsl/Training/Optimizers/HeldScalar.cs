using TorchSharp;

namespace MlDsl.Training.Optimizers;

/// <summary>
/// Why MlDsl's optimizers exist: TorchSharp 0.107's own steps pass numbers where libtorch wants a
/// <see cref="Scalar"/> (<c>exp_avg.mul_(beta1)</c>, <c>sqrt() / Math.Sqrt(bias_correction2)</c>), so each call
/// makes a Scalar that nothing references once its native handle is read. A garbage collection started by another
/// thread during that native call (a streamed run's decoder threads allocate all the time) can then finalize the
/// Scalar and free its native value while libtorch reads it: CI saw Adam's division fail in
/// <c>c10::Scalar::toDouble</c> at epoch 15 of a streamed run. Every Scalar MlDsl passes is made with
/// <see cref="Of"/> inside a <c>using</c>, which keeps it alive until the call has returned and frees it at once.
/// </summary>
internal static class HeldScalar
{
    /// <summary>A Scalar for <paramref name="value"/>; dispose it after the native call that reads it.</summary>
    public static Scalar Of(double value) => value.ToScalar();
}
