using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using MlDsl.Analyzers.Tests.Infrastructure;
using MlDsl.CodeFixes;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Tests;

/// <summary>Every rule has a page, a help link and a row in the README's table.</summary>
public sealed class RuleCatalogueTests
{
    public static TheoryData<string> RuleIds => new(DiagnosticDescriptors.All.Select(descriptor => descriptor.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_docs_page_with_wrong_and_right_examples(string id)
    {
        string page = Path.Combine(Repository.Root(), "analyzers", "docs", "rules", id + ".md");

        Assert.True(File.Exists(page), $"{id} has no page at {page}");
        string text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {DiagnosticDescriptors.ById(id).Title}", text);
        Assert.Contains("## Wrong", text);
        Assert.Contains("## Right", text);
        Assert.EndsWith($"analyzers/docs/rules/{id}.md", DiagnosticDescriptors.ById(id).HelpLinkUri);
    }

    [Fact]
    public void Rule_ids_are_unique_and_sequential()
    {
        string[] ids = DiagnosticDescriptors.All.Select(descriptor => descriptor.Id).ToArray();

        Assert.Equal(Enumerable.Range(1, ids.Length).Select(number => $"MLDSL{number:0000}"), ids);
    }

    [Fact]
    public void The_readme_rule_table_is_generated_from_the_catalogue()
    {
        string readme = File.ReadAllText(Path.Combine(Repository.Root(), "README.md"));
        const string Begin = "<!-- rules:begin -->\n", End = "<!-- rules:end -->";
        int start = readme.IndexOf(Begin, StringComparison.Ordinal), end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md lacks the rules:begin / rules:end markers");

        string expected = RuleTable();
        Assert.True(readme[(start + Begin.Length)..end] == expected, "README.md's rule table is stale; replace it with:\n" + expected);
    }

    private static string RuleTable()
    {
        HashSet<string> fixable = typeof(InputSizeCodeFix).Assembly.GetTypes()
            .Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && !type.IsAbstract)
            .SelectMany(type => ((CodeFixProvider)Activator.CreateInstance(type)!).FixableDiagnosticIds)
            .ToHashSet();
        var table = new StringBuilder("| rule | severity | what it catches | code fix |\n|---|---|---|---|\n");
        foreach (DiagnosticDescriptor descriptor in DiagnosticDescriptors.All)
            table.Append($"| [{descriptor.Id}](analyzers/docs/rules/{descriptor.Id}.md) | {descriptor.DefaultSeverity} | {descriptor.Title} | {(fixable.Contains(descriptor.Id) ? "yes" : "")} |\n");
        return table.ToString();
    }
}
