using MlDsl.Data.Files;
using SkiaSharp;

namespace MlDsl.Tests.Data.Files;

/// <summary>Manifest errors name the physical line, and quoting errors are the library's own exception.</summary>
public sealed class ManifestLineTests() : TemporaryFolder("mldsl-manifest-lines")
{
    private string Write(string text)
    {
        TestImages.WriteUniform(Path.Combine(Root, "a.png"), SKColors.Black);
        string path = Path.Combine(Root, "manifest.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_quoted_newline_does_not_shift_the_line_named_in_a_later_error()
    {
        string manifest = Write("path,label,note\na.png,cat,\"two\nlines\"\nmissing.png,cat,x\n");

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifest(manifest));

        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void A_stray_quote_is_a_labelled_files_exception_with_its_line()
    {
        string manifest = Write("path,label\na.png,cat\na.png,c\"at\n");

        var error = Assert.Throws<LabelledFilesException>(() => LabelledFiles.FromManifest(manifest));

        Assert.Equal(3, error.Line);
        Assert.Contains("stray quote", error.Problem);
    }

    [Fact]
    public void A_skipped_line_is_reported_with_its_physical_line()
    {
        string manifest = Write("path,label,note\na.png,cat,\"x\ny\"\nnotes.txt,cat,z\n");

        LabelledFiles listed = LabelledFiles.FromManifest(manifest, ".png");

        Assert.StartsWith("line 4:", Assert.Single(listed.Skipped).Reason);
    }
}
