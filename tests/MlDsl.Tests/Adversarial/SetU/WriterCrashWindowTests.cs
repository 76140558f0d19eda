using MlDsl.Deployment;
using MlDsl.Deployment.PyTorch;
using MlDsl.Persistence;
using static TorchSharp.torch;

namespace MlDsl.Tests.Adversarial.SetU;

/// <summary>
/// Writers not attacked before — the PyTorch export (<c>&lt;Model&gt;.py</c> + <c>.pt</c>) and safetensors saves —
/// caught in crash windows: a stale hidden temporary file left by a killed process under the name the next save would
/// use, a half-written file from a crash before atomic saves, the target replaced by a folder, two writers racing.
/// The previous good file stays readable, the new one is whole, and a failure is MlDsl's own exception naming the path.
/// </summary>
public sealed class WriterCrashWindowTests() : TemporaryFolder("mldsl-setu-writers")
{
    private static float[] Weights(nn.Module model) => model.parameters().SelectMany(parameter => parameter.data<float>().ToArray()).ToArray();

    private static (string Source, string Weights) Exported(string folder) =>
        (Path.Combine(folder, PointMlp.ModelName + ".py"), Path.Combine(folder, PointMlp.ModelName + ".pt"));

    private static void AssertSameWeights(nn.Module expected, nn.Module actual) => Assert.Equal(Weights(expected), Weights(actual));

    private static void RefusedNaming(Exception? error, string path)
    {
        Assert.True(error is ModelFileException or ArtifactException or InvalidDataException,
            $"expected MlDsl's own exception naming {path}, got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        Assert.Contains(Path.GetFileName(path), error!.Message);
    }

    [Fact]
    public void A_stale_hidden_temporary_file_beside_a_safetensors_file_neither_blocks_the_save_nor_is_read()
    {
        string path = Path.Combine(Root, "weights.safetensors");
        string stale = Path.Combine(Root, ".weights.tmp-00000000.safetensors");
        File.WriteAllBytes(stale, [1, 2, 3]);
        using var saved = new PointMlp(seed: 2);

        saved.SaveSafetensors(path);

        using var loaded = new PointMlp(seed: 9);
        loaded.LoadSafetensors(path);
        AssertSameWeights(saved, loaded);
    }

    [Fact]
    public void A_half_written_safetensors_file_from_a_crash_is_refused_naming_it_then_replaced_whole_by_the_next_save()
    {
        string path = Path.Combine(Root, "half.safetensors");
        using var saved = new PointMlp(seed: 2);
        saved.SaveSafetensors(path);
        byte[] whole = File.ReadAllBytes(path);
        File.WriteAllBytes(path, whole[..(whole.Length / 2)]);

        using (var probe = new PointMlp(seed: 9))
            RefusedNaming(Record.Exception(() => probe.LoadSafetensors(path)), path);

        saved.SaveSafetensors(path);
        using var loaded = new PointMlp(seed: 9);
        loaded.LoadSafetensors(path);
        AssertSameWeights(saved, loaded);
    }

    [Fact]
    public void Two_safetensors_saves_racing_to_one_file_leave_one_of_them_whole()
    {
        string path = Path.Combine(Root, "race.safetensors");
        using var first = new PointMlp(seed: 2);
        using var second = new PointMlp(seed: 3);

        Parallel.For(0, 8, i => (i % 2 == 0 ? first : second).SaveSafetensors(path));

        using var loaded = new PointMlp(seed: 9);
        loaded.LoadSafetensors(path);
        float[] weights = Weights(loaded);
        Assert.True(weights.SequenceEqual(Weights(first)) || weights.SequenceEqual(Weights(second)), "the file holds neither save's weights");
        Assert.Empty(Directory.GetFiles(Root, ".*tmp*"));
    }

    [Fact]
    public void A_pytorch_export_whose_weights_name_is_taken_by_a_folder_fails_naming_it_and_keeps_the_folder()
    {
        string folder = Path.Combine(Root, "export");
        using var model = new PointMlp(seed: 2);
        model.ExportPyTorch(folder);
        (string source, string weights) = Exported(folder);
        File.Delete(weights);
        Directory.CreateDirectory(weights);
        File.WriteAllText(Path.Combine(weights, "keep.txt"), "mine");

        RefusedNaming(Record.Exception(() => model.ExportPyTorch(folder)), weights);

        Assert.Equal("mine", File.ReadAllText(Path.Combine(weights, "keep.txt")));
        Assert.True(File.Exists(source));
    }

    [Fact]
    public void A_pytorch_export_whose_source_name_is_taken_by_a_folder_fails_naming_it()
    {
        string folder = Path.Combine(Root, "export-py");
        using var model = new PointMlp(seed: 2);
        model.ExportPyTorch(folder);
        (string source, _) = Exported(folder);
        File.Delete(source);
        Directory.CreateDirectory(source);

        RefusedNaming(Record.Exception(() => model.ExportPyTorch(folder)), source);
    }

    [Fact]
    public void A_stale_temporary_file_beside_a_pytorch_export_neither_blocks_it_nor_is_read()
    {
        string folder = Path.Combine(Root, "export-stale");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, ".PointMlp.tmp-00000000.pt"), [0x50, 0x4B]);
        File.WriteAllText(Path.Combine(folder, ".PointMlp.tmp-00000000.py"), "import os; os.system('boom')");
        using var saved = new PointMlp(seed: 2);

        saved.ExportPyTorch(folder);
        (_, string weights) = Exported(folder);

        using var loaded = new PointMlp(seed: 9);
        loaded.LoadPyTorchWeights(weights);
        AssertSameWeights(saved, loaded);
    }

    [Fact]
    public void A_half_written_pt_file_from_a_crash_is_refused_naming_it_and_leaves_the_model_unchanged()
    {
        string folder = Path.Combine(Root, "export-half");
        using var saved = new PointMlp(seed: 2);
        saved.ExportPyTorch(folder);
        (_, string weights) = Exported(folder);
        byte[] whole = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, whole[..(whole.Length * 2 / 3)]);

        using var probe = new PointMlp(seed: 9);
        float[] before = Weights(probe);
        RefusedNaming(Record.Exception(() => probe.LoadPyTorchWeights(weights)), weights);
        Assert.Equal(before, Weights(probe));
    }

    [Fact]
    public void Two_pytorch_exports_racing_into_one_folder_leave_weights_that_load_whole()
    {
        string folder = Path.Combine(Root, "export-race");
        using var first = new PointMlp(seed: 2);
        using var second = new PointMlp(seed: 3);

        Parallel.For(0, 8, i => (i % 2 == 0 ? first : second).ExportPyTorch(folder));

        using var loaded = new PointMlp(seed: 9);
        loaded.LoadPyTorchWeights(Exported(folder).Weights);
        float[] weights = Weights(loaded);
        Assert.True(weights.SequenceEqual(Weights(first)) || weights.SequenceEqual(Weights(second)), "the .pt holds neither export's weights");
        Assert.Empty(Directory.GetFiles(folder, ".*tmp*"));
    }
}
