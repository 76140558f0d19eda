using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Tests.Layers;

/// <summary>
/// Joins inside blocks (a DenseNet layer concatenating its input, a skip add, a residual block adding two
/// members): the shapes and parameter counts inferred at compile time are TorchSharp's, state_dict keys
/// follow the nesting, one block used with different arguments (or on maps and on vectors) gets each use's
/// sizes, and each generated block computes what a hand-written TorchSharp module computes with the same weights.
/// </summary>
public sealed class BlockJoinParityTests
{
    [Fact]
    public void State_dict_keys_follow_the_nesting_through_joining_blocks()
    {
        using var model = new PatchDenseBlockNet(seed: 1);
        var keys = model.state_dict().Keys.ToHashSet();

        Assert.Contains("dense.one.conv.running_mean", keys);
        Assert.Contains("dense.two.convConv2d.weight", keys);
        Assert.Contains("skip.down.weight", keys);
        Assert.Contains("narrow.up.bias", keys);
        // A join without layers is the identity: it holds no weights.
        Assert.DoesNotContain(keys, key => key.StartsWith("dense.one.grow", StringComparison.Ordinal) || key.StartsWith("twin.both", StringComparison.Ordinal));

        using var point = new PointGatedNet(seed: 1);
        var pointKeys = point.state_dict().Keys.ToHashSet();
        Assert.Contains("narrow.shortcut.weight", pointKeys);
        Assert.DoesNotContain(pointKeys, key => key.StartsWith("unit.shortcut", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(typeof(PatchDenseBlockNet), new long[] { 3, 16, 16 })]
    [InlineData(typeof(PointGatedNet), new long[] { 4 })]
    public void Each_member_and_block_has_the_shape_and_parameter_count_torchsharp_gives(Type modelType, long[] input)
    {
        using var scope = NewDisposeScope();
        using var model = (Module<Tensor, Tensor>)Activator.CreateInstance(modelType, (long?)1)!;
        model.eval();
        var rows = (IReadOnlyList<LayerShape>)modelType.GetProperty("LayerShapes")!.GetValue(null)!;
        var modules = model.named_modules().Where(pair => pair.name.Length > 0).ToDictionary(pair => pair.name, pair => pair.module);

        // Every layer's and block's parameters, at every depth.
        foreach (LayerShape row in rows.Where(row => row.Kind != "Join"))
            Assert.True(row.Parameters == modules[row.Name].parameters().Sum(parameter => parameter.numel()), $"{modelType.Name}.{row.Name}: parameters differ");
        Assert.Equal((long)modelType.GetField("ParameterCount")!.GetValue(null)!, model.parameters().Sum(parameter => parameter.numel()));

        // The model's own members in order (no joins at this level): each output is the inferred shape.
        Tensor x = randn(new long[] { 2 }.Concat(input).ToArray());
        Tensor example = x;
        foreach (LayerShape row in rows.Where(row => !row.Name.Contains('.') && row.Kind != "Join"))
        {
            x = ((Module<Tensor, Tensor>)modules[row.Name]).forward(x);
            Assert.True(new long[] { 2 }.Concat(row.Output.Select(size => (long)size)).SequenceEqual(x.shape),
                $"{modelType.Name}.{row.Name} ({row.Kind}): inferred (N, {string.Join(", ", row.Output)}), TorchSharp gives ({string.Join(", ", x.shape)})");
        }
        using Tensor whole = model.forward(example);
        Assert.True(whole.allclose(x), $"{modelType.Name}: the generated forward differs from running its members in order");
    }

    [Fact]
    public void A_block_used_twice_with_different_arguments_gets_each_uses_sizes()
    {
        var rows = PatchDenseBlockNet.LayerShapes.ToDictionary(row => row.Name);
        Assert.Equal(new[] { 6, 16, 16 }, rows["dense.one"].Output);   // 4 channels + growth 2
        Assert.Equal(new[] { 9, 16, 16 }, rows["dense.two"].Output);   // 6 + growth 3
        Assert.Equal(new[] { 9, 16, 16 }, rows["skip"].Output);
        Assert.Equal(new[] { 6, 16, 16 }, rows["narrow"].Output);
        Assert.Equal(new[] { 12, 16, 16 }, rows["twin"].Output);       // maps: channels doubled
        Assert.Equal(new[] { 24 }, rows["flatTwin"].Output);           // vectors: width doubled
    }

    [Fact]
    public void Generated_joining_blocks_compute_what_hand_written_torchsharp_modules_compute()
    {
        using var scope = NewDisposeScope();
        using var model = new PatchDenseBlockNet(seed: 3);
        var modules = model.named_modules().ToDictionary(pair => pair.name, pair => (Module<Tensor, Tensor>)pair.module);
        AssertSame(modules["dense.one"], new HandGrowthLayer(4, 2), randn(3, 4, 16, 16));
        AssertSame(modules["dense.two"], new HandGrowthLayer(6, 3), randn(3, 6, 16, 16));
        AssertSame(modules["narrow"], new HandSkipPair(9, 6), randn(3, 9, 16, 16));

        using var point = new PointGatedNet(seed: 3);
        var pointModules = point.named_modules().ToDictionary(pair => pair.name, pair => (Module<Tensor, Tensor>)pair.module);
        AssertSame(pointModules["unit"], new HandGatedSum(8, 8), randn(5, 8));
        AssertSame(pointModules["narrow"], new HandGatedSum(8, 5), randn(5, 8));
    }

    private static void AssertSame(Module<Tensor, Tensor> generated, Module<Tensor, Tensor> hand, Tensor x)
    {
        // Same names, same tensors: the generated block's state_dict loads into the hand-written module as is.
        Assert.Equal(hand.state_dict().Keys.Order(), generated.state_dict().Keys.Order());
        // Move every parameter off its initial value (BatchNorm's weight and bias included) so a mixed-up member shows.
        using (no_grad())
            foreach (var parameter in generated.parameters()) parameter.add_(randn_like(parameter) * 0.1);
        hand.load_state_dict(generated.state_dict());
        foreach (bool training in new[] { false, true })
        {
            generated.train(training);
            hand.train(training);
            using Tensor expected = hand.forward(x);
            using Tensor actual = generated.forward(x);
            Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-6), $"{generated.GetName()} training={training}: the generated block differs from the hand-written one");
        }
        hand.Dispose();
    }

