using MlDsl.Examples.PackageSections;

namespace MlDsl.Tests.Text;

/// <summary>Debian control data (Packages, Translation-en) as the text example reads it.</summary>
public sealed class ControlStanzasTests
{
    private static List<ControlStanza> Read(string text) => ControlStanzas.Read(new StringReader(text), "Packages").ToList();

    [Fact]
    public void Continuation_lines_join_their_field_and_a_lone_dot_is_a_paragraph_break()
    {
        List<ControlStanza> stanzas = Read("Package: 0ad\nDescription-en: Real-time strategy game\n 0 A.D. is a game\n of warfare.\n .\n It is free.\n\n\nPackage: b\nSection: libs\n");

        Assert.Equal(2, stanzas.Count);
        Assert.Equal("Real-time strategy game\n0 A.D. is a game\nof warfare.\n\nIt is free.", stanzas[0]["Description-en"]);
        Assert.Equal("b", stanzas[1].Require("package")); // field names are case-insensitive
        Assert.Equal(9, stanzas[1].Line);
        Assert.Null(stanzas[1]["Source"]);
    }

    [Fact]
    public void A_line_that_is_not_a_field_is_reported_with_the_file_and_line()
    {
        var error = Assert.Throws<DebianIndexException>(() => Read("Package: a\nSection: libs\n\nPackage: b\nno colon here\n"));

        Assert.Equal(5, error.Line);
        Assert.Contains("Packages, line 5", error.Message);
        Assert.Contains("'no colon here'", error.Message);
    }

    [Fact]
    public void A_continuation_line_before_any_field_is_reported()
    {
        var error = Assert.Throws<DebianIndexException>(() => Read("Package: a\n\n continued\n"));

        Assert.Equal(3, error.Line);
        Assert.Contains("continuation", error.Message);
    }

    [Fact]
    public void Two_stanzas_run_together_are_reported_at_the_repeated_field()
    {
        var error = Assert.Throws<DebianIndexException>(() => Read("Package: a\nSection: libs\nPackage: b\n"));

        Assert.Equal(3, error.Line);
        Assert.Contains("'Package' appears twice", error.Message);
    }

    [Fact]
    public void A_missing_required_field_names_the_stanza_line()
    {
        ControlStanza stanza = Read("\n\nSection: libs\n").Single();

        var error = Assert.Throws<DebianIndexException>(() => stanza.Require("Package"));
        Assert.Contains("Packages, line 3: the stanza has no 'Package' field", error.Message);
    }
}
