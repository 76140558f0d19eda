extern alias analyzers;
extern alias generator;

using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using BatchSizeAnalyzer = analyzers::MlDsl.Analyzers.BatchSizeAnalyzer;
using DatasetLeakageAnalyzer = analyzers::MlDsl.Analyzers.Leakage.DatasetLeakageAnalyzer;
using LeakageAnalyzer = analyzers::MlDsl.Analyzers.Leakage.LeakageAnalyzer;
using MlDslGenerator = generator::MlDsl.Generators.MlDslGenerator;
using ModelAnalyzer = analyzers::MlDsl.Analyzers.ModelAnalyzer;

namespace MlDsl.Benchmarks;

/// <summary>
/// How long all MlDsl analyzers together take on one file, as while typing: a file of 50 models (and
/// their 50 datasets), and a data-science script of about 300 lines (load, clean, features, split,
/// scale, cross-validate, tune, stack, evaluate). The generator's output joins the compilation, as in
/// the IDE, and is bound once; each run is a fresh analysis of the file.
/// </summary>
internal static class AnalyzerBench
{
    private const int Models = 50;

    public static async Task RunAsync(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
        await MeasureAsync($"one file with {Models} models and {Models} datasets (a seeded mistake in every tenth model)", FileWithModels(Models), runs);
        string script = DataScienceScript.Source;
        await MeasureAsync($"a data-science script of {script.Split('\n').Length} lines", script, runs);
    }

    private static async Task MeasureAsync(string what, string source, int runs)
    {
        CSharpCompilation compilation = Compilation(source);
        CSharpGeneratorDriver.Create(new MlDslGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out _);
        ImmutableArray<Diagnostic> errors = generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("MLDSL", StringComparison.Ordinal)).ToImmutableArray();
        if (errors.Length > 0) throw new InvalidOperationException($"the benchmark source does not compile: {errors[0]}");
        SyntaxTree file = generated.SyntaxTrees.First();
        var all = ImmutableArray.Create<DiagnosticAnalyzer>(new ModelAnalyzer(), new BatchSizeAnalyzer(), new LeakageAnalyzer(), new DatasetLeakageAnalyzer());
        // Beside it, what the IDE computes for the same file on every keystroke anyway: the compiler's own diagnostics.
        double compiler = CompilerTime(generated, file, runs);
        double median = await TimeAsync(generated, file, all, runs);
        Console.WriteLine($"All analyzers on {what}, median of {runs} runs: {median:F1} ms per file (the compiler's own diagnostics of the file: {compiler:F1} ms)");
        foreach (DiagnosticAnalyzer analyzer in all)
            Console.WriteLine($"  {analyzer.GetType().Name} alone: {await TimeAsync(generated, file, ImmutableArray.Create(analyzer), runs):F1} ms");
    }

    private static double CompilerTime(Compilation generated, SyntaxTree file, int runs)
    {
        var times = new List<double>();
        for (int run = 0; run < runs + 5; run++)
        {
            var clock = Stopwatch.StartNew();
            generated.GetSemanticModel(file).GetDiagnostics();
            if (run >= 5) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private static async Task<double> TimeAsync(Compilation generated, SyntaxTree file, ImmutableArray<DiagnosticAnalyzer> analyzers, int runs)
    {

        var times = new List<double>();
        for (int run = 0; run < runs + 5; run++)
        {
            var clock = Stopwatch.StartNew();
            // A fresh CompilationWithAnalyzers each run: no cached analysis results, like a new keystroke in the file.
            CompilationWithAnalyzers analysis = generated.WithAnalyzers(analyzers);
            SemanticModel model = generated.GetSemanticModel(file);
            ImmutableArray<Diagnostic> found = await analysis.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None);
            if (run >= 5) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private static string FileWithModels(int count)
    {
        var text = new StringBuilder("using MlDsl;\n");
        for (int i = 0; i < count; i++)
        {
            int side = 16 + i % 8 * 2, classes = 2 + i % 9;
            string output = i % 10 == 9 ? "Linear(99)" : $"Linear({classes})";
            text.Append($$"""
                [Dataset]
                public sealed partial record Image{{i}}
                {
                    [Feature, Shape(3, {{side}}, {{side}})] public required float[] Pixels { get; init; }
                    [Label(Classes = {{classes}})] public required int Kind { get; init; }
                }

                [Model(typeof(Image{{i}}))]
                public sealed partial class Net{{i}}
                {
                    [Conv2d(16, Kernel = 3, Padding = 1), BatchNorm2d, Relu] Layer stem;
                    [Conv2d(32, Kernel = 3), Relu] Layer conv;
                    [MaxPool2d(2), Dropout(0.25), Flatten] Layer pool;
                    [Linear(64), Relu, Dropout(0.5)] Layer hidden;
                    [{{output}}] Layer head;
                }

                """);
        }
        return text.ToString();
    }

    private static CSharpCompilation Compilation(string source) => CSharpCompilation.Create(
        "Analyzed",
        new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(DatasetAttribute).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location)),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
