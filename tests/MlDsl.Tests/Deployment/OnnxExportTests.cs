using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using MlDsl.Deployment.Onnx;
using MlDsl.Shapes;
using MlDsl.Tests.Layers;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Tests.Deployment;

/// <summary>
/// The ONNX graph the generator emits computes what the TorchSharp forward computes, for every layer
/// kind of the catalogue (through the parity models and a few more), for blocks and residual blocks,
/// for models of several inputs (branches sliced out of the collated row, joined by concatenation or add, and
/// joins inside one line, and the spoken-language example's spectrogram-and-prompt model), with a dynamic batch, and passes ONNX's checker; a [UserModule] is refused by name.
/// </summary>
public sealed class OnnxExportTests
{
    /// <summary>Models beside the parity models: recurrent variants they lack, and blocks (nested, identity and projection shortcuts).</summary>
    internal static readonly (Type Model, long[] Input)[] ExtraModels =
    {
        (typeof(FrameLstmState), new long[] { 10, 6 }),
        (typeof(FrameGruSequence), new long[] { 10, 6 }),
        (typeof(PatchResNet), new long[] { 3, 16, 16 }),
        (typeof(PointResMlp), new long[] { 4 }),
        (typeof(PulseResNet), new long[] { 1, 64 }),
        (typeof(BiasFreePatchNet), new long[] { 3, 16, 16 }),
        (typeof(BiasFreePulseNet), new long[] { 1, 64 }),
        (typeof(PatchDenseBlockNet), new long[] { 3, 16, 16 }),
        (typeof(PointGatedNet), new long[] { 4 }),
        // Parallel paths ([From]): an Inception block, an Inception-ResNet unit, forks from a model's stem.
        (typeof(PatchInceptionNet), new long[] { 3, 16, 16 }),
        (typeof(PointForkNet), new long[] { 4 }),
        // Cross-attention inside a block: the block's input attends over its own projection.
        (typeof(TokenBlockAttention), new long[] { 12 }),
    };

    private static IEnumerable<(Type Model, long[] Input)> AllModels => LayerParityTests.Models.Concat(ExtraModels);

    /// <summary>
    /// Models whose forward is no single line: a [Block] branch and a metadata branch concatenated, branches added
    /// with features read out of row order, token ids embedded beside a number read as it is, and joins inside one
    /// line (a DenseNet-style concatenation of maps, a skip add). Each with its random collated rows.
    /// </summary>
    internal static readonly (Type Model, Func<int, Generator, Tensor> Rows)[] BranchModels =
    {
        (typeof(RecordingNet), RecordingRows),
        (typeof(RecordingSumNet), RecordingRows),
        (typeof(ReviewNet), ReviewRows),
        (typeof(TileDenseNet), (batch, generator) => randn(new long[] { batch, 3, 12, 12 }, generator: generator)),
        (typeof(GaugeSkipMlp), (batch, generator) => randn(new long[] { batch, 6 }, generator: generator)),
        // Cross-attention: the question's ids attend over the answer's, read from the same collated row.
        (typeof(QuestionOverAnswer), (batch, generator) => randint(0, 30, new long[] { batch, QuestionAnswer.FeatureLength }, generator: generator).to_type(ScalarType.Float32)),
        // The spoken-language example's model: the log-mel front end and conv stages on the samples, beside the prompt's category.
        (typeof(MlDsl.Examples.SpokenLanguage.LanguageCnnWithPrompt), PromptedClipRows),
    };

    public static TheoryData<Type> BranchModelTypes => new(BranchModels.Select(model => model.Model));

    public static TheoryData<string> Kinds => new(LayerCatalogue.All.Select(definition => definition.Name).Where(kind => kind != UserModule));

    private const string UserModule = "UserModule";

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_layer_kind_exports_to_onnx_that_onnx_runtime_runs_like_torchsharp(string kind)
    {
        var covering = AllModels.Where(model => LayerParityTests.ShapesOf(model.Model).Any(layer => layer.Kind == kind)).ToList();
        Assert.True(covering.Count > 0, $"No parity model uses [{kind}]");
        foreach ((Type modelType, long[] input) in covering.Where(model => !UsesUserModule(model.Model)))
        {
            using var model = Perturbed(modelType, input);
            AssertOnnxRuntimeMatches(model, Export(model), input);
        }
    }

