extern alias generator;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MlDslGenerator = generator::MlDsl.Generators.MlDslGenerator;

namespace MlDsl.Analyzers.Tests.Infrastructure;

/// <summary>
/// Verifies analyzers over imperative code that calls generated members (<c>rows.Split</c> needs the
/// row's generated <c>IDatasetRow</c>): the generator runs on the markup-free source first and its
/// output joins the test as ordinary sources.
/// </summary>
internal static class LeakageVerifier<TAnalyzer> where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        RunAsync<EmptyCodeFixProvider>(source, null, expected);

    public static Task CodeFixAsync<TFix>(string source, string fixedSource) where TFix : CodeFixProvider, new() =>
        RunAsync<TFix>(source, fixedSource, Array.Empty<DiagnosticResult>());

    private static async Task RunAsync<TFix>(string source, string? fixedSource, DiagnosticResult[] expected) where TFix : CodeFixProvider, new()
    {
        var test = new Test<TFix> { TestCode = source };
        if (fixedSource is not null) test.FixedCode = fixedSource; // before the generated files, so file order matches
        test.ExpectedDiagnostics.AddRange(expected);
        TestFileMarkupParser.GetSpans(source, out string plain, out System.Collections.Immutable.ImmutableDictionary<string, System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan>> _);
        foreach ((string name, string text) in Generated(plain))
        {
            test.TestState.Sources.Add((name, text));
            if (fixedSource is not null) test.FixedState.Sources.Add((name, text));
        }
        await test.RunAsync();
    }

    private static IEnumerable<(string Name, string Text)> Generated(string source)
    {
        var compilation = CSharpCompilation.Create("Leakage",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriverRunResult run = CSharpGeneratorDriver.Create(new MlDslGenerator()).RunGenerators(compilation).GetRunResult();
        return run.Results.Single().GeneratedSources.Select(generated => (generated.HintName, generated.SourceText.ToString()));
    }

    private sealed class Test<TFix> : CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> where TFix : CodeFixProvider, new()
    {
        public Test()
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            References.AddTo(TestState);
        }

        protected override CompilationOptions CreateCompilationOptions() =>
            base.CreateCompilationOptions().WithSpecificDiagnosticOptions(References.UnificationNoticesOff);

        protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Latest);
    }
}
