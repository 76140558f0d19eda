using System.Runtime.Intrinsics.X86;
using MlDsl.Runtime;
using MlDsl.Tests.Layers;
using static TorchSharp.torch;

namespace MlDsl.Tests.Runtime;

/// <summary>
/// The oneDNN cap MlDsl sets on AVX-512 machines is in the native environment before models run, and with it a transposed
/// convolution computes a batch as it computes its rows one at a time (the wrong answers the cap exists for).
/// </summary>
public sealed class OneDnnInstructionSetGuardTests
{
    [Fact]
    public void On_an_avx512_linux_machine_the_cap_is_in_the_native_environment_unless_the_user_chose_one()
    {
        Assert.False(OperatingSystem.IsWindows());
        string? native = NativeEnvironment.Get(OneDnnInstructionSetGuard.Variable);
        if (OneDnnInstructionSetGuard.Applied)
        {
            Assert.True(Avx512F.IsSupported);
            Assert.Equal(OneDnnInstructionSetGuard.Cap, native);
        }
        else
        {
            // Either no AVX-512 (nothing set by MlDsl) or the user's own choice, which is kept.
            Assert.True(!Avx512F.IsSupported || native is not null || NativeEnvironment.Get("DNNL_MAX_CPU_ISA") is not null);
        }
    }

    [Fact]
    public void A_batch_through_a_transposed_convolution_equals_its_rows_one_at_a_time()
    {
        using var model = new UpsamplingNet(seed: 3);
        model.eval();
        using var scope = NewDisposeScope();
        Tensor rows = randn(new long[] { 3, 3, 16, 16 }, generator: new Generator(5));
        using (inference_mode())
        {
            float[] batch = model.forward(rows).contiguous().data<float>().ToArray();
            float[] single = Enumerable.Range(0, 3).SelectMany(i => model.forward(rows[i].unsqueeze(0)).contiguous().data<float>().ToArray()).ToArray();
            Assert.Equal(single.Length, batch.Length);
            double worst = batch.Zip(single, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst <= 1e-4, $"batch and single rows differ by {worst}");
        }
    }
}
