using MlDsl.Data.Files;
using SkiaSharp;

namespace MlDsl.Tests.Data.Files;

public sealed class LabelledFilesTests() : TemporaryFolder("mldsl-labelled")
{
    private string At(string relative) => Path.Combine(Root, relative);

    /// <summary>root/cat/{a,b}.png, root/dog/c.png, a stray root/dog/notes.txt and root/readme.md; each image one grey level.</summary>
    private void WriteClassFolders()
    {
        TestImages.WriteUniform(At("cat/a.png"), new SKColor(0, 0, 0));
        TestImages.WriteUniform(At("cat/b.png"), new SKColor(51, 51, 51));
        TestImages.WriteUniform(At("dog/c.png"), new SKColor(255, 255, 255));
        File.WriteAllText(At("dog/notes.txt"), "not an example");
        File.WriteAllText(At("readme.md"), "about the data");
    }

    private string WriteManifest(string relative, params string[] lines)
    {
        string path = At(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Class_folders_list_their_images_and_report_the_files_left_out()
    {
        WriteClassFolders();

        LabelledFiles listed = LabelledFiles.FromFolders(Root, ".png");

        Assert.Equal(new[] { new LabelledFile(At("cat/a.png"), "cat"), new LabelledFile(At("cat/b.png"), "cat"), new LabelledFile(At("dog/c.png"), "dog") }, listed.Files);
        Assert.Equal(new[] { "cat", "dog" }, listed.Labels);
        Assert.Equal(1, listed.ClassOf("dog"));
        Assert.Equal(new[]
        {
            new SkippedFile(At("readme.md"), "directly in the root folder, not in a class folder, so it has no label"),
            new SkippedFile(At("dog/notes.txt"), "extension '.txt' is not one of .png"),
        }, listed.Skipped);
    }

    [Fact]
    public void Listed_images_read_back_with_their_pixel_values()
    {
        WriteClassFolders();

        float[][] images = LabelledFiles.FromFolders(Root, "png").Files.Select(file => ImageFile.ReadGrayscale(file.Path, 4, 4)).ToArray();

        Assert.Equal(new[] { 0f, 0.2f, 1f }, images.Select(pixels => pixels.Distinct().Single()));
    }

    [Fact]
    public void Labels_sort_ordinally_and_extensions_match_without_case()
    {
        TestImages.WriteUniform(At("apple/one.PNG"), SKColors.Red);
        TestImages.WriteUniform(At("Zebra/two.png"), SKColors.Black);

        LabelledFiles listed = LabelledFiles.FromFolders(Root, ".png");

        Assert.Equal(new[] { "Zebra", "apple" }, listed.Labels); // ordinal: upper case first, whatever the culture
        Assert.Equal(new[] { "Zebra", "apple" }, listed.Files.Select(file => file.Label)); // files come class by class, in the same order
        Assert.Empty(listed.Skipped);
    }

    [Fact]
    public void A_missing_root_folder_is_named()
    {
        string missing = At("nowhere");

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromFolders(missing, ".wav"));

        Assert.StartsWith($"{missing}: no such folder; expected class sub-folders {Path.Combine(missing, "<label>")} holding .wav files", error.Message);
    }

    [Fact]
    public void A_class_folder_without_matching_files_is_named()
    {
        WriteClassFolders();
        Directory.CreateDirectory(At("bird"));
        File.WriteAllText(At("bird/song.mp3"), "not a png");

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromFolders(Root, ".png"));

        Assert.Equal($"{At("bird")}: class folder 'bird' has no .png files (it holds 1 other files: song.mp3); expected at least one example per class", error.Message);
    }

    [Fact]
    public void A_manifest_resolves_relative_paths_against_its_own_folder()
    {
        WriteClassFolders();
        string manifest = WriteManifest("lists/train.csv",
            "label,path,source",
            "dog,../dog/c.png,shelter",
            $"cat,{At("cat/a.png")},street",
            "",
            "cat,../cat/b.png,street");

        LabelledFiles listed = LabelledFiles.FromManifest(manifest);

        Assert.Equal(new[] { new LabelledFile(At("dog/c.png"), "dog"), new LabelledFile(At("cat/a.png"), "cat"), new LabelledFile(At("cat/b.png"), "cat") }, listed.Files);
        Assert.Equal(new[] { "cat", "dog" }, listed.Labels);
    }

    [Fact]
    public void A_manifest_line_with_another_extension_is_skipped_with_its_line()
    {
        WriteClassFolders();
        string manifest = WriteManifest("manifest.csv", "path,label", "cat/a.png,cat", "dog/notes.txt,dog");

        LabelledFiles listed = LabelledFiles.FromManifest(manifest, ".png");

        Assert.Equal(new[] { new SkippedFile(At("dog/notes.txt"), "line 3: extension '.txt' is not one of .png") }, listed.Skipped);
    }

    [Fact]
    public void A_manifest_line_naming_a_missing_file_names_the_manifest_and_line()
    {
        WriteClassFolders();
        string manifest = WriteManifest("manifest.csv", "path,label", "cat/a.png,cat", "cat/missing.png,cat");

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifest(manifest));

        Assert.StartsWith($"{manifest}, line 3: no file 'cat/missing.png' (resolved to {At("cat/missing.png")}); expected an existing file", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_manifest_line_with_an_empty_label_names_the_manifest_and_line()
    {
        WriteClassFolders();
        string manifest = WriteManifest("manifest.csv", "path,label", "cat/a.png,  ");

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifest(manifest));

        Assert.Equal($"{manifest}, line 2: the label of 'cat/a.png' is empty; expected a class name", error.Message);
    }

    [Fact]
    public void A_manifest_without_the_header_names_the_manifest_and_line()
    {
        WriteClassFolders();
        string manifest = WriteManifest("manifest.csv", "cat/a.png,cat");

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifest(manifest));

        Assert.Equal($"{manifest}, line 1: expected a header with the columns path and label, found: cat/a.png, cat", error.Message);
    }
}
