using MlDsl.Data.Steps;
using MlDsl.Data.Transforms;
using MlDsl.Persistence;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Adversarial.SetH;

/// <summary>
/// A saved model, fitted step and fitted transform went to a temporary file and were renamed by hand: the step and the
/// transform wrote "name.tmp" without flushing it, and a failed rename left the model's "name.tmp-xxxx" behind. All
/// three now go through <see cref="AtomicFile"/>; a target that cannot be written (a folder of that name) is refused
/// naming it (a model with its <see cref="ModelFileException"/>, a step or transform with the
/// <see cref="InvalidDataException"/> its load gives for the same folder), and nothing is left beside it.
/// </summary>
public sealed class AtomicSaveTests() : TemporaryFolder("mldsl-seth-atomic")
{
    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

    private void AssertOnlyTheFolderRemains(string folder) => Assert.Equal([folder], Directory.GetFileSystemEntries(Root));

    [Fact]
    public void A_model_saved_over_a_folder_is_refused_naming_it_and_leaves_no_temporary_file()
    {
        string target = Folder("model.mldsl");
        using var model = new PointMlp(seed: 1);

        var error = Assert.Throws<ModelFileException>(() => model.Save(target));

        Assert.Equal($"{target}: is a folder; expected a file name to save the model to", error.Message);
        AssertOnlyTheFolderRemains(target);
        Assert.Empty(Directory.GetFileSystemEntries(target));
    }

    [Fact]
    public void A_saved_model_replaces_the_previous_file_and_leaves_nothing_beside_it()
    {
        string path = Path.Combine(Root, "model.mldsl");
        File.WriteAllText(path, "previous");
        using (var model = new PointMlp(seed: 1)) model.Save(path);

        using PointMlp loaded = PointMlp.Load(path);

        Assert.Equal([path], Directory.GetFileSystemEntries(Root));
    }

    [Fact]
    public void A_step_saved_over_a_folder_is_refused_naming_it_and_leaves_no_temporary_file()
    {
        string target = Folder("imputer.json");

        var error = Assert.Throws<InvalidDataException>(() => StepFile.Save(target, "Imputer", new { Strategy = "Mean" }));

        Assert.Equal($"{target}: is a folder; expected a file name to save the Imputer to", error.Message);
        AssertOnlyTheFolderRemains(target);
    }

    [Fact]
    public void A_saved_step_is_the_json_it_serializes_and_leaves_nothing_beside_it()
    {
        string path = Path.Combine(Root, "step.json");

        StepFile.Save(path, "Imputer", new { Strategy = "Mean" });

        Assert.Equal(StepFile.Serialize(new { Strategy = "Mean" }), File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(Root));
    }

    [Fact]
    public void A_transform_saved_over_a_folder_is_refused_naming_it_and_leaves_no_temporary_file()
    {
        string target = Folder("scaler.json");
        Standardizer scaler = Standardizer.Fit(Visits.Make());

        var error = Assert.Throws<InvalidDataException>(() => scaler.Save(target));

        Assert.Equal($"{target}: is a folder; expected a file name to save the transform to", error.Message);
        AssertOnlyTheFolderRemains(target);
    }

    [Fact]
    public void A_saved_transform_loads_and_leaves_nothing_beside_it()
    {
        string path = Path.Combine(Root, "scaler.json");
        Standardizer scaler = Standardizer.Fit(Visits.Make());

        scaler.Save(path);

        Assert.Equal(scaler.Shift, AffineTransform.Load(path).Shift);
        Assert.Equal([path], Directory.GetFileSystemEntries(Root));
    }
}
