using System.IO.Compression;
using System.Text;
using MlDsl.Deployment;
using MlDsl.Persistence;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace MlDsl.Tests.Adversarial.SetI;

/// <summary>
/// Hostile PyTorch state_dict files for <c>LoadPyTorchWeights</c>: empty, cut, a zip that is no torch file, a pickle
/// that asks for <c>os.system</c>, the right numbers under another rank; and an export into a file. Each is a
/// <see cref="ModelFileException"/> naming the file that leaves the model unchanged and runs nothing.
/// </summary>
public sealed class PyTorchWeightsAttackTests() : TemporaryFolder("mldsl-seti-pytorch")
{
    private static float[] Weights(nn.Module model) => model.parameters().SelectMany(parameter => parameter.data<float>().ToArray()).ToArray();

    private static void RefusedUnchanged(string path)
    {
        using var model = new PointMlp(seed: 1);
        float[] before = Weights(model);
        var error = Assert.Throws<ModelFileException>(() => model.LoadPyTorchWeights(path));
        Assert.StartsWith(path + ": ", error.Message);
        Assert.Equal(before, Weights(model));
    }

    private string Real(string name, Action<Dictionary<string, Tensor>>? change = null)
    {
        using var source = new PointMlp(seed: 2);
        Dictionary<string, Tensor> weights = source.state_dict().ToDictionary(pair => pair.Key, pair => pair.Value.clone());
        change?.Invoke(weights);
        string path = Path.Combine(Root, name);
        using (var stream = File.Create(path)) PyTorchPickler.PickleStateDict(stream, weights);
        return path;
    }

    private string Zip(string name, params (string Entry, byte[] Bytes)[] entries)
    {
        string path = Path.Combine(Root, name);
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
            foreach ((string entry, byte[] bytes) in entries)
            {
                using Stream stream = archive.CreateEntry(entry, CompressionLevel.NoCompression).Open();
                stream.Write(bytes);
            }
        return path;
    }

    [Fact]
    public void A_zero_byte_pt_file_is_refused_naming_it()
    {
        string path = Path.Combine(Root, "empty.pt");
        File.WriteAllBytes(path, []);

        RefusedUnchanged(path);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void A_pt_file_cut_short_is_refused_naming_it(int divisor)
    {
        string path = Real("cut.pt");
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / divisor)]);

        RefusedUnchanged(path);
    }

    [Fact]
    public void A_zip_that_holds_no_state_dict_is_refused_naming_it()
    {
        RefusedUnchanged(Zip("other.pt", ("readme.txt", Encoding.UTF8.GetBytes("not a model"))));
    }

    [Fact]
    public void A_pickle_that_calls_os_system_is_refused_and_runs_nothing()
    {
        string marker = Path.Combine(Root, "pwned");
        byte[] command = Encoding.ASCII.GetBytes("touch " + marker);
        byte[] pickle =
        [
            0x80, 0x02, .. Encoding.ASCII.GetBytes("cposix\nsystem\n"),
            (byte)'X', .. BitConverter.GetBytes(command.Length), .. command,
            0x85, (byte)'R', (byte)'.',
        ];
        string path = Zip("evil.pt", ("archive/data.pkl", pickle), ("archive/version", Encoding.ASCII.GetBytes("3\n")));

        RefusedUnchanged(path);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void The_right_numbers_under_another_rank_are_refused_naming_the_key_and_both_shapes()
    {
        string path = Real("flat.pt", weights => weights["hidden.weight"] = weights["hidden.weight"].reshape(128));

        using var model = new PointMlp(seed: 1);
        var error = Assert.Throws<ModelFileException>(() => model.LoadPyTorchWeights(path));

        Assert.Contains("'hidden.weight'", error.Message);
        Assert.Contains("(128)", error.Message);
    }

    [Fact]
    public void An_extra_key_is_refused_naming_it()
    {
        string path = Real("extra.pt", weights => weights["hidden.scale"] = ones(32));

        using var model = new PointMlp(seed: 1);
        var error = Assert.Throws<ModelFileException>(() => model.LoadPyTorchWeights(path));

        Assert.Contains("hidden.scale", error.Message);
    }

    [Fact]
    public void An_export_into_a_path_where_a_file_stands_fails_naming_it_and_keeps_the_file()
    {
        string folder = Path.Combine(Root, "export");
        File.WriteAllText(folder, "a file, not a folder");

        Exception? error = Record.Exception(() => { using var model = new PointMlp(seed: 1); model.ExportPyTorch(folder); });

        Assert.NotNull(error);
        Assert.True(error is ModelFileException or ArtifactException, $"expected MlDsl's own exception, got {error.GetType().Name}: {error.Message}");
        Assert.Contains(folder, error.Message);
        Assert.Equal("a file, not a folder", File.ReadAllText(folder));
    }
}
