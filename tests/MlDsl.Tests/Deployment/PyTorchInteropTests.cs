using MlDsl.Persistence;
using MlDsl.Tests.Labels;
using MlDsl.Tests.Layers;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace MlDsl.Tests.Deployment;

/// <summary>
/// The generated PyTorch source and weights, run by PyTorch itself (Debian's python3-torch under /usr/bin/python3,
/// installed when missing): the same weights give the same outputs in both directions, within 1e-5 of the output scale.
/// </summary>
public sealed class PyTorchInteropTests() : TemporaryFolder("mldsl-pytorch")
{
    public static TheoryData<string> Models => new()
    {
        nameof(PointMlp), nameof(PatchNet), nameof(PatchResNet), nameof(PointResMlp), nameof(TokenLstm), nameof(TokenTransformer),
        nameof(FrameGru), nameof(GlueNet), nameof(PulseNet), nameof(TileNet), nameof(GaugeMlp), nameof(FlatPrice),
        // Several inputs sliced out of the collated row and joined, and joins inside one line.
        nameof(RecordingNet), nameof(RecordingSumNet), nameof(ReviewNet), nameof(TileDenseNet), nameof(GaugeSkipMlp),
        // bias=False convolutions and Linear layers (torchvision's conv before BatchNorm).
        nameof(BiasFreePatchNet), nameof(BiasFreePulseNet),
        // One member stacking a kind twice: numbered attributes (stemBatchNorm2d_1).
        nameof(StackedStemNet),
        // Dilation, groups, non-square windows, padding='same' (PyTorch's own string).
        nameof(WindowNet), nameof(GroupedPulseNet),
        // ConvTranspose2d with output padding and dilation; global max pooling in 2-D and 1-D.
        nameof(UpsamplingNet), nameof(PeakPulseNet),
        // ConvTranspose1d (output padding, dilation, groups) and a grouped ConvTranspose2d.
        nameof(PulseDecoderNet), nameof(GroupedUpsamplingNet),
        // Upsample's interpolating modes (PyTorch's mode word and align_corners).
        nameof(SmoothUpsamplingNet), nameof(LinearUpsamplingPulseNet),
        // Pooling with ceil_mode.
        nameof(CeilPoolingNet), nameof(CeilPoolingPulseNet),
        // Per-axis ConvTranspose2d sizes (PyTorch's tuples) and Upsample to a fixed size.
        nameof(AnisotropicUpsamplingNet), nameof(SizedUpsamplingPulseNet),
        // Joins inside blocks (a DenseNet layer concatenating its input, a skip add, a residual block adding two members): JoinBlock.
        nameof(PatchDenseBlockNet), nameof(PointGatedNet),
        // Parallel paths ([From]): an Inception block's paths from its input (JoinBlock's "from"), forks from a model's stem.
        nameof(PatchInceptionNet), nameof(PointForkNet),
        // nn.MultiheadAttention, batch first: self-attention (packed projections, with and without biases) and cross-attention (kdim, vdim).
        nameof(TokenSelfAttention), nameof(QuestionOverAnswer),
    };

