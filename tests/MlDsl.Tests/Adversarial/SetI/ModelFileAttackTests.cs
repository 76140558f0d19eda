using MlDsl.Deployment.PyTorch;
using MlDsl.Persistence;

namespace MlDsl.Tests.Adversarial.SetI;

/// <summary>
/// Hostile MlDsl model files: empty, cut at every boundary, foreign, a folder; and writes that fail. Each is a
/// <see cref="ModelFileException"/> naming the file; a failed save leaves the old file and no temporary file behind.
/// </summary>
public sealed class ModelFileAttackTests() : TemporaryFolder("mldsl-seti-model")
{
    private string Saved(string name = "point.mldsl")
    {
        string path = Path.Combine(Root, name);
        using var model = new PointMlp(seed: 1);
        model.Save(path);
        return path;
    }

    private static void Refused(string path)
    {
        var error = Assert.Throws<ModelFileException>(() => { using var model = PointMlp.Load(path); });
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void A_zero_byte_model_file_is_refused_naming_it()
    {
        string path = Path.Combine(Root, "empty.mldsl");
        File.WriteAllBytes(path, []);

        Refused(path);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(64)]
    [InlineData(-64)]
    [InlineData(-1)]
    public void A_model_file_cut_short_is_refused_naming_it(int keep)
    {
        string path = Saved();
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, keep > 0 ? bytes[..keep] : bytes[..(bytes.Length + keep)]);

        Refused(path);
    }

    [Fact]
    public void A_folder_where_the_model_file_is_expected_is_refused_naming_it()
    {
        string path = Path.Combine(Root, "folder.mldsl");
        Directory.CreateDirectory(path);

        Refused(path);
    }

    [Fact]
    public void A_missing_model_file_is_refused_naming_it()
    {
        Refused(Path.Combine(Root, "missing.mldsl"));
    }

    [Fact]
    public void A_safetensors_file_given_as_a_model_file_is_refused_naming_it()
    {
        string path = Path.Combine(Root, "weights.mldsl");
        using (var model = new PointMlp(seed: 1)) model.SaveSafetensors(path);

        Refused(path);
    }

    [Fact]
    public void A_save_onto_a_folder_fails_naming_the_path_and_leaves_nothing_behind()
    {
        string path = Path.Combine(Root, "taken.mldsl");
        Directory.CreateDirectory(path);
        string[] before = Directory.GetFileSystemEntries(Root);

        Exception? error = Record.Exception(() => { using var model = new PointMlp(seed: 1); model.Save(path); });

        var refused = Assert.IsType<ModelFileException>(error);
        Assert.Equal(path, refused.Path);
        Assert.Equal(before, Directory.GetFileSystemEntries(Root));
    }

    [Fact]
    public void A_save_into_a_folder_that_does_not_exist_is_made_or_refused_naming_the_path()
    {
        string path = Path.Combine(Root, "new", "deeper", "point.mldsl");

        Exception? error = Record.Exception(() => { using var model = new PointMlp(seed: 1); model.Save(path); });

        if (error is null) { using var loaded = PointMlp.Load(path); }
        else Assert.Equal(path, Assert.IsType<ModelFileException>(error).Path);
    }
}
