namespace MlDsl.Generators.Emit;

/// <summary>
/// The element-wise sum as generated code writes it. TorchSharp's <c>a.add(b)</c> and <c>a + b</c> pass an implicit
/// alpha Scalar of 1 that nothing holds during the native call, so a collection on another thread can free it while
/// libtorch reads it (see <c>MlDsl.Runtime.HeldScalars</c>); the runtime's held 1 cannot be.
/// </summary>
internal static class TensorSum
{
    public static string Of(string left, string right) => $"{left}.add({right}, alpha: global::MlDsl.Runtime.HeldScalars.One)";
}