    private static (nn.Module<Tensor, Tensor> Model, string Source, Action<string> Export, Action<string> Load, long[] Input, long Vocabulary) Create(string name) => name switch
    {
        nameof(PointMlp) => Of(new PointMlp(seed: 1), PointMlp.PyTorchSource, 4),
        nameof(PatchNet) => Of(new PatchNet(seed: 1), PatchNet.PyTorchSource, 3, 16, 16),
        nameof(PatchResNet) => Of(new PatchResNet(seed: 1), PatchResNet.PyTorchSource, 3, 16, 16),
        nameof(PointResMlp) => Of(new PointResMlp(seed: 1), PointResMlp.PyTorchSource, 4),
        nameof(TokenLstm) => Of(new TokenLstm(seed: 1), TokenLstm.PyTorchSource, 12) with { Vocabulary = 50 },
        nameof(TokenTransformer) => Of(new TokenTransformer(seed: 1), TokenTransformer.PyTorchSource, 12) with { Vocabulary = 50 },
        nameof(FrameGru) => Of(new FrameGru(seed: 1), FrameGru.PyTorchSource, 10, 6),
        nameof(GlueNet) => Of(new GlueNet(seed: 1), GlueNet.PyTorchSource, 10, 6),
        nameof(PulseNet) => Of(new PulseNet(seed: 1), PulseNet.PyTorchSource, 1, 64),
        nameof(TileNet) => Of(new TileNet(seed: 1), TileNet.PyTorchSource, 3, 12, 12),
        nameof(GaugeMlp) => Of(new GaugeMlp(seed: 1), GaugeMlp.PyTorchSource, 6),
        nameof(FlatPrice) => Of(new FlatPrice(seed: 1), FlatPrice.PyTorchSource, 1),
        nameof(RecordingNet) => Of(new RecordingNet(seed: 1), RecordingNet.PyTorchSource, Recording.FeatureLength),
        nameof(RecordingSumNet) => Of(new RecordingSumNet(seed: 1), RecordingSumNet.PyTorchSource, Recording.FeatureLength),
        // Every column a whole number below the vocabulary: the ids, and a number of stars.
        nameof(ReviewNet) => Of(new ReviewNet(seed: 1), ReviewNet.PyTorchSource, Review.FeatureLength) with { Vocabulary = 20 },
        nameof(TileDenseNet) => Of(new TileDenseNet(seed: 1), TileDenseNet.PyTorchSource, 3, 12, 12),
        nameof(GaugeSkipMlp) => Of(new GaugeSkipMlp(seed: 1), GaugeSkipMlp.PyTorchSource, 6),
        nameof(BiasFreePatchNet) => Of(new BiasFreePatchNet(seed: 1), BiasFreePatchNet.PyTorchSource, 3, 16, 16),
        nameof(BiasFreePulseNet) => Of(new BiasFreePulseNet(seed: 1), BiasFreePulseNet.PyTorchSource, 1, 64),
        nameof(StackedStemNet) => Of(new StackedStemNet(seed: 1), StackedStemNet.PyTorchSource, 3, 16, 16),
        nameof(WindowNet) => Of(new WindowNet(seed: 1), WindowNet.PyTorchSource, 3, 16, 16),
        nameof(GroupedPulseNet) => Of(new GroupedPulseNet(seed: 1), GroupedPulseNet.PyTorchSource, 1, 64),
        nameof(UpsamplingNet) => Of(new UpsamplingNet(seed: 1), UpsamplingNet.PyTorchSource, 3, 16, 16),
        nameof(PeakPulseNet) => Of(new PeakPulseNet(seed: 1), PeakPulseNet.PyTorchSource, 1, 64),
        nameof(PulseDecoderNet) => Of(new PulseDecoderNet(seed: 1), PulseDecoderNet.PyTorchSource, 1, 64),
        nameof(GroupedUpsamplingNet) => Of(new GroupedUpsamplingNet(seed: 1), GroupedUpsamplingNet.PyTorchSource, 3, 16, 16),
        nameof(SmoothUpsamplingNet) => Of(new SmoothUpsamplingNet(seed: 1), SmoothUpsamplingNet.PyTorchSource, 3, 16, 16),
        nameof(AnisotropicUpsamplingNet) => Of(new AnisotropicUpsamplingNet(seed: 1), AnisotropicUpsamplingNet.PyTorchSource, 3, 16, 16),
        nameof(SizedUpsamplingPulseNet) => Of(new SizedUpsamplingPulseNet(seed: 1), SizedUpsamplingPulseNet.PyTorchSource, 1, 64),
        nameof(LinearUpsamplingPulseNet) => Of(new LinearUpsamplingPulseNet(seed: 1), LinearUpsamplingPulseNet.PyTorchSource, 1, 64),
        nameof(CeilPoolingNet) => Of(new CeilPoolingNet(seed: 1), CeilPoolingNet.PyTorchSource, 3, 16, 16),
        nameof(CeilPoolingPulseNet) => Of(new CeilPoolingPulseNet(seed: 1), CeilPoolingPulseNet.PyTorchSource, 1, 64),
        nameof(PatchDenseBlockNet) => Of(new PatchDenseBlockNet(seed: 1), PatchDenseBlockNet.PyTorchSource, 3, 16, 16),
        nameof(PointGatedNet) => Of(new PointGatedNet(seed: 1), PointGatedNet.PyTorchSource, 4),
        nameof(PatchInceptionNet) => Of(new PatchInceptionNet(seed: 1), PatchInceptionNet.PyTorchSource, 3, 16, 16),
        nameof(PointForkNet) => Of(new PointForkNet(seed: 1), PointForkNet.PyTorchSource, 4),
        nameof(TokenSelfAttention) => Of(new TokenSelfAttention(seed: 1), TokenSelfAttention.PyTorchSource, 12) with { Vocabulary = 50 },
        // Every column an id below the vocabulary: the question's, then the answer's.
        nameof(QuestionOverAnswer) => Of(new QuestionOverAnswer(seed: 1), QuestionOverAnswer.PyTorchSource, QuestionAnswer.FeatureLength) with { Vocabulary = 30 },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static (nn.Module<Tensor, Tensor> Model, string Source, Action<string> Export, Action<string> Load, long[] Input, long Vocabulary) Of<TModel>(TModel model, string source, params long[] input)
        where TModel : nn.Module<Tensor, Tensor> =>
        (model, source, directory => Export(model, directory), path => Load(model, path), input, 0);

    private static void Export(nn.Module model, string directory) =>
        ((dynamic)model).ExportPyTorch(directory);

    private static void Load(nn.Module model, string path) =>
        ((dynamic)model).LoadPyTorchWeights(path);

    [Theory]
    [MemberData(nameof(Models))]
    public void PyTorch_runs_the_exported_source_and_weights_to_TorchSharps_outputs_and_back(string name)
    {
        var (model, _, export, load, inputShape, vocabulary) = Create(name);
        using var scope = NewDisposeScope();
        Randomize(model);
        model.eval();
        Tensor input = vocabulary > 0 ? randint(0, vocabulary, new long[] { 5 }.Concat(inputShape).ToArray()).to_type(ScalarType.Float32) : randn(new long[] { 5 }.Concat(inputShape).ToArray());
        Tensor expected;
        using (no_grad()) expected = model.forward(input);
        string folder = Path.Combine(Root, name);
        export(folder);
        using (var stream = File.Create(Path.Combine(folder, "io.pt")))
            PyTorchPickler.PickleStateDict(stream, new Dictionary<string, Tensor> { ["input"] = input, ["output"] = expected });

        // PyTorch: the same outputs from the exported weights; then its own freshly initialised weights and their outputs.
        string report = Python($$"""
            import importlib.util, sys, torch, warnings
            # PyTorch notes that padding='same' with an even reach copies the input padded; correct, and not what this compares.
            warnings.filterwarnings("ignore", message="Using padding='same'")
            folder = sys.argv[1]
            spec = importlib.util.spec_from_file_location("{{name}}", folder + "/{{name}}.py")
            module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)
            model = module.{{name}}(); model.load_state_dict(torch.load(folder + "/{{name}}.pt")); model.eval()
            io = torch.load(folder + "/io.pt")
            with torch.no_grad():
                out = model(io["input"])
                print(float((out - io["output"]).abs().max() / max(1.0, float(io["output"].abs().max()))))
                torch.manual_seed(7); fresh = module.{{name}}(); fresh.eval()
                torch.save(fresh.state_dict(), folder + "/python.pt")
                torch.save({"output": fresh(io["input"])}, folder + "/python-output.pt")
            """, folder);
        double difference = double.Parse(report.Trim().Split('\n')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(difference <= 1e-5, $"{name}: PyTorch's output differs from TorchSharp's by {difference} (relative to the output scale)");

        load(Path.Combine(folder, "python.pt"));
        Tensor pythonOutput;
        using (var stream = File.OpenRead(Path.Combine(folder, "python-output.pt")))
            pythonOutput = PyTorchUnpickler.UnpickleStateDict(stream)["output"] as Tensor ?? throw new InvalidDataException("no output");
        Tensor actual;
        using (no_grad()) actual = model.forward(input);
        double scale = Math.Max(1.0, pythonOutput.abs().max().item<float>());
        double back = (actual - pythonOutput).abs().max().item<float>() / scale;
        Assert.True(back <= 1e-5, $"{name}: TorchSharp with PyTorch's weights differs from PyTorch by {back}");
        model.Dispose();
    }

    [Fact]
    public void A_state_dict_of_another_model_is_refused_naming_the_keys_and_changes_nothing()
    {
        using var model = new PointMlp(seed: 1);
        using var other = new GaugeMlp(seed: 1);
        string path = Path.Combine(Root, "gauge.pt");
        using (var stream = File.Create(path)) other.save_py(stream);
        float[] before = model.parameters().First().data<float>().ToArray();

        var problem = Assert.Throws<ModelFileException>(() => model.LoadPyTorchWeights(path));

        Assert.StartsWith(path + ": keys differ from the model's:", problem.Message);
        Assert.Contains("unexpected hiddenBatchNorm1d.bias", problem.Message);
        Assert.Equal(before, model.parameters().First().data<float>().ToArray());
    }

    [Fact]
    public void A_tensor_of_another_shape_is_refused_naming_the_key_and_both_shapes_and_changes_nothing()
    {
        using var model = new PointMlp(seed: 1);
        Dictionary<string, Tensor> weights = new PointMlp(seed: 2).state_dict();
        weights["hidden.weight"] = zeros(32, 5);
        string path = Path.Combine(Root, "wider.pt");
        using (var stream = File.Create(path)) PyTorchPickler.PickleStateDict(stream, weights);
        float[] before = model.parameters().Last().data<float>().ToArray();

        var problem = Assert.Throws<ModelFileException>(() => model.LoadPyTorchWeights(path));

        Assert.Equal(path + ": 'hidden.weight' has shape (32, 5); the model's is (32, 4)", problem.Message);
        Assert.Equal(before, model.parameters().Last().data<float>().ToArray());
    }

    [Fact]
    public void A_file_that_is_not_a_torch_save_zip_is_refused_with_the_path()
    {
        using var model = new PointMlp(seed: 1);
        string path = Path.Combine(Root, "weights.pt");
        File.WriteAllText(path, "not a zip");

        var problem = Assert.Throws<ModelFileException>(() => model.LoadPyTorchWeights(path));

        Assert.StartsWith(path + ": is not a PyTorch state_dict", problem.Message);
    }

    [Fact]
    public void A_model_with_an_audio_front_end_says_which_layer_has_no_PyTorch_source()
    {
        var problem = Assert.Throws<NotSupportedException>(() => MlDsl.Tests.Pipelines.ToneNet.PyTorchSource);

        Assert.Contains("no PyTorch equivalent is emitted for", problem.Message);
    }

    private static void Randomize(nn.Module model)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        torch.manual_seed(3);
        foreach ((string name, Tensor tensor) in model.state_dict())
        {
            if (!tensor.is_floating_point()) continue;
            if (name.EndsWith("running_var", StringComparison.Ordinal) || name.EndsWith("scale", StringComparison.Ordinal)) tensor.copy_(rand_like(tensor) + 0.5);
            else tensor.copy_(randn_like(tensor) * 0.3);
        }
    }

    private static string Python(string script, string folder)
    {
        DebianPython.Require("torch", "python3-torch");
        string file = Path.Combine(folder, "check.py");
        File.WriteAllText(file, script);
        (int exit, string output) = DebianPython.Run(DebianPython.Python, $"\"{file}\" \"{folder}\"");
        Assert.True(exit == 0, $"python3 failed: {output}");
        return output;
    }
}
