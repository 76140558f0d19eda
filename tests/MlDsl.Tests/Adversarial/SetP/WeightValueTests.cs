using MlDsl.Deployment.PyTorch;
using MlDsl.Persistence;
using MlDsl.Tests.Layers;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace MlDsl.Tests.Adversarial.SetP;

/// <summary>
/// Weight values that load without a word but are wrong: a floating-point <c>num_batches_tracked</c> (an Int64 buffer)
/// was truncated by <c>copy_</c>, and NaN or infinite weights, in a PyTorch state_dict, a safetensors file or MlDsl's own
/// model file (whose checksum only proves the bytes are the ones saved), made every prediction NaN. Each is now refused
/// with the file and the entry's name, before the model changes.
/// </summary>
public sealed class WeightValueTests() : TemporaryFolder("mldsl-setp-weights")
{
    private const string Tracked = "hiddenBatchNorm1d.num_batches_tracked";

    private static Dictionary<string, Tensor> GaugeWeights(Action<Dictionary<string, Tensor>> change)
    {
        using var source = new GaugeMlp(seed: 2);
        Dictionary<string, Tensor> weights = source.state_dict().ToDictionary(pair => pair.Key, pair => pair.Value.clone());
        change(weights);
        return weights;
    }

    private string PyTorchFile(string name, Dictionary<string, Tensor> weights)
    {
        string path = Path.Combine(Root, name);
        using (var stream = File.Create(path)) PyTorchPickler.PickleStateDict(stream, weights);
        return path;
    }

    private string SafetensorsFile(string name, Dictionary<string, Tensor> weights)
    {
        string path = Path.Combine(Root, name);
        using (var stream = File.Create(path)) Safetensors.SaveStateDict(stream, weights);
        return path;
    }

    private static float[] FirstWeights(nn.Module model) => model.parameters().First().data<float>().ToArray();

    private static void WithNaN(Dictionary<string, Tensor> weights)
    {
        using var noGrad = no_grad();
        weights["hidden.weight"][0, 1] = tensor(float.NaN);
    }

    private static void WithInfinity(Dictionary<string, Tensor> weights)
    {
        using var noGrad = no_grad();
        weights["narrow.bias"][3] = tensor(float.NegativeInfinity);
    }

    private static void WithFloatTracked(Dictionary<string, Tensor> weights) => weights[Tracked] = tensor(21.7f);

    [Fact]
    public void A_float_num_batches_tracked_in_a_PyTorch_state_dict_is_refused_not_truncated()
    {
        using var model = new GaugeMlp(seed: 1);
        string path = PyTorchFile("float-tracked.pt", GaugeWeights(WithFloatTracked));
        float[] before = FirstWeights(model);

        var problem = Assert.Throws<ModelFileException>(() => model.LoadPyTorchWeights(path));

        Assert.StartsWith($"{path}: '{Tracked}' holds Float32 values; the model's are Int64", problem.Message);
        Assert.Equal(0L, model.state_dict()[Tracked].item<long>());
        Assert.Equal(before, FirstWeights(model));
    }

    [Fact]
    public void A_float_num_batches_tracked_in_a_safetensors_file_is_refused_not_truncated()
    {
        using var model = new GaugeMlp(seed: 1);
        string path = SafetensorsFile("float-tracked.safetensors", GaugeWeights(WithFloatTracked));

        var problem = Assert.Throws<ModelFileException>(() => model.LoadSafetensors(path));

        Assert.StartsWith($"{path}: '{Tracked}' holds F32 values; the model's are Int64", problem.Message);
        Assert.Equal(0L, model.state_dict()[Tracked].item<long>());
    }

    [Fact]
    public void An_int64_num_batches_tracked_still_loads_from_both_formats()
    {
        using var model = new GaugeMlp(seed: 1);
        Dictionary<string, Tensor> weights = GaugeWeights(all => all[Tracked] = tensor(21L));

        model.LoadPyTorchWeights(PyTorchFile("int-tracked.pt", weights));
        Assert.Equal(21L, model.state_dict()[Tracked].item<long>());
        weights[Tracked] = tensor(34L);
        model.LoadSafetensors(SafetensorsFile("int-tracked.safetensors", weights));
        Assert.Equal(34L, model.state_dict()[Tracked].item<long>());
    }

    [Theory]
    [InlineData("nan", "'hidden.weight' holds 1 NaN or infinite value of 96")]
    [InlineData("infinity", "'narrow.bias' holds 1 NaN or infinite value of 8")]
    public void Non_finite_weights_in_a_PyTorch_state_dict_are_refused_naming_the_entry(string kind, string expected)
    {
        using var model = new GaugeMlp(seed: 1);
        string path = PyTorchFile(kind + ".pt", GaugeWeights(kind == "nan" ? WithNaN : WithInfinity));
        float[] before = FirstWeights(model);

        var problem = Assert.Throws<ModelFileException>(() => model.LoadPyTorchWeights(path));

        Assert.StartsWith($"{path}: {expected}; expected finite weights", problem.Message);
        Assert.Equal(before, FirstWeights(model));
    }

    [Theory]
    [InlineData("nan", "'hidden.weight' holds 1 NaN or infinite value of 96")]
    [InlineData("infinity", "'narrow.bias' holds 1 NaN or infinite value of 8")]
    public void Non_finite_weights_in_a_safetensors_file_are_refused_naming_the_entry(string kind, string expected)
    {
        using var model = new GaugeMlp(seed: 1);
        string path = SafetensorsFile(kind + ".safetensors", GaugeWeights(kind == "nan" ? WithNaN : WithInfinity));
        float[] before = FirstWeights(model);

        var problem = Assert.Throws<ModelFileException>(() => model.LoadSafetensors(path));

        Assert.StartsWith($"{path}: {expected}; expected finite weights", problem.Message);
        Assert.Equal(before, FirstWeights(model));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Non_finite_weights_in_an_MlDsl_model_file_are_refused_though_the_checksum_matches(float value)
    {
        string path = Path.Combine(Root, "diverged.mldsl");
        using (var diverged = new GaugeMlp(seed: 3))
        {
            using (no_grad()) diverged.state_dict()["output.weight"][1, 2] = tensor(value);
            diverged.Save(path);
        }

        var problem = Assert.Throws<ModelFileException>(() => GaugeMlp.Load(path));

        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(path)}: at byte \d+: 'output.weight' holds 1 NaN or infinite value of 16; expected finite weights", problem.Message);
    }

    [Fact]
    public void Finite_extremes_in_an_MlDsl_model_file_still_load()
    {
        string path = Path.Combine(Root, "extremes.mldsl");
        using (var extreme = new GaugeMlp(seed: 3))
        {
            using (no_grad())
            {
                extreme.state_dict()["output.weight"][0, 0] = tensor(float.MaxValue);
                extreme.state_dict()["output.weight"][0, 1] = tensor(-float.Epsilon);
            }
            extreme.Save(path);
        }

        using GaugeMlp loaded = GaugeMlp.Load(path);

        Assert.Equal(float.MaxValue, loaded.state_dict()["output.weight"][0, 0].item<float>());
    }
}
