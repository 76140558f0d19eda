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
using Microsoft.CodeAnalysis.Text;
using BatchSizeAnalyzer = analyzers::MlDsl.Analyzers.BatchSizeAnalyzer;
using DatasetLeakageAnalyzer = analyzers::MlDsl.Analyzers.Leakage.DatasetLeakageAnalyzer;
using LeakageAnalyzer = analyzers::MlDsl.Analyzers.Leakage.LeakageAnalyzer;
using MlDslGenerator = generator::MlDsl.Generators.MlDslGenerator;
using ModelAnalyzer = analyzers::MlDsl.Analyzers.ModelAnalyzer;

namespace MlDsl.Benchmarks;

/// <summary>
/// How long all MlDsl analyzers together take on one file while the user types, the way the IDE
/// analyses an open document: every run makes a one-character edit (a new compilation, as after a
/// keystroke; the generator's output is reused, as the incremental generator caches it), then asks a
/// fresh <see cref="CompilationWithAnalyzers"/> for the semantic diagnostics of that file only. The
/// analyzer host is warm (JIT done in unmeasured runs). Four numbers per file, medians over the runs:
/// <list type="bullet">
/// <item>compiler: the compiler's own diagnostics of the file after the edit, which the IDE computes on every edit anyway;</item>
/// <item>no-op analyzer: the same request with one analyzer that registers the same kinds of actions and does nothing —
/// the driver's work plus the binding every analyzer of this shape pays;</item>
/// <item>all MlDsl analyzers: the request with our four analyzers together (wall clock, everything included);</item>
/// <item>their own time: the sum of the time spent in our callbacks, as Roslyn measures it
/// (<c>logAnalyzerExecutionTime</c>). A callback that first touches a symbol's attributes or a helper's body makes the compiler
/// bind it there, and a garbage collection that falls inside a callback counts there, so this still holds some compiler work.</item>
/// </list>
/// Beside them, for the two analyzer requests, the process's CPU time (steadier than wall time when other work shares
/// the cores; garbage collection and compilation included) and the megabytes allocated.
/// Analysis runs on one thread (<c>concurrentAnalysis: false</c>) so the numbers are the CPU one edit costs.
/// </summary>
internal static class AnalyzerBench
{
    private const int Models = 50;
    private const int WarmUpRuns = 5;

    public static async Task RunAsync(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
        string only = args.Length > 1 ? args[1] : "";
        if (only == "parse")
        {
            ParseAlone(FileWithModels(Models), runs);
            return;
        }
        if (args.Length > 2)
        {
            await ProfileAsync(only == "script" ? DataScienceScript.Source : FileWithModels(Models), runs, args[2]);
            return;
        }
        Console.WriteLine($"Per file, after a one-character edit, medians of {runs} runs (min–max in brackets), on one thread:");
        if (only is "" or "models")
            await MeasureAsync($"one file with {Models} models and {Models} datasets (a seeded mistake in every tenth model)", FileWithModels(Models), runs, target: 50);
        string script = DataScienceScript.Source;
        if (only is "" or "script")
            await MeasureAsync($"a data-science script of {script.Split('\n').Length} lines", script, runs, target: 20);
    }