    /// <summary>PyTorch's DenseNet layer, as one writes it: torch.cat([x, conv(relu(bn(x)))], 1).</summary>
    private sealed class HandGrowthLayer : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> conv, convRelu, convConv2d;

        public HandGrowthLayer(long channels, long growth) : base(nameof(HandGrowthLayer))
        {
            conv = BatchNorm2d(channels);
            convRelu = ReLU();
            convConv2d = Conv2d(channels, growth, 3, padding: 1);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using Tensor normed = conv.forward(x);
            using Tensor active = convRelu.forward(normed);
            using Tensor grown = convConv2d.forward(active);
            return cat(new[] { x, grown }, 1);
        }
    }

    private sealed class HandSkipPair : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> down, downRelu, up, merge;

        public HandSkipPair(long channels, long width) : base(nameof(HandSkipPair))
        {
            down = Conv2d(channels, width, 3, padding: 1);
            downRelu = ReLU();
            up = Conv2d(width, width, 3, padding: 1);
            merge = ReLU();
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using Tensor d = downRelu.forward(down.forward(x));
            using Tensor u = up.forward(d);
            using Tensor sum = d + u;
            return merge.forward(sum);
        }
    }

    /// <summary>gate = tanh(Linear(x)); value = relu(Linear(gate)); out = gate + value + shortcut(x).</summary>
    private sealed class HandGatedSum : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> gate, gateTanh, value, valueRelu;
        private readonly Module<Tensor, Tensor>? shortcut;

        public HandGatedSum(long features, long width) : base(nameof(HandGatedSum))
        {
            gate = Linear(features, width);
            gateTanh = Tanh();
            value = Linear(width, width);
            valueRelu = ReLU();
            shortcut = features == width ? null : Linear(features, width);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using Tensor g = gateTanh.forward(gate.forward(x));
            using Tensor v = valueRelu.forward(value.forward(g));
            using Tensor body = g + v;
            return shortcut is null ? body + x : body + shortcut.forward(x);
        }
    }
}