    [Theory]
    [InlineData(typeof(PatchResNet))]
    [InlineData(typeof(PointResMlp))]
    [InlineData(typeof(PulseResNet))]
    [InlineData(typeof(BiasFreePatchNet))]
    [InlineData(typeof(BiasFreePulseNet))]
    [InlineData(typeof(PatchDenseBlockNet))]
    [InlineData(typeof(PointGatedNet))]
    [InlineData(typeof(PatchInceptionNet))]
    [InlineData(typeof(PointForkNet))]
    [InlineData(typeof(TokenBlockAttention))]
    public void A_model_of_blocks_and_residual_blocks_exports_to_onnx_that_onnx_runtime_runs_like_torchsharp(Type modelType)
    {
        long[] input = ExtraModels.Single(model => model.Model == modelType).Input;
        using var model = Perturbed(modelType, input);
        AssertOnnxRuntimeMatches(model, Export(model), input);
    }

    [Theory]
    [MemberData(nameof(BranchModelTypes))]
    public void A_model_of_several_inputs_or_joins_exports_to_onnx_that_onnx_runtime_runs_like_torchsharp(Type modelType)
    {
        Func<int, Generator, Tensor> rows = BranchModels.Single(model => model.Model == modelType).Rows;
        using var model = Perturbed(modelType, rows);
        AssertOnnxRuntimeMatches(model, Export(model), rows, 1, 7);
    }

    [Fact]
    public void A_model_of_several_inputs_takes_the_collated_row_with_a_dynamic_batch_and_slices_it_in_the_graph()
    {
        using var model = new RecordingNet(1);
        var graph = global::Onnx.ModelProto.Parser.ParseFrom(Export(model)).Graph;

        var dims = graph.Input.Single().Type.TensorType.Shape.Dim;
        Assert.Equal("N", dims[0].DimParam);
        Assert.Equal(new long[] { Recording.FeatureLength }, dims.Skip(1).Select(dim => dim.DimValue));
        // Spectrogram sliced and reshaped to its map; the prompt and duration (one run) sliced; the branches concatenated.
        Assert.Equal(2, graph.Node.Count(node => node.OpType == "Slice"));
        Assert.Contains(graph.Node, node => node.OpType == "Reshape");
        Assert.Contains(graph.Node, node => node.OpType == "Concat" && node.Attribute.Single(a => a.Name == "axis").I == 1);
    }

    [Fact]
    public void A_user_module_refuses_onnx_export_naming_each_member_and_its_module_type()
    {
        using var model = new ScaledPatchNet(1);
        var error = Assert.Throws<OnnxExportException>(() => model.ExportOnnx(new MemoryStream()));
        Assert.Equal(nameof(ScaledPatchNet), error.Model);
        Assert.Equal(new[] { "'scale' (UserModule ChannelScale)", "'fold' (UserModule SpaceToDepth)" }, error.Layers);
        Assert.Contains("ScaledPatchNet cannot be exported to ONNX: 'scale' (UserModule ChannelScale), 'fold' (UserModule SpaceToDepth)", error.Message);
        Assert.IsAssignableFrom<NotSupportedException>(error); // so an artifact export leaves model.onnx out
    }

