using MlDsl.Data.Files;
using SkiaSharp;

namespace MlDsl.Tests.Data.Files;

/// <summary>Tool and OS artefacts beside class folders, and links that loop, must never become classes or examples.</summary>
public sealed class FolderArtefactTests() : TemporaryFolder("mldsl-artefacts")
{
    private string At(string relative) => Path.Combine(Root, relative);

    private void WriteCatsAndDogs()
    {
        TestImages.WriteUniform(At("cat/a.png"), SKColors.Black);
        TestImages.WriteUniform(At("dog/b.png"), SKColors.White);
    }

    [Theory]
    [InlineData(".ipynb_checkpoints", "Jupyter checkpoint")]
    [InlineData("__MACOSX", "macOS archive")]
    [InlineData("@eaDir", "Synology")]
    [InlineData(".git", "hidden folder")]
    [InlineData("__pycache__", "Python bytecode")]
    public void An_artefact_folder_in_the_root_is_skipped_and_does_not_shift_the_class_indices(string folder, string reason)
    {
        WriteCatsAndDogs();
        TestImages.WriteUniform(At($"{folder}/a-checkpoint.png"), SKColors.Gray);

        LabelledFiles listed = LabelledFiles.FromFolders(Root, ".png");

        Assert.Equal(new[] { "cat", "dog" }, listed.Labels);
        Assert.Equal(1, listed.ClassOf("dog"));
        SkippedFile skipped = Assert.Single(listed.Skipped);
        Assert.Equal(At(folder), skipped.Path);
        Assert.Contains(reason, skipped.Reason);
    }

    [Theory]
    [InlineData("._a.png", "resource fork")]
    [InlineData(".DS_Store", "Finder")]
    [InlineData("Thumbs.db", "thumbnail cache")]
    [InlineData("desktop.ini", "folder settings")]
    [InlineData("~$notes.png", "lock or temporary")]
    [InlineData(".hidden.png", "hidden file")]
    public void An_artefact_file_in_a_class_folder_is_skipped_with_its_reason_whatever_its_extension(string file, string reason)
    {
        WriteCatsAndDogs();
        File.WriteAllBytes(At($"cat/{file}"), new byte[] { 0, 5, 22, 7 });

        LabelledFiles listed = LabelledFiles.FromFolders(Root, ".png");

        Assert.Equal(new[] { At("cat/a.png"), At("dog/b.png") }, listed.Files.Select(found => found.Path));
        SkippedFile skipped = Assert.Single(listed.Skipped);
        Assert.Equal(At($"cat/{file}"), skipped.Path);
        Assert.Contains(reason, skipped.Reason);
    }

    [Fact]
    public void An_artefact_folder_nested_in_a_class_is_not_searched()
    {
        WriteCatsAndDogs();
        TestImages.WriteUniform(At("cat/.ipynb_checkpoints/a-checkpoint.png"), SKColors.Gray);
        TestImages.WriteUniform(At("cat/indoor/c.png"), SKColors.Gray); // an ordinary nested folder still counts

        LabelledFiles listed = LabelledFiles.FromFolders(Root, ".png");

        Assert.Equal(new[] { At("cat/a.png"), At("cat/indoor/c.png"), At("dog/b.png") }, listed.Files.Select(found => found.Path));
        Assert.Equal(new[] { At("cat/.ipynb_checkpoints") }, listed.Skipped.Select(skipped => skipped.Path));
    }

    [Fact]
    public void A_link_back_up_the_tree_is_skipped_once_instead_of_looping()
    {
        WriteCatsAndDogs();
        Directory.CreateSymbolicLink(At("cat/again"), At("cat"));
        Directory.CreateSymbolicLink(At("dog/up"), Root);

        LabelledFiles listed = LabelledFiles.FromFolders(Root, ".png");

        Assert.Equal(new[] { At("cat/a.png"), At("dog/b.png") }, listed.Files.Select(found => found.Path));
        Assert.Contains(listed.Skipped, skipped => skipped.Path == At("cat/again") && skipped.Reason.Contains("already listed as " + At("cat")));
        Assert.Contains(listed.Skipped, skipped => skipped.Path == At("dog/up") && skipped.Reason.Contains("already listed as " + Root));
    }

    [Fact]
    public void A_class_folder_holding_only_artefacts_is_refused_naming_what_was_skipped()
    {
        WriteCatsAndDogs();
        Directory.CreateDirectory(At("bird"));
        File.WriteAllText(At("bird/.DS_Store"), "finder");

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromFolders(Root, ".png"));

        Assert.Contains("class folder 'bird' has no .png files", error.Message);
        Assert.Contains(".DS_Store: a macOS Finder file", error.Message);
    }
}
