using MlDsl.Data.Files;
using SkiaSharp;

namespace MlDsl.Tests.Data.Files;

/// <summary>
/// A data root refuses <c>../</c> and absolute paths, but a symbolic link inside the root that points out of it was
/// followed: <c>cat/a.png</c> could be a link to <c>/etc/passwd</c>. <see cref="LabelledFiles.FromManifestWithin"/> now
/// resolves links along every listed path and refuses a target outside the root, naming the line, the path as written
/// and the link; links that stay inside, and a root that is itself a link, still read. Plain
/// <see cref="LabelledFiles.FromManifest"/> follows links as documented. Real links in a temporary folder.
/// </summary>
public sealed class ManifestLinkTests : TemporaryFolder
{
    private readonly string data, outside;

    public ManifestLinkTests() : base("mldsl-manifest-links")
    {
        data = At("data");
        outside = At("outside");
        TestImages.WriteUniform(At("data/cat/a.png"), SKColors.Black);
        TestImages.WriteUniform(At("data/dog/b.png"), SKColors.White);
        TestImages.WriteUniform(At("outside/secret.png"), SKColors.Gray);
        TestImages.WriteUniform(At("outside/deep/inner.png"), SKColors.Gray);
    }

    private string At(string relative) => Path.Combine(Root, relative);

    private string Manifest(params string[] entries)
    {
        string path = Path.Combine(data, "train.csv");
        File.WriteAllLines(path, ["path,label", "cat/a.png,cat", .. entries]);
        return path;
    }

    private string FileLink(string relative, string target) => File.CreateSymbolicLink(At(relative), target).FullName;

    private string FolderLink(string relative, string target) => Directory.CreateSymbolicLink(At(relative), target).FullName;

