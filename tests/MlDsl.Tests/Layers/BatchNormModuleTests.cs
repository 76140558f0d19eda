using MlDsl.Layers;
using static TorchSharp.torch;

namespace MlDsl.Tests.Layers;

/// <summary>
/// <see cref="BatchNormModule"/> (what generated models build for [BatchNorm1d] and [BatchNorm2d]) computes what
/// TorchSharp's own BatchNorm computes: the same outputs, running statistics and batch count after training steps,
/// the same outputs in evaluation, and the same state_dict, so model files and PyTorch weights stay interchangeable.
/// </summary>
public sealed class BatchNormModuleTests
{
    public static TheoryData<string, long[]> Shapes => new()
    {
        { "BatchNorm1d", new long[] { 8, 5 } },
        { "BatchNorm1d", new long[] { 8, 5, 7 } },
        { "BatchNorm2d", new long[] { 8, 5, 4, 3 } },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Training_steps_and_evaluation_equal_torchsharps_batchnorm(string kind, long[] shape)
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        using var ours = kind == "BatchNorm1d" ? BatchNormModule.BatchNorm1d(shape[1]) : BatchNormModule.BatchNorm2d(shape[1]);
        using nn.Module<Tensor, Tensor> theirs = kind == "BatchNorm1d" ? nn.BatchNorm1d(shape[1]) : nn.BatchNorm2d(shape[1]);
        using (no_grad())
        {
            // Non-default affine weights, so a module ignoring them would differ.
            Tensor weight = rand(shape[1]) + 0.5f, bias = randn(shape[1]);
            ours.weight!.copy_(weight); theirs.get_parameter("weight")!.copy_(weight);
            ours.bias!.copy_(bias); theirs.get_parameter("bias")!.copy_(bias);
        }

        for (int step = 0; step < 3; step++)
        {
            Tensor batch = randn(shape) * (step + 1) + step;
            AssertEqual(theirs.forward(batch), ours.forward(batch));
        }
        Assert.Equal(3L, ours.num_batches_tracked!.item<long>());
        AssertEqual(theirs.get_buffer("running_mean")!, ours.running_mean!);
        AssertEqual(theirs.get_buffer("running_var")!, ours.running_var!);
        Assert.False(ours.running_mean!.eq(zeros(shape[1])).all().item<bool>()); // the statistics moved

        ours.eval();
        theirs.eval();
        Tensor unseen = randn(shape) * 3;
        AssertEqual(theirs.forward(unseen), ours.forward(unseen));
    }

    [Fact]
    public void The_state_dict_has_torchsharps_keys_and_shapes()
    {
        using var scope = NewDisposeScope();
        using var ours = BatchNormModule.BatchNorm2d(6);
        using var theirs = nn.BatchNorm2d(6);

        var ourState = ours.state_dict();
        var theirState = theirs.state_dict();
        Assert.Equal(theirState.Keys.OrderBy(key => key), ourState.Keys.OrderBy(key => key));
        foreach (var (key, tensor) in theirState)
            Assert.Equal(tensor.shape, ourState[key].shape);
        Assert.Equal(2, ours.parameters().Count());
    }

    [Theory]
    [InlineData("BatchNorm1d", new long[] { 8 })]
    [InlineData("BatchNorm1d", new long[] { 2, 5, 4, 3 })]
    [InlineData("BatchNorm2d", new long[] { 8, 5, 4 })]
    public void An_input_of_the_wrong_rank_is_refused_before_libtorch_sees_it(string kind, long[] shape)
    {
        using var scope = NewDisposeScope();
        using var module = kind == "BatchNorm1d" ? BatchNormModule.BatchNorm1d(5) : BatchNormModule.BatchNorm2d(5);

        var error = Assert.Throws<ArgumentException>(() => module.forward(zeros(shape)));
        Assert.Contains(kind, error.Message);
        Assert.Contains($"({string.Join(", ", shape)})", error.Message);
    }

    private static void AssertEqual(Tensor expected, Tensor actual) =>
        Assert.True(expected.allclose(actual, rtol: 0, atol: 0), $"expected {expected.ToString(TorchSharp.TensorStringStyle.Numpy)}, got {actual.ToString(TorchSharp.TensorStringStyle.Numpy)}");
}
