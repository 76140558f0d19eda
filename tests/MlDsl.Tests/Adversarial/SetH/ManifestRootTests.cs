using MlDsl.Data.Files;
using MlDsl.Tests.Data.Files;
using SkiaSharp;

namespace MlDsl.Tests.Adversarial.SetH;

/// <summary>
/// A manifest is data, and data can come from elsewhere: a line naming <c>../../etc/passwd</c> or an absolute path made
/// the reader open any file the process could. With a data root (<see cref="LabelledFiles.FromManifestWithin"/>) every
/// listed path must resolve inside it; without one, the usual layout (<c>lists/train.csv</c> naming <c>../cat/a.png</c>)
/// reads as users of torchvision and pandas expect. Class folders behave as Keras'
/// <c>image_dataset_from_directory</c> users expect: other extensions are skipped with their reason, an unreadable image
/// is an error naming it when it is decoded.
/// </summary>
public sealed class ManifestRootTests() : TemporaryFolder("mldsl-seth-manifest")
{
    private string At(string relative) => Path.Combine(Root, relative);

    private string Manifest(string relative, params string[] lines)
    {
        TestImages.WriteUniform(At("data/cat/a.png"), SKColors.Black);
        TestImages.WriteUniform(At("data/dog/b.png"), SKColors.White);
        File.WriteAllText(At("secret.png"), "outside the data");
        Directory.CreateDirectory(Path.GetDirectoryName(At(relative))!);
        File.WriteAllLines(At(relative), lines);
        return At(relative);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("../secret.png")]
    [InlineData("cat/../../secret.png")]
    public void A_relative_path_climbing_out_of_the_data_root_is_refused_with_its_line(string path)
    {
        string manifest = Manifest("data/train.csv", "path,label", "cat/a.png,cat", $"{path},dog");

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifestWithin(At("data"), manifest));

        string resolved = Path.GetFullPath(Path.Combine(At("data"), path));
        Assert.Equal(3, error.Line);
        Assert.Equal($"{manifest}, line 3: the path '{path}' resolves to {resolved}, outside the data root {At("data")}; expected a path inside it", error.Message);
    }

    [Fact]
    public void An_absolute_path_outside_the_data_root_is_refused_even_when_its_extension_is_filtered_out()
    {
        string manifest = Manifest("data/train.csv", "path,label", "cat/a.png,cat", "/etc/passwd,dog");

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifestWithin(At("data"), manifest, ".png"));

        Assert.StartsWith($"{manifest}, line 3: the path '/etc/passwd' resolves to {Path.GetFullPath("/etc/passwd")}, outside the data root", error.Message);
    }

    [Fact]
    public void A_sibling_folder_sharing_the_root_name_as_prefix_is_outside()
    {
        TestImages.WriteUniform(At("data2/cat/x.png"), SKColors.Gray);
        string manifest = Manifest("data/train.csv", "path,label", $"{At("data2/cat/x.png")},cat");

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifestWithin(At("data"), manifest));

        Assert.Contains("outside the data root", error.Message);
    }

    [Fact]
    public void Paths_inside_the_manifest_folder_absolute_or_with_dot_segments_are_kept()
    {
        string manifest = Manifest("data/train.csv", "path,label", $"{At("data/cat/a.png")},cat", "./dog/../dog/b.png,dog");

        LabelledFiles listed = LabelledFiles.FromManifest(manifest);

        Assert.Equal([new LabelledFile(At("data/cat/a.png"), "cat"), new LabelledFile(At("data/dog/b.png"), "dog")], listed.Files);
    }

    [Fact]
    public void A_manifest_beside_its_data_reads_with_or_without_a_root_and_a_root_refuses_paths_past_it()
    {
        string manifest = Manifest("data/lists/train.csv", "path,label", "../cat/a.png,cat", "../dog/b.png,dog");

        Assert.Equal(2, LabelledFiles.FromManifestWithin(At("data"), manifest).Files.Count);
        Assert.Equal(2, LabelledFiles.FromManifest(manifest).Files.Count); // without a root, the usual layout reads as before

        string escaping = Manifest("data/lists/escape.csv", "path,label", "../cat/a.png,cat", "../../secret.png,dog");
        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifestWithin(At("data"), escaping));
        Assert.Equal($"{escaping}, line 3: the path '../../secret.png' resolves to {At("secret.png")}, outside the data root {At("data")}; expected a path inside it", error.Message);
    }

    [Fact]
    public void A_missing_data_root_is_refused_naming_it()
    {
        string manifest = Manifest("data/train.csv", "path,label", "cat/a.png,cat");

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifestWithin(At("nowhere"), manifest));

        Assert.Equal($"{At("nowhere")}: no such folder; expected the data root the manifest's paths lie in", error.Message);
    }

    [Fact]
    public void A_class_folder_skips_other_extensions_with_the_reason_and_an_unreadable_image_is_named_when_decoded()
    {
        TestImages.WriteUniform(At("folders/cat/a.png"), SKColors.Black);
        Directory.CreateDirectory(At("folders/dog"));
        File.WriteAllText(At("folders/cat/notes.txt"), "not an image");
        File.WriteAllText(At("folders/dog/broken.png"), "not a png either");

        LabelledFiles listed = LabelledFiles.FromFolders(At("folders"), ".png");

        Assert.Equal([new SkippedFile(At("folders/cat/notes.txt"), "extension '.txt' is not one of .png")], listed.Skipped);
        Assert.Equal(0f, ImageFile.ReadGrayscale(listed.Files[0].Path, 4, 4)[0]);
        var error = Assert.Throws<ImageFormatException>(() => ImageFile.ReadGrayscale(listed.Files[1].Path, 4, 4));
        Assert.StartsWith($"{At("folders/dog/broken.png")}: cannot be decoded", error.Message);
    }

    [Fact]
    public void An_empty_class_folder_is_refused_naming_it_rather_than_becoming_a_class_without_examples()
    {
        TestImages.WriteUniform(At("folders/cat/a.png"), SKColors.Black);
        Directory.CreateDirectory(At("folders/dog"));

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromFolders(At("folders"), ".png"));

        Assert.Equal($"{At("folders/dog")}: class folder 'dog' has no .png files (no other files); expected at least one example per class", error.Message);
    }
}