    private static async Task MeasureAsync(string what, string source, int runs, double target)
    {
        CSharpCompilation compilation = Compilation(source);
        CSharpGeneratorDriver.Create(new MlDslGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out _);
        ImmutableArray<Diagnostic> errors = generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("MLDSL", StringComparison.Ordinal)).ToImmutableArray();
        if (errors.Length > 0) throw new InvalidOperationException($"the benchmark source does not compile: {errors[0]}");
        SyntaxTree file = generated.SyntaxTrees.First();
        var ours = ImmutableArray.Create<DiagnosticAnalyzer>(new ModelAnalyzer(), new BatchSizeAnalyzer(), new LeakageAnalyzer(), new DatasetLeakageAnalyzer());
        var noOp = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer());

        var compiler = new Samples();
        var floor = new Samples();
        var total = new Samples();
        var own = new Samples();
        var floorCpu = new Samples();
        var totalCpu = new Samples();
        var floorBytes = new Samples("MB");
        var totalBytes = new Samples("MB");
        var perAnalyzer = ours.ToDictionary(analyzer => analyzer, _ => new Samples());
        var aloneBytes = ours.ToDictionary(analyzer => analyzer, _ => new Samples("MB"));
        int found = 0;
        for (int run = 0; run < runs + WarmUpRuns; run++)
        {
            bool measured = run >= WarmUpRuns;
            // Each measurement gets its own edit, so no binding is shared between them.
            (Compilation edited, SyntaxTree tree) = Edit(generated, file, run, 0);
            var clock = Stopwatch.StartNew();
            edited.GetSemanticModel(tree).GetDiagnostics();
            if (measured) compiler.Add(clock.Elapsed.TotalMilliseconds);

            (edited, tree) = Edit(generated, file, run, 1);
            long bytes = GC.GetTotalAllocatedBytes();
            double cpu = ProcessCpu.Milliseconds();
            clock.Restart();
            await Analyze(edited, tree, noOp);
            if (measured) floor.Add(clock.Elapsed.TotalMilliseconds);
            if (measured) floorCpu.Add(ProcessCpu.Milliseconds() - cpu);
            if (measured) floorBytes.Add((GC.GetTotalAllocatedBytes() - bytes) / 1e6);

            (edited, tree) = Edit(generated, file, run, 2);
            bytes = GC.GetTotalAllocatedBytes();
            cpu = ProcessCpu.Milliseconds();
            clock.Restart();
            (CompilationWithAnalyzers analysis, AnalysisResult result) = await Analyze(edited, tree, ours);
            double elapsed = clock.Elapsed.TotalMilliseconds;
            if (measured) totalCpu.Add(ProcessCpu.Milliseconds() - cpu);
            if (measured) totalBytes.Add((GC.GetTotalAllocatedBytes() - bytes) / 1e6);
            if (!measured) continue;
            total.Add(elapsed);
            found = result.GetAllDiagnostics().Length;
            double sum = 0;
            foreach (DiagnosticAnalyzer analyzer in ours)
            {
                double ms = (await analysis.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
                perAnalyzer[analyzer].Add(ms);
                sum += ms;
            }
            own.Add(sum);

            // Each analyzer alone, on an edit of its own: what its whole request allocates (compare with the no-op analyzer's request).
            // Allocation does not depend on how loaded the machine is, so it shows a change where times are noisy.
            for (int i = 0; i < ours.Length; i++)
            {
                (edited, tree) = Edit(generated, file, run, 3 + i);
                bytes = GC.GetTotalAllocatedBytes();
                await Analyze(edited, tree, ImmutableArray.Create(ours[i]));
                aloneBytes[ours[i]].Add((GC.GetTotalAllocatedBytes() - bytes) / 1e6);
            }
        }

        Console.WriteLine($"{what} ({found} diagnostics; target ≤ {target:F0} ms):");
        Console.WriteLine($"  compiler's own diagnostics of the file:         {compiler}");
        Console.WriteLine($"  one no-op analyzer (driver + binding floor):    {floor}");
        Console.WriteLine($"  all four MlDsl analyzers, wall clock:           {total}");
        Console.WriteLine($"  of which in MlDsl analyzers' own callbacks:     {own}");
        Console.WriteLine($"  CPU time of the no-op analyzer's request:       {floorCpu}");
        Console.WriteLine($"  CPU time of all four analyzers' request:        {totalCpu}");
        Console.WriteLine($"  allocated by the no-op analyzer's request:      {floorBytes}");
        Console.WriteLine($"  allocated by all four analyzers' request:       {totalBytes}");
        foreach ((DiagnosticAnalyzer analyzer, Samples samples) in perAnalyzer)
            Console.WriteLine($"    {analyzer.GetType().Name,-24}                      {samples}");
        Console.WriteLine("  allocated by the request of each analyzer alone:");
        foreach ((DiagnosticAnalyzer analyzer, Samples samples) in aloneBytes)
            Console.WriteLine($"    {analyzer.GetType().Name,-24}                      {samples}");
    }


    /// <summary>
    /// For a profiler (<c>dotnet-trace collect -- ... analyzers 200 script LeakageAnalyzer</c>): one analyzer alone, analysing an edit
    /// of the file again and again, nothing else measured, so a sampling profile shows where that analyzer's time goes.
    /// </summary>
    private static async Task ProfileAsync(string source, int runs, string analyzerName)
    {
        CSharpCompilation compilation = Compilation(source);
        CSharpGeneratorDriver.Create(new MlDslGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out _);
        SyntaxTree file = generated.SyntaxTrees.First();
        DiagnosticAnalyzer analyzer = analyzerName switch
        {
            nameof(ModelAnalyzer) => new ModelAnalyzer(),
            nameof(BatchSizeAnalyzer) => new BatchSizeAnalyzer(),
            nameof(LeakageAnalyzer) => new LeakageAnalyzer(),
            nameof(DatasetLeakageAnalyzer) => new DatasetLeakageAnalyzer(),
            _ => new NoOpAnalyzer(),
        };
        var own = new Samples();
        var bytes = new Samples("MB");
        for (int run = 0; run < runs; run++)
        {
            (Compilation edited, SyntaxTree tree) = Edit(generated, file, run, 0);
            long before = GC.GetTotalAllocatedBytes();
            (CompilationWithAnalyzers analysis, _) = await Analyze(edited, tree, ImmutableArray.Create(analyzer));
            bytes.Add((GC.GetTotalAllocatedBytes() - before) / 1e6);
            own.Add((await analysis.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds);
        }
        Console.WriteLine($"{analyzer.GetType().Name} alone, over {runs} edits: own time {own}, request allocated {bytes}");
    }

    /// <summary>
    /// The declaration parser alone (<c>analyzers [runs] parse</c>): every [Dataset] and [Model] of the 50-model file parsed as the
    /// analyzers parse them (each row once, shared by its models), on a compilation whose attributes are already bound, so
    /// what is measured is the parser's own work: milliseconds and bytes allocated per parse of the whole file.
    /// </summary>
    private static void ParseAlone(string source, int runs)
    {
        CSharpCompilation compilation = Compilation(source);
        CSharpGeneratorDriver.Create(new MlDslGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out _);
        INamedTypeSymbol modelAttribute = generated.GetTypeByMetadataName("MlDsl.ModelAttribute")!;
        var models = new List<(INamedTypeSymbol Type, AttributeData Attribute)>();
        foreach (INamedTypeSymbol type in generated.GlobalNamespace.GetTypeMembers())
            foreach (AttributeData attribute in type.GetAttributes())
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, modelAttribute)) models.Add((type, attribute));
        var time = new Samples();
        var bytes = new Samples("MB");
        int diagnostics = 0;
        for (int run = 0; run < runs + WarmUpRuns; run++)
        {
            var datasets = new Dictionary<INamedTypeSymbol, analyzers::MlDsl.Declarations.Models.DatasetSpec>(SymbolEqualityComparer.Default);
            analyzers::MlDsl.Declarations.Models.DatasetSpec Dataset(INamedTypeSymbol row)
            {
                if (!datasets.TryGetValue(row, out var spec)) datasets[row] = spec = analyzers::MlDsl.Declarations.Parsing.DatasetParser.Parse(row);
                return spec;
            }
            long before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            diagnostics = 0;
            foreach ((INamedTypeSymbol type, AttributeData attribute) in models)
                diagnostics += analyzers::MlDsl.Declarations.Parsing.ModelParser.Parse(type, attribute, Dataset)?.Diagnostics.Count ?? 0;
            if (run < WarmUpRuns) continue;
            time.Add(clock.Elapsed.TotalMilliseconds);
            bytes.Add((GC.GetAllocatedBytesForCurrentThread() - before) / 1e6);
        }
        Console.WriteLine($"{models.Count} models and their rows parsed ({diagnostics} diagnostics), per parse of the file: {time}, allocated {bytes}");
    }

    /// <summary>The compilation after typing one character at the end of the file (inside a trailing comment, so it still compiles).</summary>
    private static (Compilation Edited, SyntaxTree Tree) Edit(Compilation generated, SyntaxTree file, int run, int kind)
    {
        SourceText text = file.GetText();
        SyntaxTree edited = file.WithChangedText(text.WithChanges(new TextChange(new TextSpan(text.Length, 0), $"\n// edit {run}.{kind}")));
        return (generated.ReplaceSyntaxTree(file, edited), edited);
    }

    private static async Task<(CompilationWithAnalyzers Analysis, AnalysisResult Result)> Analyze(Compilation compilation, SyntaxTree tree, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
            concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        CompilationWithAnalyzers analysis = compilation.WithAnalyzers(analyzers, options);
        AnalysisResult result = await analysis.GetAnalysisResultAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
        return (analysis, result);
    }

    /// <summary>Registers the kinds of actions our analyzers register, and does nothing in them.</summary>
    // Only ever handed to CompilationWithAnalyzers in this process, never loaded by a compiler: the rules for shipped analyzers do not apply.
#pragma warning disable RS1036, RS1041
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class NoOpAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            new DiagnosticDescriptor("NOOP", "no-op", "no-op", "Bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true));

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
                start.RegisterOperationAction(_ => { }, OperationKind.Invocation);
                start.RegisterOperationBlockAction(_ => { });
                start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.PropertyDeclaration);
            });
        }
    }
#pragma warning restore RS1036, RS1041

    private sealed class Samples(string unit = "ms")
    {
        private readonly List<double> values = new();

        public void Add(double value) => values.Add(value);

        public override string ToString()
        {
            if (values.Count == 0) return "-";
            List<double> sorted = values.Order().ToList();
            string Format(double value) => value.ToString(unit == "MB" ? "F2" : "F1", CultureInfo.InvariantCulture);
            return $"{Format(sorted[sorted.Count / 2]),7} {unit}  [{Format(sorted[0])}–{Format(sorted[^1])}]";
        }
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
