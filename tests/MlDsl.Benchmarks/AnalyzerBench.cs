extern alias analyzers;

using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelAnalyzer = analyzers::MlDsl.Analyzers.ModelAnalyzer;

namespace MlDsl.Benchmarks;

/// <summary>How long the analyzers take on one file holding 50 models (and their 50 datasets), as while typing.</summary>
internal static class AnalyzerBench
{
    private const int Models = 50;

    public static async Task RunAsync(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
        CSharpCompilation compilation = Compilation(FileWithModels(Models));
        var analyzer = ImmutableArray.Create<DiagnosticAnalyzer>(new ModelAnalyzer());

        var times = new List<double>();
        int diagnostics = 0;
        for (int run = 0; run < runs + 5; run++)
        {
            var clock = Stopwatch.StartNew();
            // A fresh CompilationWithAnalyzers each run: no cached analysis results, like a new keystroke.
            ImmutableArray<Diagnostic> found = await compilation.WithAnalyzers(analyzer).GetAnalyzerDiagnosticsAsync();
            if (run >= 5) times.Add(clock.Elapsed.TotalMilliseconds);
            diagnostics = found.Length;
        }
        times.Sort();
        double median = times[times.Count / 2];
        Console.WriteLine($"Analyzers on one file with {Models} models and {Models} datasets, median of {runs} runs:");
        Console.WriteLine($"  {median:F1} ms per file, {median / Models:F2} ms per model ({diagnostics} diagnostics: one seeded mistake in every tenth model)");
    }

    private static string FileWithModels(int count)
    {
        var text = new StringBuilder("global using Layer = global::TorchSharp.torch.nn.Module<global::TorchSharp.torch.Tensor, global::TorchSharp.torch.Tensor>;\nusing MlDsl;\n");
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
        "FiftyModels",
        new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(DatasetAttribute).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location)),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
