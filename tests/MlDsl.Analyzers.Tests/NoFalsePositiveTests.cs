extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MlDsl.Analyzers.Tests.Infrastructure;
using MlDslGenerator = generator::MlDsl.Generators.MlDslGenerator;

namespace MlDsl.Analyzers.Tests;

/// <summary>The analyzers (shape, definition and leakage rules) stay silent on every model and script the repository ships as correct.</summary>
public sealed class NoFalsePositiveTests
{
    public static TheoryData<string> CorrectModelFolders => new() { "examples", Path.Combine("tests", "MlDsl.Tests") };

    [Theory]
    [MemberData(nameof(CorrectModelFolders))]
    public async Task No_mldsl_diagnostic_on_the_repositorys_correct_models(string folder)
    {
        string[] files = Repository.Sources(folder).ToArray();
        Assert.Contains(files, file => File.ReadAllText(file).Contains("[Model(typeof("));

        ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(files.Select(File.ReadAllText));

        Assert.Empty(diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("MLDSL", StringComparison.Ordinal)));
    }

    /// <summary>Compiles the sources as a build would (generator included) and runs the analyzers.</summary>
    internal static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(IEnumerable<string> sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        // The SDK's implicit usings, which the projects' own builds add.
        const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Threading.Tasks;";
        var compilation = CSharpCompilation.Create("Checked",
            sources.Append(ImplicitUsings).Select(source => CSharpSyntaxTree.ParseText(source, parse)),
            Infrastructure.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new MlDslGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out _);
        return await generated.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(
            new ModelAnalyzer(), new BatchSizeAnalyzer(), new Leakage.LeakageAnalyzer(), new Leakage.DatasetLeakageAnalyzer())).GetAnalyzerDiagnosticsAsync();
    }
}
