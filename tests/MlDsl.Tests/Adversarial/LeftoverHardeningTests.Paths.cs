using MlDsl.Data.Files;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Persistence;
using MlDsl.Pipelines;
using MlDsl.Serving;
using MlDsl.Training;

namespace MlDsl.Tests.Adversarial;

/// <summary>
/// Paths of the wrong kind. A reader given a FILE where it takes a folder said "no such folder" (ModelArtifact.Open, and so
/// DeployedModel and the command line's --artifact) or "CURRENT missing" (OnnxPredictor): each now says it is a file. A
/// writer given a FOLDER where it writes a file (ImageFile.WriteGrayscalePng, and every writer through AtomicFile) raised
/// .NET's IOException after writing a temporary file: AtomicFile now refuses it first with an OutputPathException naming the path.
/// </summary>
public sealed class LeftoverHardeningPathTests() : TemporaryFolder("mldsl-leftover-paths")
{
    private string AFile(string name)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, "a file, not a folder");
        return path;
    }

    [Fact]
    public void Opening_an_artifact_at_a_file_says_it_is_a_file()
    {
        string file = AFile("tumour-mlp");
        string missing = Path.Combine(Root, "missing");

        Assert.Equal($"{file}: is a file, not a folder; expected an artifact folder (the one given to Export)",
            Assert.Throws<ArtifactException>(() => ModelArtifact.Open(file)).Message);
        Assert.Equal($"{file}: is a file, not a folder; expected an artifact folder (the one given to Export)",
            Assert.Throws<ArtifactException>(() => TumourPipeline.Definition.Deploy(file)).Message);
        Assert.Equal($"{missing}: no such folder; expected an artifact folder (the one given to Export)",
            Assert.Throws<ArtifactException>(() => ModelArtifact.Open(missing)).Message);
    }

    [Theory]
    [InlineData("monitor")]
    [InlineData("predict")]
    public void The_command_line_given_a_file_as_artifact_exits_1_saying_it_is_a_file(string command)
    {
        string file = AFile("artifact");
        var errors = new StringWriter();

        int exit = PipelineCommandLine.Run(TumourPipeline.Definition, [command, "--artifact", file, "--data", SklearnData.BreastCancerCsv()], new StringWriter(), errors);

        Assert.Equal(1, exit);
        Assert.Equal($"error: {file}: is a file, not a folder; expected an artifact folder (the one given to Export)", errors.ToString().Trim());
    }

    [Fact]
    public void The_onnx_predictor_given_a_file_says_it_is_a_file_not_that_CURRENT_is_missing()
    {
        string file = AFile("served");
        string folder = Directory.CreateDirectory(Path.Combine(Root, "empty")).FullName;

        Assert.Equal($"{file}: is a file, not a folder; expected an MlDsl artifact folder", Assert.Throws<ServingException>(() => OnnxPredictor.Open(file)).Message);
        Assert.StartsWith($"{Path.Combine(folder, "CURRENT")}: missing", Assert.Throws<ServingException>(() => OnnxPredictor.Open(folder)).Message);
    }

    [Fact]
    public void Labelled_image_folders_given_a_file_say_it_is_a_file()
    {
        string file = AFile("images");
        string manifest = Path.Combine(Root, "labels.csv");
        File.WriteAllText(manifest, "path,label\n");

        Assert.StartsWith($"{file}: is a file, not a folder; expected class sub-folders",
            Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromFolders(file, ".png")).Message);
        Assert.StartsWith($"{file}: is a file, not a folder; expected the data root",
            Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifestWithin(file, manifest, ".png")).Message);
        Assert.StartsWith($"{Path.Combine(Root, "none")}: no such folder; expected class sub-folders",
            Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromFolders(Path.Combine(Root, "none"), ".png")).Message);
    }

    [Fact]
    public void A_checkpoint_folder_where_a_file_stands_is_refused_and_a_missing_one_passes()
    {
        string file = AFile("checkpoints");

        Assert.Equal($"{file}: is a file, not a folder; expected the checkpoint folder, or nothing there for one to be made",
            Assert.Throws<ArtifactException>(() => Checkpoint.CheckFolder(file)).Message);
        Checkpoint.CheckFolder(Path.Combine(Root, "not-yet"));
        Assert.False(Directory.Exists(Path.Combine(Root, "not-yet")));
    }

    [Fact]
    public void Writing_a_png_onto_a_folder_is_refused_naming_it_and_writes_nothing()
    {
        string folder = Directory.CreateDirectory(Path.Combine(Root, "digit.png")).FullName;
        string file = AFile("plots");
        string below = Path.Combine(file, "digit.png");
        float[] grey = [0f, 0.5f, 1f, 0.25f];

        var onFolder = Assert.Throws<OutputPathException>(() => ImageFile.WriteGrayscalePng(folder, grey, 2, 2));
        var belowFile = Assert.Throws<OutputPathException>(() => ImageFile.WriteGrayscalePng(below, grey, 2, 2));

        Assert.Equal($"{folder}: is a folder; expected a file name to write to", onFolder.Message);
        Assert.Equal(folder, onFolder.Path);
        Assert.Equal($"{below}: {file} is a file, not a folder; expected a file name to write to", belowFile.Message);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
        Assert.Equal([folder, file], Directory.GetFileSystemEntries(Root).Order(StringComparer.Ordinal));

        string written = Path.Combine(Root, "new", "digit.png");
        ImageFile.WriteGrayscalePng(written, grey, 2, 2);
        Assert.Equal(0.5f, ImageFile.ReadGrayscale(written, 2, 2)[1], 1f / 255);
    }
}
