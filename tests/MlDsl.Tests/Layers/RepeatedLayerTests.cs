using MlDsl.Persistence;
using static TorchSharp.torch;

namespace MlDsl.Tests.Layers;

/// <summary>A member that stacks one layer kind twice trains, saves and loads under distinct state_dict keys.</summary>
public sealed class RepeatedLayerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("mldsl-repeated").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Repeated_kinds_on_one_member_register_numbered_state_dict_keys()
    {
        using var model = new StackedStemNet(seed: 1);

        string[] keys = model.state_dict().Keys.ToArray();

        // The first of each kind keeps its unnumbered name (weights saved before numbering still load); the repeat gets _1.
        Assert.Contains("stem.weight", keys);
        Assert.Contains("stemConv2d.weight", keys);
        Assert.Contains("stemBatchNorm2d.running_mean", keys);
        Assert.Contains("stemBatchNorm2d_1.running_mean", keys);
        Assert.Contains("bodyLinear.weight", keys);
        Assert.Contains("bodyLinear_1.weight", keys);
        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal(new[] { "stem", "stemBatchNorm2d", "stemRelu", "stemConv2d", "stemBatchNorm2d_1", "stemRelu_1" },
            StackedStemNet.LayerShapes.Select(layer => layer.Name).Take(6));
    }

    [Fact]
    public void Trained_weights_of_repeated_kinds_survive_save_and_load()
    {
        List<Patch> rows = SyntheticData.Patches(40, seed: 3);
        using var model = new StackedStemNet(seed: 3);
        model.Fit(rows, options: new() { Epochs = 2, BatchSize = 8, Seed = 3 });
        string path = Path.Combine(directory, "stacked.mldsl");

        model.Save(path);
        using StackedStemNet loaded = StackedStemNet.Load(path);

        // Each numbered layer holds its own trained weights and running statistics, not its namesake's.
        Dictionary<string, Tensor> trained = model.state_dict(), restored = loaded.state_dict();
        Assert.False(trained["stemBatchNorm2d.running_mean"].allclose(trained["stemBatchNorm2d_1.running_mean"]));
        foreach ((string key, Tensor value) in trained)
            Assert.True(value.allclose(restored[key], rtol: 0, atol: 0), $"{key} differs after loading");
        Assert.Equal(model.Predict(rows), loaded.Predict(rows));
        Assert.Equal(model.PredictProbabilities(rows[0]), loaded.PredictProbabilities(rows[0]));
    }
}
