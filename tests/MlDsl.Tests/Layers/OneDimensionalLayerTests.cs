using MlDsl.Layers;
using MlDsl.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Tests.Layers;

/// <summary>The runtime side of the 1-D and normalisation layers: the global pooling module and a model that trains with them.</summary>
public sealed class OneDimensionalLayerTests
{
    [Fact]
    public void Global_average_pooling_of_a_map_equals_torchsharps_adaptive_pool_to_one_then_flatten()
    {
        using var scope = NewDisposeScope();
        Tensor maps = randn(3, 5, 4, 7);
        using var global = new GlobalAvgPool(2);
        using var adaptive = AdaptiveAvgPool2d(1);

        Tensor expected = adaptive.forward(maps).flatten(1);
        Tensor actual = global.forward(maps);

        Assert.Equal(new long[] { 3, 5 }, actual.shape);
        Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Global_average_pooling_of_a_signal_equals_torchsharps_adaptive_pool_to_one_then_flatten()
    {
        using var scope = NewDisposeScope();
        Tensor signals = randn(2, 6, 11);
        using var global = new GlobalAvgPool(1);
        using var adaptive = AdaptiveAvgPool1d(1);

        Assert.True(global.forward(signals).allclose(adaptive.forward(signals).flatten(1), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Global_average_pooling_refuses_a_tensor_of_another_rank_before_libtorch_sees_it()
    {
        using var scope = NewDisposeScope();
        using var global = new GlobalAvgPool(2);

        var error = Assert.Throws<ArgumentException>(() => global.forward(randn(2, 6, 11)));
        Assert.Contains("(2, 6, 11)", error.Message);
    }

    // TorchSharp 0.107 leaves GroupNorm's weight and bias as torch.empty; PyTorch starts them at ones and zeros.
    [Fact]
    public void A_generated_group_norm_starts_at_ones_and_zeros_as_in_pytorch()
    {
        for (int seed = 0; seed < 5; seed++)
        {
            using var scope = NewDisposeScope();
            using var model = new PulseNet(seed: seed);
            var parameters = model.named_parameters().ToDictionary(pair => pair.name, pair => pair.parameter);

            Assert.True(parameters["conv2GroupNorm.weight"].eq(1).all().item<bool>(), "GroupNorm weight is not all ones");
            Assert.True(parameters["conv2GroupNorm.bias"].eq(0).all().item<bool>(), "GroupNorm bias is not all zeros");
        }
    }

    [Fact]
    public void A_waveform_cnn_with_batch_and_group_norm_tells_apart_pulses_it_never_saw()
    {
        List<Pulse> train = Pulses(48, seed: 8), unseen = Pulses(30, seed: 9);
        using var model = new PulseNet(seed: 4);

        FitReport report = model.Fit(train, options: new FitOptions { Epochs = 60, BatchSize = 16, LearningRate = 1e-2, Seed = 4 });
        Evaluation judged = model.Evaluate(unseen);

        Assert.True(report.Last.TrainLoss < 0.5 * report.Epochs[0].TrainLoss, $"loss went from {report.Epochs[0].TrainLoss} to {report.Last.TrainLoss}");
        Assert.True(judged.Accuracy >= 0.9, $"accuracy on unseen pulses {judged.Accuracy}");
    }

    /// <summary>Sines of three frequencies (the kind) with a random phase and a little noise.</summary>
    private static List<Pulse> Pulses(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            int kind = i % 3;
            double phase = random.NextDouble() * 2 * Math.PI;
            float[] samples = Enumerable.Range(0, 64)
                .Select(t => (float)(Math.Sin(2 * Math.PI * (kind + 1) * 2 * t / 64.0 + phase) + 0.1 * (random.NextDouble() - 0.5)))
                .ToArray();
            return new Pulse { Samples = samples, Kind = kind };
        }).ToList();
    }
}
