using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Tests.Layers;

/// <summary>
/// Parallel paths ([From]): an Inception block whose paths read the block's input (one path a block of its own), an
/// Inception-ResNet unit, and forks from a model's stem. The shapes and parameter counts inferred at compile time are
/// those of a hand-written TorchSharp model written as torchvision writes GoogLeNet's Inception block, state_dict keys
/// follow the members, and the generated forward equals the hand-written one with the same weights.
/// </summary>
public sealed class InceptionParityTests
{
    [Fact]
    public void State_dict_keys_follow_the_members_of_every_path()
    {
        using var model = new PatchInceptionNet(seed: 1);
        using var hand = new HandInceptionNet();

        Assert.Equal(hand.state_dict().Keys.Order(), model.state_dict().Keys.Order());
        var keys = model.state_dict().Keys.ToHashSet();
        Assert.Contains("mixed.branch2Reduce.weight", keys);
        Assert.Contains("mixed.branch3.reduceBatchNorm2d.running_mean", keys);
        Assert.Contains("refine.mix.weight", keys);
        // A path's start and a join hold no weights; the residual unit keeps its shape, so its shortcut is the identity.
        Assert.DoesNotContain(keys, key => key.StartsWith("mixed.merge", StringComparison.Ordinal) || key.StartsWith("refine.shortcut", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(typeof(PatchInceptionNet), typeof(HandInceptionNet), new long[] { 3, 16, 16 })]
    [InlineData(typeof(PointForkNet), typeof(HandPointForkNet), new long[] { 4 })]
    public void Every_layer_and_block_has_the_shape_and_parameter_count_of_the_hand_written_model(Type modelType, Type handType, long[] input)
    {
        using var scope = NewDisposeScope();
        using var model = (Module<Tensor, Tensor>)Activator.CreateInstance(modelType, (long?)1)!;
        using var hand = (Recording)Activator.CreateInstance(handType)!;
        var rows = (IReadOnlyList<LayerShape>)modelType.GetProperty("LayerShapes")!.GetValue(null)!;
        var modules = model.named_modules().Where(pair => pair.name.Length > 0).ToDictionary(pair => pair.name, pair => pair.module);
        var handModules = hand.named_modules().Where(pair => pair.name.Length > 0).ToDictionary(pair => pair.name, pair => pair.module);

        hand.eval();
        hand.forward(randn(new long[] { 2 }.Concat(input).ToArray()));
        var layers = rows.Where(row => row.Kind is not ("Join" or "From")).ToList();
        Assert.Equal(hand.Shapes.Keys.Order(), layers.Select(row => row.Name).Order());
        foreach (LayerShape row in layers)
        {
            Assert.True(new long[] { 2 }.Concat(row.Output.Select(size => (long)size)).SequenceEqual(hand.Shapes[row.Name]),
                $"{modelType.Name}.{row.Name} ({row.Kind}): inferred (N, {string.Join(", ", row.Output)}), the hand-written model gives ({string.Join(", ", hand.Shapes[row.Name])})");
            long parameters = handModules[row.Name].parameters().Sum(parameter => parameter.numel());
            Assert.True(row.Parameters == parameters, $"{modelType.Name}.{row.Name}: {row.Parameters} parameters inferred, the hand-written model has {parameters}");
            Assert.Equal(parameters, modules[row.Name].parameters().Sum(parameter => parameter.numel()));
        }
        // A path's start is no module: its row only says which output the path reads, with that output's shape.
        Assert.All(rows.Where(row => row.Kind == "From"), row => Assert.Equal(0, row.Parameters));
        Assert.Equal((long)modelType.GetField("ParameterCount")!.GetValue(null)!, hand.parameters().Sum(parameter => parameter.numel()));
    }

    [Fact]
    public void The_generated_inception_paths_compute_what_the_hand_written_model_computes_with_the_same_weights()
    {
        using var scope = NewDisposeScope();
        AssertSame(new PatchInceptionNet(seed: 3), new HandInceptionNet(), randn(3, 3, 16, 16));
        AssertSame(new PointForkNet(seed: 3), new HandPointForkNet(), randn(5, 4));
    }

    [Fact]
    public void A_path_reads_the_output_it_names_not_the_member_before_it()
    {
        var rows = PatchInceptionNet.LayerShapes.ToList();
        // Each of the block's later paths starts from its input (8 channels), not from the path before it (4 or 6).
        Assert.Equal(3, rows.Count(row => row.Name == "from(mixed.input)" && row.Output.SequenceEqual(new[] { 8, 16, 16 })));
        Assert.Equal(new[] { 4 + 6 + 3 + 3, 16, 16 }, rows.Single(row => row.Name == "mixed").Output);
        Assert.Equal(new[] { 8, 16, 16 }, rows.Single(row => row.Name == "from(stem)").Output);
        Assert.Equal(new[] { 8 }, rows.Single(row => row.Name == "stemPeak").Output);
        Assert.Equal(new[] { 24 }, rows.Single(row => row.Name == "concatenate(pool, stemPeak)").Output);
        Assert.Contains("from(stem) (From)", PatchInceptionNet.SummaryTable);
    }

    private static void AssertSame(Module<Tensor, Tensor> generated, Module<Tensor, Tensor> hand, Tensor x)
    {
        Assert.Equal(hand.state_dict().Keys.Order(), generated.state_dict().Keys.Order());
        // Move every parameter off its initial value so a path that read the wrong tensor shows.
        using (no_grad())
            foreach (var parameter in generated.parameters()) parameter.add_(randn_like(parameter) * 0.1);
        hand.load_state_dict(generated.state_dict());
        foreach (bool training in new[] { false, true })
        {
            generated.train(training);
            hand.train(training);
            using Tensor expected = hand.forward(x);
            using Tensor actual = generated.forward(x);
            Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-6), $"{generated.GetName()} training={training}: the generated forward differs from the hand-written one");
        }
        generated.Dispose();
        hand.Dispose();
    }

