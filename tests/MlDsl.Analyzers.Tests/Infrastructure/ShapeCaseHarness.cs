extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MlDslGenerator = generator::MlDsl.Generators.MlDslGenerator;

namespace MlDsl.Analyzers.Tests.Infrastructure;

/// <summary>
/// The harness of the shape-mistake sets (<see cref="FreshShapeCases"/>, <see cref="FreshShapeCasesV"/>): a case's source is
/// compiled with the generator and every analyzer the package ships, as a user's build sees it; a case names the rule, the
/// line a reviewer would point at and the sizes the message must name, and fails on any other error or warning (a cascade
/// of follow-up errors hides the real one). A case that does not compile is the case's own mistake.
/// </summary>
internal static class ShapeCaseHarness
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> AllAnalyzers = typeof(ModelAnalyzer).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && type.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    /// <summary>One expected diagnostic: its id, text found on the line it is reported at (alternatives split by '|'), and what its message names.</summary>
    public sealed record Expect(string Id, string At, params string[] Says);

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, string Source)> AnalyzeAsync(string source)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        SyntaxTree tree = CSharpSyntaxTree.ParseText("using MlDsl;\n" + source, parse, "Fresh.cs");
        var compilation = CSharpCompilation.Create("Fresh", new[] { tree }, References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>(References.UnificationNoticesOff)
                {
                    ["CS0649"] = ReportDiagnostic.Suppress,
                    ["CS0169"] = ReportDiagnostic.Suppress,
                    ["CS0414"] = ReportDiagnostic.Suppress,
                }));
        CSharpGeneratorDriver.Create(new[] { new MlDslGenerator().AsSourceGenerator() }, parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out ImmutableArray<Diagnostic> generatorDiagnostics);

        // A case that does not compile is the test's own mistake, not the analyzer's.
        string[] compileErrors = generated.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && !diagnostic.Id.StartsWith("MLDSL", StringComparison.Ordinal))
            .Select(diagnostic => diagnostic.ToString()).ToArray();
        Assert.True(compileErrors.Length == 0, "the case does not compile:\n" + string.Join("\n", compileErrors));

        ImmutableArray<Diagnostic> analyzerDiagnostics = await generated.WithAnalyzers(AllAnalyzers).GetAnalyzerDiagnosticsAsync();
        ImmutableArray<Diagnostic> all = analyzerDiagnostics.Concat(generatorDiagnostics)
            .Where(diagnostic => diagnostic.Id.StartsWith("MLDSL", StringComparison.Ordinal))
            .GroupBy(diagnostic => (diagnostic.Id, diagnostic.Location.SourceSpan))
            .Select(group => group.First())
            .ToImmutableArray();
        return (all, tree.ToString());
    }

    private static string LineOf(Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource) return "";
        var span = diagnostic.Location.GetLineSpan();
        return diagnostic.Location.SourceTree!.GetText().Lines[span.StartLinePosition.Line].ToString();
    }

    private static string Describe(ImmutableArray<Diagnostic> diagnostics) => diagnostics.Length == 0
        ? "(no MLDSL diagnostic)"
        : string.Join("\n", diagnostics.Select(diagnostic => $"{diagnostic.Id} {diagnostic.Severity} at `{LineOf(diagnostic).Trim()}`: {diagnostic.GetMessage()}"));

    private static bool Matches(Diagnostic diagnostic, Expect expected) =>
        expected.Id.Split('|').Contains(diagnostic.Id)
        && expected.At.Split('|').Any(at => LineOf(diagnostic).Contains(at, StringComparison.Ordinal))
        && expected.Says.All(said => diagnostic.GetMessage().Contains(said, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every expected diagnostic is reported where and as said, and no other error or warning is.</summary>
    public static async Task ReportsAsync(string source, params Expect[] expected)
    {
        (ImmutableArray<Diagnostic> diagnostics, _) = await AnalyzeAsync(source);
        foreach (Expect expect in expected)
            Assert.True(diagnostics.Any(diagnostic => Matches(diagnostic, expect)),
                $"expected {expect.Id} at `{expect.At}` naming {string.Join(", ", expect.Says)}; reported:\n{Describe(diagnostics)}");
        Diagnostic[] others = diagnostics
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning && !expected.Any(expect => Matches(diagnostic, expect)))
            .ToArray();
        Assert.True(others.Length == 0, $"unexpected besides the expected:\n{Describe(others.ToImmutableArray())}");
    }

    /// <summary>No MLDSL error or warning (an informational suggestion is allowed).</summary>
    public static async Task SilentAsync(string source)
    {
        (ImmutableArray<Diagnostic> diagnostics, _) = await AnalyzeAsync(source);
        Diagnostic[] loud = diagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(loud.Length == 0, $"a legal model was flagged:\n{Describe(loud.ToImmutableArray())}");
    }
}