    private LabelledFilesException Refused(string manifest) =>
        Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifestWithin(data, manifest));

    [Fact]
    public void A_file_link_inside_the_root_to_a_file_outside_it_is_refused_naming_the_line_the_entry_and_the_link()
    {
        string link = FileLink("data/dog/c.png", At("outside/secret.png"));
        string manifest = Manifest("dog/b.png,dog", "dog/c.png,dog");

        var error = Refused(manifest);

        Assert.Equal(4, error.Line);
        Assert.Equal($"{manifest}, line 4: the path 'dog/c.png' leads through the symbolic link {link} (to {At("outside/secret.png")}) to {At("outside/secret.png")}, "
            + $"outside the data root {data}; expected a file inside it", error.Message);
    }

    [Fact]
    public void A_folder_link_inside_the_root_to_a_folder_outside_it_is_refused_naming_the_folder_link()
    {
        string link = FolderLink("data/bird", outside);
        string manifest = Manifest("bird/secret.png,bird");

        var error = Refused(manifest);

        Assert.Equal(3, error.Line);
        Assert.Contains($"the path 'bird/secret.png' leads through the symbolic link {link} (to {outside}) to {At("outside/secret.png")}, outside the data root", error.Message);
    }

    [Fact]
    public void A_relative_link_climbing_out_of_the_root_is_refused()
    {
        string link = FileLink("data/dog/c.png", "../../outside/secret.png");
        string manifest = Manifest("dog/c.png,dog");

        var error = Refused(manifest);

        Assert.Contains($"through the symbolic link {link} (to ../../outside/secret.png) to {At("outside/secret.png")}, outside the data root", error.Message);
    }

    [Fact]
    public void A_chain_of_links_inside_the_root_is_followed_to_its_end_and_the_link_that_leaves_is_named()
    {
        string leaving = FileLink("data/dog/second.png", At("outside/secret.png"));
        FileLink("data/dog/first.png", "second.png");
        string manifest = Manifest("dog/first.png,dog");

        var error = Refused(manifest);

        Assert.Contains($"the path 'dog/first.png' leads through the symbolic link {leaving} (to {At("outside/secret.png")})", error.Message);
    }

    [Fact]
    public void A_dot_dot_after_a_link_climbs_from_the_links_target_not_from_the_link()
    {
        // data/deep -> outside/deep; data/dog/c.png -> ../deep/../secret.png. Read as written, "deep/.." is "data", so
        // the target would be data/secret.png; the system climbs from outside/deep and opens outside/secret.png.
        FolderLink("data/deep", At("outside/deep"));
        FileLink("data/dog/c.png", "../deep/../secret.png");
        string manifest = Manifest("dog/c.png,dog");

        var error = Refused(manifest);

        Assert.Contains($"to {At("outside/secret.png")}, outside the data root", error.Message);
    }

    [Fact]
    public void A_dangling_link_to_outside_the_root_is_refused_as_leaving_it_not_as_a_missing_file()
    {
        FileLink("data/dog/c.png", At("outside/gone.png"));
        string manifest = Manifest("dog/c.png,dog");

        var error = Refused(manifest);

        Assert.Contains($"to {At("outside/gone.png")}, outside the data root", error.Message);
    }

    [Fact]
    public void A_loop_of_links_is_refused_naming_the_line_not_followed_forever()
    {
        FileLink("data/dog/loop1.png", "loop2.png");
        FileLink("data/dog/loop2.png", "loop1.png");
        string manifest = Manifest("dog/loop1.png,dog");

        var error = Refused(manifest);

        Assert.Equal(3, error.Line);
        Assert.Contains("the path 'dog/loop1.png' cannot be resolved: ", error.Message);
        Assert.Contains("more than 40 symbolic links", error.Message);
    }

    [Fact]
    public void Links_that_stay_inside_the_root_are_read_under_the_name_the_manifest_gives()
    {
        FileLink("data/dog/alias.png", "b.png");
        FolderLink("data/kitten", At("data/cat"));
        FolderLink("data/deep", At("data/dog"));
        FileLink("data/cat/back.png", "../deep/../cat/a.png"); // climbs from data/dog: data/cat/a.png, inside
        string manifest = Manifest("dog/alias.png,dog", "kitten/a.png,cat", "cat/back.png,cat");

        LabelledFiles listed = LabelledFiles.FromManifestWithin(data, manifest);

        Assert.Equal(
            [new LabelledFile(At("data/cat/a.png"), "cat"), new LabelledFile(At("data/dog/alias.png"), "dog"),
             new LabelledFile(At("data/kitten/a.png"), "cat"), new LabelledFile(At("data/cat/back.png"), "cat")],
            listed.Files);
    }

    [Fact]
    public void A_root_that_is_itself_a_link_keeps_the_files_it_leads_to()
    {
        string linkedRoot = FolderLink("linked-data", data);
        string manifest = Manifest("dog/b.png,dog");

        LabelledFiles listed = LabelledFiles.FromManifestWithin(linkedRoot, Path.Combine(linkedRoot, "train.csv"));

        Assert.Equal([new LabelledFile(Path.Combine(linkedRoot, "cat/a.png"), "cat"), new LabelledFile(Path.Combine(linkedRoot, "dog/b.png"), "dog")], listed.Files);
        // Through the linked root, a link out of the real folder is still refused.
        FileLink("data/dog/c.png", At("outside/secret.png"));
        File.AppendAllLines(manifest, ["dog/c.png,dog"]);
        Assert.Contains("outside the data root", Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifestWithin(linkedRoot, Path.Combine(linkedRoot, "train.csv"))).Message);
    }

    [Fact]
    public void Without_a_root_a_manifest_follows_links_out_of_its_folder_as_documented()
    {
        FileLink("data/dog/c.png", At("outside/secret.png"));
        FolderLink("data/bird", outside);
        string manifest = Manifest("dog/c.png,dog", "bird/secret.png,bird");

        LabelledFiles listed = LabelledFiles.FromManifest(manifest);

        Assert.Equal([At("data/cat/a.png"), At("data/dog/c.png"), At("data/bird/secret.png")], listed.Files.Select(file => file.Path));
        Assert.Equal(0.5f, ImageFile.ReadGrayscale(listed.Files[1].Path, 2, 2)[0], 1);
    }
}