    /// <summary>A hand-written module that records each layer's and block's output shape under its state_dict path.</summary>
    private abstract class Recording(string name) : Module<Tensor, Tensor>(name)
    {
        public Dictionary<string, long[]> Shapes { get; } = new();

        protected Tensor Run(string path, Module<Tensor, Tensor> layer, Tensor x)
        {
            Tensor y = layer.forward(x);
            Shapes[path] = y.shape;
            return y;
        }
    }

    /// <summary>torchvision's Inception block (ReLU without BatchNorm here): four branches on x, torch.cat(outputs, 1).</summary>
    private sealed class HandInception : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> branch1, branch1Relu, branch2Reduce, branch2ReduceRelu, branch2, branch2Relu, branch4Pool, branch4, branch4Relu;
        private readonly HandReducedConv branch3;
        private readonly Module<Tensor, Tensor> merge;

        public HandInception(long channels, long ch1, long reduce3, long ch3, long reduce5, long ch5, long poolProjection) : base(nameof(HandInception))
        {
            branch1 = Conv2d(channels, ch1, 1);
            branch1Relu = ReLU();
            branch2Reduce = Conv2d(channels, reduce3, 1);
            branch2ReduceRelu = ReLU();
            branch2 = Conv2d(reduce3, ch3, 3, padding: 1);
            branch2Relu = ReLU();
            branch3 = new HandReducedConv(channels, reduce5, ch5);
            branch4Pool = MaxPool2d(3, stride: 1, padding: 1);
            branch4 = Conv2d(channels, poolProjection, 1);
            branch4Relu = ReLU();
            merge = Identity();
            RegisterComponents();
        }

        public Dictionary<string, long[]>? Shapes { get; set; }

        public override Tensor forward(Tensor x)
        {
            Tensor Run(string name, Module<Tensor, Tensor> layer, Tensor input)
            {
                Tensor y = layer.forward(input);
                if (Shapes is not null) Shapes[Prefix + name] = y.shape;
                return y;
            }
            Tensor b1 = Run("branch1Relu", branch1Relu, Run("branch1", branch1, x));
            Tensor b2 = Run("branch2Reduce", branch2Reduce, x);
            b2 = Run("branch2ReduceRelu", branch2ReduceRelu, b2);
            b2 = Run("branch2Relu", branch2Relu, Run("branch2", branch2, b2));
            branch3.Shapes = Shapes;
            branch3.Prefix = Prefix + "branch3.";
            Tensor b3 = Run("branch3", branch3, x);
            Tensor b4 = Run("branch4Relu", branch4Relu, Run("branch4", branch4, Run("branch4Pool", branch4Pool, x)));
            return merge.forward(cat(new[] { b1, b2, b3, b4 }, 1));
        }

