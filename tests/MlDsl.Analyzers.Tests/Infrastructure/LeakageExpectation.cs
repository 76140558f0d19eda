extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using MlDsl.Analyzers.Leakage;
using MlDslGenerator = generator::MlDsl.Generators.MlDslGenerator;

namespace MlDsl.Analyzers.Tests.Infrastructure;

/// <summary>
/// The check every FreshLeakageCases* file makes: both leakage analyzers run, as a user sees them, after the generator,
/// and the union of their leakage diagnostics (MLDSL0016–0029) must be exactly the expected ids at the
/// <c>{|#n:...|}</c> marks.
/// </summary>
internal static class LeakageExpectation
{
    private static readonly ImmutableHashSet<string> LeakageIds = ImmutableHashSet.Create(
        "MLDSL0016", "MLDSL0017", "MLDSL0018", "MLDSL0019", "MLDSL0020", "MLDSL0021",
        "MLDSL0026", "MLDSL0027", "MLDSL0028", "MLDSL0029");

    /// <summary>
    /// Runs both leakage analyzers over <paramref name="source"/> (after the generator) and asserts the union
    /// of their leakage diagnostics is exactly <paramref name="expected"/>: the id at mark <c>#i</c> for each i.
    /// </summary>
    public static async Task Expect(string source, params string[] expected)
    {
        TestFileMarkupParser.GetSpans(source, out string plain, out ImmutableDictionary<string, ImmutableArray<TextSpan>> spans);
        SyntaxTree tree = CSharpSyntaxTree.ParseText(plain, new CSharpParseOptions(LanguageVersion.Latest), path: "Script.cs");
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions(References.UnificationNoticesOff).WithNullableContextOptions(NullableContextOptions.Enable);
        CSharpCompilation compilation = CSharpCompilation.Create("Fresh", new[] { tree }, References.All, options);
        CSharpGeneratorDriver.Create(new MlDslGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out _);
        string[] errors = generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.True(errors.Length == 0, "The case does not compile:\n" + string.Join("\n", errors));

        ImmutableArray<Diagnostic> diagnostics = await generated
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new LeakageAnalyzer(), new DatasetLeakageAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        SourceText text = tree.GetText();
        string At(int position) { LinePosition at = text.Lines.GetLinePosition(position); return $"({at.Line + 1},{at.Character + 1}) '{text.Lines[at.Line].ToString().Trim()}'"; }
        Diagnostic[] leaks = diagnostics.Where(d => LeakageIds.Contains(d.Id) && d.Location.SourceTree == tree).ToArray();
        string[] actual = leaks
            .Select(d => $"{d.Id} at {At(d.Location.SourceSpan.Start)}")
            .Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();
        string[] wanted = expected.Select((id, i) =>
        {
            Assert.True(spans.TryGetValue("#" + i, out ImmutableArray<TextSpan> marked), $"mark #{i} missing");
            return $"{id} at {At(marked[0].Start)}";
        }).OrderBy(s => s, StringComparer.Ordinal).ToArray();
        Assert.True(wanted.SequenceEqual(actual), "Expected:\n" + string.Join("\n", wanted) + "\nReported:\n"
            + string.Join("\n", leaks.Select(d => $"{d.Id} at {At(d.Location.SourceSpan.Start)}: {d.GetMessage()}")));
    }
}
