using MlDsl.Persistence;

namespace MlDsl.Tests;

public sealed class PersistenceTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("mldsl-tests").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Save_then_load_predicts_identically()
    {
        List<Patch> rows = SyntheticData.Patches(40, seed: 8);
        using var model = new PatchNet(seed: 8);
        model.Fit(rows, options: new() { Epochs = 3, BatchSize = 8, Seed = 8 });
        string path = Path.Combine(directory, "patch.mldsl");

        model.Save(path);
        using PatchNet loaded = PatchNet.Load(path);

        Assert.Equal(model.Predict(rows), loaded.Predict(rows));
        Assert.Equal(model.PredictProbabilities(rows[0]), loaded.PredictProbabilities(rows[0]));
    }

    [Fact]
    public void Loading_another_models_file_names_both_models()
    {
        string path = Path.Combine(directory, "points.mldsl");
        using (var points = new PointMlp(seed: 1)) points.Save(path);

        var error = Assert.Throws<ModelFileException>(() => PatchNet.Load(path));

        Assert.Equal($"{path}: holds a 'PointMlp' model, not a 'PatchNet'", error.Message);
    }

    [Fact]
    public void Damaged_weights_fail_the_checksum()
    {
        string path = Path.Combine(directory, "damaged.mldsl");
        using (var model = new PointMlp(seed: 1)) model.Save(path);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[^10] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<ModelFileException>(() => PointMlp.Load(path));

        Assert.Contains("checksum mismatch", error.Message);
    }

    [Fact]
    public void A_truncated_file_is_reported_as_truncated()
    {
        string path = Path.Combine(directory, "short.mldsl");
        using (var model = new PointMlp(seed: 1)) model.Save(path);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..40]);

        var error = Assert.Throws<ModelFileException>(() => PointMlp.Load(path));

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Header_lists_every_parameter_with_its_shape()
    {
        using var model = new PointMlp(seed: 1);

        Assert.Equal("hidden.weight[32,4] hidden.bias[32] narrow.weight[16,32] narrow.bias[16] output.weight[3,16] output.bias[3]",
            ModelFile.Signature(model));
    }
}