        public string Prefix { get; set; } = "";
    }

    private sealed class HandReducedConv : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> reduce, reduceBatchNorm2d, reduceRelu, conv, convRelu;

        public HandReducedConv(long channels, long reduceWidth, long width) : base(nameof(HandReducedConv))
        {
            reduce = Conv2d(channels, reduceWidth, 1);
            reduceBatchNorm2d = BatchNorm2d(reduceWidth);
            reduceRelu = ReLU();
            conv = Conv2d(reduceWidth, width, 5, padding: 2);
            convRelu = ReLU();
            RegisterComponents();
        }

        public Dictionary<string, long[]>? Shapes { get; set; }

        public string Prefix { get; set; } = "";

        public override Tensor forward(Tensor x)
        {
            Tensor y = x;
            foreach ((string name, Module<Tensor, Tensor> layer) in new[] { ("reduce", reduce), ("reduceBatchNorm2d", reduceBatchNorm2d), ("reduceRelu", reduceRelu), ("conv", conv), ("convRelu", convRelu) })
            {
                y = layer.forward(y);
                if (Shapes is not null) Shapes[Prefix + name] = y.shape;
            }
            return y;
        }
    }

    /// <summary>Inception-ResNet: conv1x1(cat(narrow(x), wide(x))) + x.</summary>
    private sealed class HandInceptionResidual : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> narrow, narrowRelu, wide, wideRelu, mix;

        public HandInceptionResidual(long channels, long width) : base(nameof(HandInceptionResidual))
        {
            narrow = Conv2d(channels, width, 1);
            narrowRelu = ReLU();
            wide = Conv2d(channels, width, 3, padding: 1);
            wideRelu = ReLU();
            mix = Conv2d(2 * width, channels, 1);
            RegisterComponents();
        }

        public Dictionary<string, long[]>? Shapes { get; set; }

        public override Tensor forward(Tensor x)
        {
            Tensor Run(string name, Module<Tensor, Tensor> layer, Tensor input)
            {
                Tensor y = layer.forward(input);
                if (Shapes is not null) Shapes["refine." + name] = y.shape;
                return y;
            }
            Tensor n = Run("narrowRelu", narrowRelu, Run("narrow", narrow, x));
            Tensor w = Run("wideRelu", wideRelu, Run("wide", wide, x));
            return Run("mix", mix, cat(new[] { n, w }, 1)) + x;
        }
    }

    private sealed class HandInceptionNet : Recording
    {
        private readonly Module<Tensor, Tensor> stem, stemRelu, pool, stemPeak, both, head;
        private readonly HandInception mixed;
        private readonly HandInceptionResidual refine;

        public HandInceptionNet() : base(nameof(HandInceptionNet))
        {
            stem = Conv2d(3, 8, 3, padding: 1);
            stemRelu = ReLU();
            mixed = new HandInception(8, 4, 2, 6, 2, 3, 3);
            refine = new HandInceptionResidual(16, 4);
            pool = Sequential(AdaptiveAvgPool2d(1), Flatten());
            stemPeak = Sequential(AdaptiveMaxPool2d(new long[] { 1, 1 }), Flatten());
            both = Identity();
            head = Linear(24, 4);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            mixed.Shapes = Shapes;
            mixed.Prefix = "mixed.";
            refine.Shapes = Shapes;
            Tensor s = Run("stemRelu", stemRelu, Run("stem", stem, x));
            Tensor deep = Run("pool", pool, Run("refine", refine, Run("mixed", mixed, s)));
            Tensor peak = Run("stemPeak", stemPeak, s);
            return Run("head", head, both.forward(cat(new[] { deep, peak }, 1)));
        }
    }

    private sealed class HandPointForkNet : Recording
    {
        private readonly Module<Tensor, Tensor> stem, stemRelu, deep, deepTanh, wide, wideRelu, sum, head;

        public HandPointForkNet() : base(nameof(HandPointForkNet))
        {
            stem = Linear(4, 8);
            stemRelu = ReLU();
            deep = Linear(8, 6);
            deepTanh = Tanh();
            wide = Linear(8, 6);
            wideRelu = ReLU();
            sum = Identity();
            head = Linear(6, 3);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            Tensor s = Run("stemRelu", stemRelu, Run("stem", stem, x));
            Tensor d = Run("deepTanh", deepTanh, Run("deep", deep, s));
            Tensor w = Run("wideRelu", wideRelu, Run("wide", wide, s));
            return Run("head", head, sum.forward(d + w));
        }
    }
}
