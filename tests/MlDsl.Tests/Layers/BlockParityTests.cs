using System.Reflection;
using Module = TorchSharp.torch.nn.Module;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Tests.Layers;

/// <summary>
/// Models built from blocks: the shapes, parameter counts and state_dict keys inferred at compile time
/// are TorchSharp's at run time, through nesting; a residual block computes exactly what a
/// hand-written TorchSharp residual module computes with the same weights.
/// </summary>
public sealed class BlockParityTests
{
    [Fact]
    public void State_dict_keys_follow_the_nesting_of_blocks()
    {
        using var model = new PatchResNet(seed: 1);
        var keys = model.state_dict().Keys.ToHashSet();

        Assert.Contains("stem.conv.weight", keys);
        Assert.Contains("block1.conv2BatchNorm2d.running_mean", keys);
        Assert.Contains("block2.shortcut.weight", keys);
        Assert.Contains("stage3.first.conv1.weight", keys);
        Assert.Contains("stage3.first.shortcut.weight", keys);
        Assert.Contains("head.weight", keys);
        // Shapes that agree need no projection: the identity has no weights.
        Assert.DoesNotContain(keys, key => key.StartsWith("block1.shortcut", StringComparison.Ordinal));
        Assert.DoesNotContain(keys, key => key.StartsWith("stage3.second.shortcut", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(typeof(PatchResNet), new long[] { 3, 16, 16 })]
    [InlineData(typeof(PointResMlp), new long[] { 4 })]
    public void Every_block_and_layer_has_the_shape_and_parameter_count_torchsharp_gives(Type modelType, long[] input)
    {
        using var scope = NewDisposeScope();
        using var model = (Module<Tensor, Tensor>)Activator.CreateInstance(modelType, (long?)1)!;
        model.eval();
        var rows = (IReadOnlyList<LayerShape>)modelType.GetProperty("LayerShapes", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var modules = model.named_modules().Where(pair => pair.name.Length > 0).ToDictionary(pair => pair.name, pair => pair.module);
        Assert.Equal(rows.Select(row => row.Name).Order(), modules.Keys.Order());

        Tensor example = randn(new long[] { 2 }.Concat(input).ToArray());
        Tensor output = RunLevel("", example, rows, modules, modelType.Name);

        Assert.Equal((long)modelType.GetField("ParameterCount")!.GetValue(null)!, model.parameters().Sum(parameter => parameter.numel()));
        using Tensor whole = model.forward(example);
        Assert.True(whole.allclose(output), $"{modelType.Name}: the generated forward differs from running its layers and blocks in order");
    }

    /// <summary>
    /// Runs the rows of one level (the model's members, or a block's) in order, checking each output shape
    /// and parameter count; a block's output must equal its body's plus its shortcut's (or its input).
    /// </summary>
    private static Tensor RunLevel(string prefix, Tensor x, IReadOnlyList<LayerShape> rows, Dictionary<string, Module> modules, string model)
    {
        var level = rows.Where(row => row.Name.StartsWith(prefix, StringComparison.Ordinal) && !row.Name[prefix.Length..].Contains('.')
                                      && row.Name != prefix + "shortcut").ToList();
        foreach (LayerShape row in level)
        {
            var module = (Module<Tensor, Tensor>)modules[row.Name];
            Tensor y = module.forward(x);
            if (row.Kind == "Block")
            {
                Tensor body = RunLevel(row.Name + ".", x, rows, modules, model);
                Tensor expected = modules.TryGetValue(row.Name + ".shortcut", out Module? shortcut)
                    ? body + ((Module<Tensor, Tensor>)shortcut).forward(x)
                    : IsResidual(module) ? body + x : body;
                Assert.True(y.allclose(expected, rtol: 1e-4, atol: 1e-5), $"{model}.{row.Name}: the block's forward differs from its body (+ shortcut)");
            }
            Assert.True(new long[] { 2 }.Concat(row.Output.Select(size => (long)size)).SequenceEqual(y.shape),
                $"{model}.{row.Name} ({row.Kind}): inferred (N, {string.Join(", ", row.Output)}), TorchSharp gives ({string.Join(", ", y.shape)})");
            long parameters = module.parameters().Sum(parameter => parameter.numel());
            Assert.True(row.Parameters == parameters, $"{model}.{row.Name} ({row.Kind}): inferred {row.Parameters} parameters, TorchSharp has {parameters}");
            x = y;
        }
        return x;
    }

    private static bool IsResidual(Module module) => module.GetType().GetCustomAttribute<ResidualAttribute>() is not null;

    [Fact]
    public void A_residual_block_with_a_projection_computes_what_a_hand_written_torchsharp_residual_module_computes()
    {
        using var scope = NewDisposeScope();
        using var model = new PatchResNet(seed: 2);
        var block = (Module<Tensor, Tensor>)model.named_children().Single(child => child.name == "block2").module;
        using var hand = new HandResidual(inChannels: 8, channels: 16, stride: 2);
        // Same names, same tensors: the generated block's state_dict loads into the hand-written module as is.
        Assert.Equal(hand.state_dict().Keys.Order(), block.state_dict().Keys.Order());
        hand.load_state_dict(block.state_dict());

        Tensor x = randn(4, 8, 16, 16);
        foreach (bool training in new[] { false, true })
        {
            block.train(training);
            hand.train(training);
            using Tensor expected = hand.forward(x);
            using Tensor actual = block.forward(x);
            Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-6), $"training={training}: the generated residual block differs from the hand-written one");
        }
    }

    [Fact]
    public void The_summary_lists_blocks_with_their_totals_and_their_layers_by_path()
    {
        string table = PatchResNet.SummaryTable;

        Assert.Contains("block2 (ResUnit)", table);
        Assert.Contains("block2.shortcut (Conv2d)", table);
        Assert.Contains("stage3.first.conv1 (Conv2d)", table);
        LayerShape stage = PatchResNet.LayerShapes.Single(row => row.Name == "stage3");
        Assert.Equal(PatchResNet.LayerShapes.Where(row => row.Name.StartsWith("stage3.", StringComparison.Ordinal) && row.Kind != "Block").Sum(row => row.Parameters), stage.Parameters);
        Assert.Contains($"Total params: {PatchResNet.ParameterCount:N0}", table);
    }

    [Fact]
    public void A_block_model_trains_predicts_and_survives_save_and_load()
    {
        var random = new Random(5);
        List<Patch> rows = Enumerable.Range(0, 64).Select(i => new Patch
        {
            Kind = i % 4,
            Pixels = Enumerable.Range(0, 3 * 16 * 16).Select(j => (float)(random.NextDouble() + (j % 4 == i % 4 ? 1 : 0))).ToArray(),
        }).ToList();
        using var model = new PatchResNet(seed: 3);

        var report = model.Fit(rows, options: new MlDsl.Training.FitOptions { Epochs = 3, BatchSize = 16, Seed = 3 });
        int[] predicted = model.Predict(rows);
        string folder = Directory.CreateTempSubdirectory("mldsl-blocks").FullName;
        PatchResNet loaded;
        try
        {
            model.Save(Path.Combine(folder, "resnet.mldsl"));
            loaded = PatchResNet.Load(Path.Combine(folder, "resnet.mldsl"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        using var disposeLoaded = loaded;

        Assert.True(report.Last.TrainLoss < report.Epochs[0].TrainLoss, $"loss {report.Epochs[0].TrainLoss} -> {report.Last.TrainLoss}");
        Assert.Equal(predicted, loaded.Predict(rows));
    }

    /// <summary>A ResNet basic block (without its final ReLU) written by hand, named as the generated one.</summary>
    private sealed class HandResidual : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> conv1, conv1BatchNorm2d, conv1Relu, conv2, conv2BatchNorm2d, shortcut;

        public HandResidual(long inChannels, long channels, long stride) : base(nameof(HandResidual))
        {
            conv1 = Conv2d(inChannels, channels, kernel_size: 3, stride: stride, padding: 1);
            conv1BatchNorm2d = BatchNorm2d(channels);
            conv1Relu = ReLU();
            conv2 = Conv2d(channels, channels, kernel_size: 3, padding: 1);
            conv2BatchNorm2d = BatchNorm2d(channels);
            shortcut = Conv2d(inChannels, channels, kernel_size: 1, stride: stride);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            Tensor body = conv2BatchNorm2d.forward(conv2.forward(conv1Relu.forward(conv1BatchNorm2d.forward(conv1.forward(input)))));
            return (body + shortcut.forward(input)).MoveToOuterDisposeScope();
        }
    }
}
