using MlDsl.Layers;
using static TorchSharp.torch;

namespace MlDsl.Tests.Layers;

/// <summary>
/// <see cref="LeakyReluModule"/>, <see cref="EluModule"/> and <see cref="SoftplusModule"/> (what generated models build
/// for [LeakyRelu], [Elu] and [Softplus], holding their Scalars) compute what TorchSharp's nn.LeakyReLU, nn.ELU and
/// nn.Softplus compute, forward and backward: LeakyReLU and ELU to the bit (the same kernels), Softplus, recomputed from
/// tensor operations, within float rounding.
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

    public static TheoryData<double, double> SoftplusSettings => new()
    {
        { 1.0, 20.0 }, { 2.0, 20.0 }, { 0.5, 20.0 }, { 1.0, 2.0 }, { 3.0, 1.5 },
    };

    [Theory]
    [MemberData(nameof(SoftplusSettings))]
    public void Softplus_forward_and_gradient_equal_torchsharps_module(double beta, double threshold)
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using SoftplusModule ours = SoftplusModule.Softplus(beta, threshold);
        using nn.Module<Tensor, Tensor> theirs = nn.Softplus(beta, threshold);
        // Values near zero and, in the first slice, far on both sides of the threshold.
        Tensor input = randn(4, 3, 5) * 4;
        input[0] = linspace(-60, 60, 15).reshape(3, 5);
        Tensor a = input.detach().requires_grad_(), b = input.detach().requires_grad_();

        Tensor ourOutput = ours.forward(a), theirOutput = theirs.forward(b);
        ourOutput.sum().backward();
        theirOutput.sum().backward();

        Assert.Equal(theirOutput.shape, ourOutput.shape);
        Assert.True(theirOutput.allclose(ourOutput, rtol: 1e-6, atol: 1e-7), $"largest difference {(theirOutput - ourOutput).abs().max().item<float>()}");
        Assert.True(b.grad!.allclose(a.grad!, rtol: 1e-6, atol: 1e-7), $"largest gradient difference {(b.grad! - a.grad!).abs().max().item<float>()}");
        // Both sides of the threshold were exercised: some inputs kept as they are, some smoothed.
        Tensor kept = input.mul(beta).gt(threshold);
        Assert.True(kept.any().item<bool>() && kept.logical_not().any().item<bool>());
    }

    [Fact]
    public void Softplus_of_inputs_far_above_the_threshold_is_the_input_with_gradient_one()
    {
        using var scope = NewDisposeScope();
        using SoftplusModule softplus = SoftplusModule.Softplus(beta: 1.0, threshold: 20.0);
        // e^(β·x) overflows float from about x = 88.7: the kept branch must not bring an infinity or a NaN with it.
        Tensor input = tensor(new float[] { 100f, 1000f, 3e38f, -1000f }).requires_grad_();

        Tensor output = softplus.forward(input);
        output.sum().backward();

        float[] values = output.data<float>().ToArray();
        float[] gradients = input.grad!.data<float>().ToArray();
        Assert.Equal(new[] { 100f, 1000f, 3e38f }, values[..3]);
        Assert.Equal(0f, values[3]);
        Assert.Equal(new[] { 1f, 1f, 1f, 0f }, gradients);
    }
}
