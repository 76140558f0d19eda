using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers;

namespace MlDsl.Analyzers.Tests.Infrastructure;

/// <summary>
/// The ecosystem's analyzer and code-fix verifiers, with references that resolve offline: .NET 10
/// reference assemblies from Basic.Reference.Assemblies, MlDsl and TorchSharp from this build.
/// </summary>
internal static class Verifier
{
    /// <summary>What the generator adds to every compilation, so sources can say <c>Layer conv1;</c>; prepended to each test source.</summary>
    private const string LayerAlias =
        "global using Layer = global::TorchSharp.torch.nn.Module<global::TorchSharp.torch.Tensor, global::TorchSharp.torch.Tensor>;\n";

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Error);

    public static async Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test<EmptyCodeFixProvider> { TestCode = LayerAlias + source };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    public static async Task CodeFixAsync<TFix>(string source, string fixedSource, int codeActionIndex = 0)
        where TFix : CodeFixProvider, new()
    {
        var test = new Test<TFix> { TestCode = LayerAlias + source, FixedCode = LayerAlias + fixedSource, CodeActionIndex = codeActionIndex };
        await test.RunAsync();
    }

    public static async Task CodeFixAcrossFilesAsync<TFix>((string Name, string Source)[] sources, (string Name, string Source)[] fixedSources)
        where TFix : CodeFixProvider, new()
    {
        var test = new Test<TFix>();
        test.TestState.Sources.Add(("Layer.g.cs", LayerAlias));
        test.FixedState.Sources.Add(("Layer.g.cs", LayerAlias));
        foreach (var source in sources) test.TestState.Sources.Add(source);
        foreach (var source in fixedSources) test.FixedState.Sources.Add(source);
        await test.RunAsync();
    }

    /// <summary>Runs the suppressor with compiler warnings on, so suppressed and unsuppressed warnings can both be asserted.</summary>
    public static async Task SuppressorAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<LayerFieldSuppressor, DefaultVerifier>
        {
            TestCode = LayerAlias + source,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        References.AddTo(test.TestState);
        test.DisabledDiagnostics.AddRange(new[] { "CS1701", "CS1702", "CS1591" });
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private sealed class Test<TFix> : CSharpCodeFixTest<ModelAnalyzer, TFix, DefaultVerifier>
        where TFix : CodeFixProvider, new()
    {
        public Test()
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            References.AddTo(TestState);
        }

        protected override CompilationOptions CreateCompilationOptions() =>
            base.CreateCompilationOptions().WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>(References.UnificationNoticesOff)
            {
                // Fields assigned only by generated code look unassigned here, where the generator does not run.
                ["CS0649"] = ReportDiagnostic.Suppress,
                ["CS0169"] = ReportDiagnostic.Suppress,
            });
    }
}
