using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>The analyzers (shape, definition and leakage rules) stay silent on every model and script the repository ships as correct.</summary>
public sealed class NoFalsePositiveTests
{
    public static TheoryData<string> CorrectProjects => new()
    {
        Path.Combine("examples", "Mnist"), Path.Combine("examples", "BreastCancer"), Path.Combine("examples", "SpokenLanguage"), Path.Combine("tests", "MlDsl.Tests"),
    };

    /// <summary>Every analyzer the package ships, found by its attribute, so a new rule is checked here without a line added.</summary>
    private static readonly ImmutableArray<DiagnosticAnalyzer> AllAnalyzers = typeof(ModelAnalyzer).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && type.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    [Theory]
    [MemberData(nameof(CorrectProjects))]
    public async Task No_mldsl_diagnostic_on_the_repositorys_correct_models(string project)
    {
        Assert.Contains(AllAnalyzers, analyzer => analyzer is Leakage.LeakageAnalyzer);
        Compilation compilation = ProjectCompilation.Build(project);
        Assert.Contains(compilation.SyntaxTrees, tree => tree.ToString().Contains("[Model(typeof("));
        // Silence means something only when every type resolved: an unresolved type hides its members' data flow.
        string[] errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(diagnostic => diagnostic.ToString()).ToArray();
        Assert.True(errors.Length == 0, $"{project} does not compile here:\n{string.Join("\n", errors)}");

        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(AllAnalyzers).GetAnalyzerDiagnosticsAsync();

        string[] reported = diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("MLDSL", StringComparison.Ordinal)).Select(diagnostic => diagnostic.ToString()).ToArray();
        Assert.True(reported.Length == 0, string.Join("\n", reported));
    }
}