    [Fact]
    public void Exported_graph_passes_onnx_checker_with_full_shape_inference()
    {
        string folder = Directory.CreateTempSubdirectory("mldsl-onnx").FullName;
        try
        {
            foreach ((Type modelType, _) in AllModels.Where(model => !UsesUserModule(model.Model)))
            {
                using var model = (Module<Tensor, Tensor>)Activator.CreateInstance(modelType, (long?)1)!;
                using FileStream file = File.Create(Path.Combine(folder, modelType.Name + ".onnx"));
                ((IOnnxExportable)model).ExportOnnx(file);
            }
            foreach ((Type modelType, _) in BranchModels)
            {
                using var model = (Module<Tensor, Tensor>)Activator.CreateInstance(modelType, (long?)1)!;
                using FileStream file = File.Create(Path.Combine(folder, modelType.Name + ".onnx"));
                ((IOnnxExportable)model).ExportOnnx(file);
            }
            string[] files = Directory.GetFiles(folder, "*.onnx");
            Assert.Equal(AllModels.Count(model => !UsesUserModule(model.Model)) + BranchModels.Length, files.Length);
            OnnxChecker.Check(files);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool UsesUserModule(Type model) => LayerParityTests.ShapesOf(model).Any(layer => layer.Kind == UserModule);

    private static byte[] Export(Module<Tensor, Tensor> model)
    {
        var exported = new MemoryStream();
        ((IOnnxExportable)model).ExportOnnx(exported);
        return exported.ToArray();
    }

    /// <summary>
    /// A seeded model whose parameters are moved off their initial values (norm layers start at ones and
    /// zeros) and whose BatchNorm running statistics are no longer 0 and 1, so a weight the export
    /// mislays or misorders shows.
    /// </summary>
    private static Module<Tensor, Tensor> Perturbed(Type modelType, long[] input) =>
        Perturbed(modelType, (batch, generator) => Rows(modelType, input, batch, generator, shifted: true));

    private static Module<Tensor, Tensor> Perturbed(Type modelType, Func<int, Generator, Tensor> rows)
    {
        var model = (Module<Tensor, Tensor>)Activator.CreateInstance(modelType, (long?)1)!;
        using var scope = NewDisposeScope();
        var generator = new Generator(11);
        using (no_grad())
        {
            foreach (var parameter in model.parameters())
                parameter.add_(randn(parameter.shape, generator: generator) * 0.2);
            model.train();
            for (int step = 0; step < 3; step++)
                model.forward(rows(4, generator));
        }
        model.eval();
        return model;
    }

    /// <summary>Random features; token ids below the vocabulary (as floats, as batches carry them) when the model starts with an Embedding.</summary>
    /// <param name="shifted">Features with mean 0.5 and deviation 2 rather than 0 and 1, for running statistics away from BatchNorm's start.</param>
    private static Tensor Rows(Type modelType, long[] input, int batch, Generator generator, bool shifted = false)
    {
        long[] shape = new long[] { batch }.Concat(input).ToArray();
        if (LayerParityTests.ShapesOf(modelType)[0].Kind == "Embedding")
            return randint(0, 50, shape, generator: generator).to_type(ScalarType.Float32);
        Tensor rows = randn(shape, generator: generator);
        return shifted ? rows * 2 + 0.5 : rows;
    }

    /// <summary>Collated rows of <see cref="Recording"/>: random spectrograms, a random prompt one-hot and duration.</summary>
    private static Tensor RecordingRows(int batch, Generator generator)
    {
        string[] prompts = { "digits", "letters", "phrases" };
        float[] spectrograms = randn(new long[] { batch, 48 }, generator: generator).data<float>().ToArray();
        long[] prompt = randint(0, 3, new long[] { batch }, generator: generator).data<long>().ToArray();
        float[] durations = rand(new long[] { batch }, generator: generator).data<float>().ToArray();
        return Collated(Enumerable.Range(0, batch).Select(i => new Recording
        {
            Spectrogram = spectrograms.AsSpan(i * 48, 48).ToArray(), Prompt = prompts[prompt[i]], Duration = durations[i] * 3,
        }).ToList());
    }

    /// <summary>Collated rows of the spoken-language example's clips: random samples at a speaking level and a random prompt category.</summary>
    private static Tensor PromptedClipRows(int batch, Generator generator)
    {
        string[] categories = { "prompts", "digits", "letters", "phonetic", "dictate", "followme" };
        int length = MlDsl.Examples.SpokenLanguage.SpokenClip.Length;
        float[] samples = (randn(new long[] { batch, length }, generator: generator) * 0.1).data<float>().ToArray();
        long[] category = randint(0, categories.Length, new long[] { batch }, generator: generator).data<long>().ToArray();
        return Collated(Enumerable.Range(0, batch).Select(i => new MlDsl.Examples.SpokenLanguage.PromptedClip
        {
            Samples = samples.AsSpan(i * length, length).ToArray(), Category = categories[category[i]], Language = 0, Prompt = "p" + i,
        }).ToList());
    }

    /// <summary>Collated rows of <see cref="Review"/>: random token ids below the vocabulary and a random number of stars.</summary>
    private static Tensor ReviewRows(int batch, Generator generator)
    {
        long[] words = randint(0, 20, new long[] { batch, 5 }, generator: generator).data<long>().ToArray();
        float[] stars = (rand(new long[] { batch }, generator: generator) * 5).data<float>().ToArray();
        return Collated(Enumerable.Range(0, batch).Select(i => new Review
        {
            Words = words.AsSpan(i * 5, 5).ToArray().Select(id => (int)id).ToArray(), Stars = stars[i],
        }).ToList());
    }

    /// <summary>The batch the generated training loop feeds the model: every row's features written into one flat buffer.</summary>
    private static Tensor Collated<TRow>(List<TRow> rows) where TRow : MlDsl.Data.IDatasetRow<TRow>
    {
        var buffer = new float[rows.Count * TRow.FeatureLength];
        for (int i = 0; i < rows.Count; i++)
            TRow.WriteFeatures(rows[i], buffer.AsSpan(i * TRow.FeatureLength, TRow.FeatureLength));
        return tensor(buffer, new long[] { rows.Count, TRow.FeatureLength });
    }

    private static void AssertOnnxRuntimeMatches(Module<Tensor, Tensor> model, byte[] onnx, long[] input) =>
        AssertOnnxRuntimeMatches(model, onnx, (batch, generator) => Rows(model.GetType(), input, batch, generator), 3, 1);

    /// <summary>Same rows through TorchSharp (eval) and ONNX Runtime, each batch size on one exported graph: equal within 1e-5 of the output's scale.</summary>
    private static void AssertOnnxRuntimeMatches(Module<Tensor, Tensor> model, byte[] onnx, Func<int, Generator, Tensor> makeRows, params int[] batches)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var session = new InferenceSession(onnx, options);
        foreach (int batch in batches)
        {
            using var scope = NewDisposeScope();
            Tensor rows = makeRows(batch, new Generator(7)).contiguous();
            float[] expected;
            using (inference_mode())
                expected = model.forward(rows).contiguous().data<float>().ToArray();

            using OrtValue value = OrtValue.CreateTensorValueFromMemory(rows.data<float>().ToArray(), rows.shape);
            using var outputs = session.Run(new RunOptions(), new[] { "input" }, new[] { value }, new[] { "output" });
            float[] actual = outputs[0].GetTensorDataAsSpan<float>().ToArray();

            Assert.Equal(expected.Length, actual.Length);
            Assert.True(expected.All(float.IsFinite), $"{model.GetType().Name}: TorchSharp's output is not finite");
            double scale = Math.Max(1, expected.Max(Math.Abs));
            double worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
            Assert.True(worst <= 1e-5 * scale, $"{model.GetType().Name}, batch {batch}: ONNX Runtime differs from TorchSharp by {worst} (output scale {scale})");
        }
    }
}

/// <summary>ONNX's own checker (Debian's python3-onnx, installed when missing) over exported files.</summary>
internal static class OnnxChecker
{
    public static void Check(IEnumerable<string> files)
    {
        DebianPython.Require("onnx", "python3-onnx");
        foreach (string file in files)
        {
            var check = DebianPython.Run(DebianPython.Python, $"-c \"import onnx,sys; m=onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True)\" \"{file}\"");
            Assert.True(check.ExitCode == 0, $"onnx.checker rejects {Path.GetFileName(file)}: {check.Output}");
        }
    }
}
