using MlDsl.Layers;
using static TorchSharp.torch;

namespace MlDsl.Tests.Layers;

/// <summary>
/// <see cref="LeakyReluModule"/> and <see cref="EluModule"/> (what generated models build for [LeakyRelu] and [Elu],
/// holding their Scalars) compute what TorchSharp's nn.LeakyReLU and nn.ELU compute, to the bit, forward and backward.
/// </summary>
public sealed class HeldScalarActivationTests
{
    public static TheoryData<string, double> Settings => new()
    {
        { "LeakyReLU", 0.01 }, { "LeakyReLU", 0.3 }, { "ELU", 1.0 }, { "ELU", 0.25 },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Forward_and_gradient_equal_torchsharps_module(string kind, double argument)
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using nn.Module<Tensor, Tensor> ours = kind == "LeakyReLU" ? LeakyReluModule.LeakyReLU(argument) : EluModule.ELU(argument);
        using nn.Module<Tensor, Tensor> theirs = kind == "LeakyReLU" ? nn.LeakyReLU(argument) : nn.ELU(argument);
        Tensor input = randn(4, 3, 5) * 3;
        Tensor a = input.detach().requires_grad_(), b = input.detach().requires_grad_();

        Tensor ourOutput = ours.forward(a), theirOutput = theirs.forward(b);
        ourOutput.sum().backward();
        theirOutput.sum().backward();

        Assert.True(theirOutput.allclose(ourOutput, rtol: 0, atol: 0));
        Assert.True(b.grad!.allclose(a.grad!, rtol: 0, atol: 0));
        // Negative inputs were changed, so the argument was used (a plain ReLU would differ).
        Assert.True(ourOutput.lt(0).any().item<bool>());
    }
}
