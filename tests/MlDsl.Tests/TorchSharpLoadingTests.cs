using TorchSharp;

namespace MlDsl.Tests;

/// <summary>TorchSharp's native library loads in the test host, on this distribution, with nothing installed by hand.</summary>
public sealed class TorchSharpLoadingTests
{
    [Fact]
    public void TorchSharp_initialises_and_computes_in_the_test_host()
    {
        using var values = torch.arange(1, 5, dtype: torch.float32);

        Assert.Equal(10f, values.sum().item<float>());
        Assert.StartsWith("2.10.0", torch.__version__);
    }
}
