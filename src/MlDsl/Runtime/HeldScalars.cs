using TorchSharp;

namespace MlDsl.Runtime;

/// <summary>
/// Scalars that outlive the native call reading them. TorchSharp 0.107 turns a number passed where libtorch wants a
/// <see cref="Scalar"/> (<c>x * 2</c>, <c>x.div(2.0)</c>, the implicit alpha of 1 in <c>a + b</c> and
/// <c>a.add(b)</c>, the step of <c>arange(n)</c>, Adam's <c>mul_(beta1)</c>) into a Scalar that nothing references
/// once its native handle is read. A garbage collection started by another thread during that native call (a
/// streamed run's decoder threads allocate all the time) can then finalize the Scalar and free its value while
/// libtorch reads it: CI saw Adam's division fail in <c>c10::Scalar::toDouble</c> at epoch 15 of a streamed run.
/// MlDsl's runtime and generated code pass <see cref="One"/> or a Scalar made with <see cref="Of(double)"/> inside
/// a <c>using</c>, which keeps it alive until the call returns and frees it at once
/// (tests/MlDsl.Generators.Tests/ScalarLifetimeTests holds both to it).
/// </summary>
public static class HeldScalars
{
    /// <summary>The integer 1 (TorchSharp's default alpha), held by this class for the life of the process:
    /// <c>a.add(b, alpha: HeldScalars.One)</c> is <c>a + b</c> with nothing left to the finalizer.</summary>
    public static Scalar One { get; } = 1L.ToScalar();

    /// <summary>The integer 0, held for the life of the process (comparisons such as <c>x.gt(HeldScalars.Zero)</c>).</summary>
    public static Scalar Zero { get; } = 0L.ToScalar();

    /// <summary>0.5, held for the life of the process (thresholds on probabilities and 0/1 targets).</summary>
    public static Scalar Half { get; } = 0.5.ToScalar();

    /// <summary>A floating-point Scalar for <paramref name="value"/>; dispose it (<c>using</c>) after the call that reads it.</summary>
    public static Scalar Of(double value) => value.ToScalar();

    /// <summary>An integer Scalar for <paramref name="value"/>; dispose it (<c>using</c>) after the call that reads it.</summary>
    public static Scalar Of(long value) => value.ToScalar();

    /// <summary><c>torch.arange(count)</c> (0, 1, …, count − 1) without TorchSharp's implicit start and step Scalars.</summary>
    public static torch.Tensor Arange(long count, torch.ScalarType? dtype = null, torch.Device? device = null)
    {
        using Scalar stop = Of(count);
        return torch.arange(Zero, stop, One, dtype, device);
    }
}
