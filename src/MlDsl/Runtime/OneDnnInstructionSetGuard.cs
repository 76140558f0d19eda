using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace MlDsl.Runtime;

/// <summary>
/// Keeps libtorch's oneDNN kernels off AVX-512 (and its AVX2 variants) on CPUs that have AVX-512, before any model runs.
/// Measured on this project's AMD EPYC build machine (AVX-512 with VP2INTERSECT, libtorch 2.10 through TorchSharp 0.107):
/// oneDNN's vectorised convolution, transposed-convolution and LSTM kernels returned wrong outputs for a batch of 3 (off by
/// up to 3.2 on an output scale of 26, sometimes NaN) while one row at a time was right, and an Embedding+LSTM stopped learning;
/// with <c>ONEDNN_MAX_CPU_ISA=SSE41</c> every ONNX Runtime, PyTorch and hand-written parity test agreed again, and capping at
/// AVX2 still left the transposed convolution wrong. Correct answers come before speed, so MlDsl sets that cap when the
/// CPU has AVX-512 and the user has not chosen one; set <c>ONEDNN_MAX_CPU_ISA</c> yourself (<c>ALL</c> lifts the cap) to decide.
/// oneDNN reads the variable when it first builds a kernel, so it must be in the native environment (libc's, not .NET's copy)
/// before the first forward pass; a module initializer runs when MlDsl is loaded, before any generated model exists.
/// </summary>
internal static class OneDnnInstructionSetGuard
{
    /// <summary>The variable oneDNN reads (<c>DNNL_MAX_CPU_ISA</c> is its older name, read when this one is absent).</summary>
    internal const string Variable = "ONEDNN_MAX_CPU_ISA";

    /// <summary>The cap chosen on AVX-512 machines.</summary>
    internal const string Cap = "SSE41";

    /// <summary>Whether this process asked for the cap (the CPU has AVX-512 and neither variable was set).</summary>
    internal static bool Applied { get; private set; }

    // CA2255 discourages module initializers in libraries; this one must run before any native kernel is built, whichever
    // MlDsl type the application touches first, and does nothing but set one variable the user has not set.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply()
    {
        if (!OperatingSystem.IsLinux() || !Avx512F.IsSupported) return;
        if (NativeEnvironment.Get(Variable) is not null || NativeEnvironment.Get("DNNL_MAX_CPU_ISA") is not null) return;
        Applied = NativeEnvironment.Set(Variable, Cap);
    }
}

/// <summary>The C library's environment, which native libraries read (.NET keeps its own copy on Unix).</summary>
internal static class NativeEnvironment
{
    public static string? Get(string name) => Marshal.PtrToStringUTF8(getenv(name));

    public static bool Set(string name, string value) => setenv(name, value, 0) == 0;

    // Ansi strings are UTF-8 on Unix, the only systems this is called on.
    [DllImport("libc", CharSet = CharSet.Ansi)]
    private static extern nint getenv(string name);

    [DllImport("libc", CharSet = CharSet.Ansi)]
    private static extern int setenv(string name, string value, int overwrite);
}
