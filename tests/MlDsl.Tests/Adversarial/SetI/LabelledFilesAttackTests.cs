using System.Text;
using MlDsl.Data.Files;

namespace MlDsl.Tests.Adversarial.SetI;

/// <summary>
/// Hostile manifests and folders for <see cref="LabelledFiles"/>: paths that leave the manifest's folder, name folders or
/// nothing, empty labels, broken quoting, empty and foreign files. Each is a <see cref="LabelledFilesException"/> naming
/// the manifest (and line) or folder, a reason in <see cref="LabelledFiles.Skipped"/>, or the right listing.
/// </summary>
public sealed class LabelledFilesAttackTests() : TemporaryFolder("mldsl-seti-labelled")
{
    private string Manifest(string text, string folder = "lists")
    {
        string directory = Path.Combine(Root, folder);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "train.csv");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private string Image(string relative)
    {
        string path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);
        return path;
    }

    [Fact]
    public void A_parent_relative_path_is_resolved_against_the_manifests_folder_not_the_working_directory()
    {
        string image = Image("images/cat/a.png");
        string manifest = Manifest("path,label\n../images/cat/a.png,cat\n");

        LabelledFile file = Assert.Single(LabelledFiles.FromManifest(manifest).Files);

        Assert.Equal(Path.GetFullPath(image), Path.GetFullPath(file.Path));
        Assert.Equal("cat", file.Label);
    }

    [Theory]
    [InlineData("missing.png")]
    [InlineData("folder.png")]
    public void A_manifest_line_naming_no_file_is_refused_or_skipped_with_its_reason(string entry)
    {
        Directory.CreateDirectory(Path.Combine(Root, "lists", "folder.png"));
        Image("lists/ok.png");
        string manifest = Manifest($"path,label\nok.png,cat\n{entry},dog\n");

        try
        {
            LabelledFiles listed = LabelledFiles.FromManifest(manifest);
            Assert.Equal(["cat"], listed.Files.Select(file => file.Label));
            Assert.Contains(listed.Skipped, skipped => skipped.Path.EndsWith(entry, StringComparison.Ordinal));
        }
        catch (LabelledFilesException error)
        {
            Assert.StartsWith($"{manifest}, line 3: ", error.Message);
        }
    }

    [Fact]
    public void An_empty_label_is_refused_naming_the_manifest_line()
    {
        Image("lists/ok.png");
        string manifest = Manifest("path,label\nok.png,\n");

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifest(manifest));

        Assert.StartsWith($"{manifest}, line 2: ", error.Message);
    }

    [Fact]
    public void An_unterminated_quote_in_a_manifest_is_refused_naming_the_manifest()
    {
        Image("lists/ok.png");
        string manifest = Manifest("path,label\nok.png,cat\n\"ok.png,dog\n");

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifest(manifest));

        Assert.StartsWith($"{manifest}, line 3", error.Message);
    }

    [Fact]
    public void A_zero_byte_manifest_is_refused_naming_line_1()
    {
        string manifest = Manifest("");

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifest(manifest));

        Assert.StartsWith($"{manifest}, line 1: ", error.Message);
    }

    [Fact]
    public void A_folder_where_the_manifest_is_expected_is_refused_naming_it()
    {
        string manifest = Path.Combine(Root, "train.csv");
        Directory.CreateDirectory(manifest);

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifest(manifest));

        Assert.StartsWith(manifest, error.Message);
    }

    [Fact]
    public void A_utf16_manifest_lists_right_or_is_refused_naming_it()
    {
        Image("lists/ok.png");
        string manifest = Path.Combine(Root, "lists", "train.csv");
        File.WriteAllText(manifest, "path,label\nok.png,cat\n", Encoding.Unicode);

        try
        {
            LabelledFile file = Assert.Single(LabelledFiles.FromManifest(manifest).Files);
            Assert.Equal("cat", file.Label);
        }
        catch (LabelledFilesException error)
        {
            Assert.StartsWith(manifest, error.Message);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_root_that_is_a_file_or_missing_is_refused_naming_it(bool asFile)
    {
        string root = Path.Combine(Root, "classes");
        if (asFile) File.WriteAllText(root, "not a folder");

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromFolders(root, ".png"));

        Assert.StartsWith(root, error.Message);
    }

    [Fact]
    public void A_class_folder_linked_to_itself_is_skipped_and_the_real_files_listed()
    {
        string root = Path.Combine(Root, "classes");
        Image("classes/cat/a.png");
        Directory.CreateSymbolicLink(Path.Combine(root, "cat", "loop"), Path.Combine(root, "cat"));

        LabelledFiles listed = LabelledFiles.FromFolders(root, ".png");

        Assert.Equal(["cat"], listed.Files.Select(file => file.Label));
    }

    [Fact]
    public void A_nul_character_in_a_manifest_path_is_refused_or_skipped_naming_its_line()
    {
        Image("lists/ok.png");
        string manifest = Manifest("path,label\nok.png,cat\nok\u0000.png,dog\n");

        try
        {
            LabelledFiles listed = LabelledFiles.FromManifest(manifest);
            Assert.Equal(["cat"], listed.Files.Select(file => file.Label));
            Assert.Single(listed.Skipped);
        }
        catch (LabelledFilesException error)
        {
            Assert.StartsWith($"{manifest}, line 3", error.Message);
        }
    }

    [Fact]
    public void A_label_of_two_dots_in_a_manifest_is_kept_as_text_or_refused_naming_its_line()
    {
        Image("lists/ok.png");
        string manifest = Manifest("path,label\nok.png,..\n");

        try
        {
            Assert.Equal("..", Assert.Single(LabelledFiles.FromManifest(manifest).Files).Label);
        }
        catch (LabelledFilesException error)
        {
            Assert.StartsWith($"{manifest}, line 2", error.Message);
        }
    }
}
