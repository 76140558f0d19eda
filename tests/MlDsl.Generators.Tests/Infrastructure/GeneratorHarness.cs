using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MlDsl.Generators;

namespace MlDsl.Generators.Tests.Infrastructure;

/// <summary>Compiles user sources against MlDsl and TorchSharp and runs the generator over them, as a build would.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References = Net100.References.All.CastArray<MetadataReference>()
        .Add(MetadataReference.CreateFromFile(typeof(DatasetAttribute).Assembly.Location))
        .Add(MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location));

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "UserCode",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"File{index}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // The SDK silences these two assembly-unification notices by default; so do we.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            new[] { new MlDslGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns its result and the compilation including generated sources.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(params string[] sources)
    {
        GeneratorDriver driver = Driver().RunGeneratorsAndUpdateCompilation(Compilation(sources), out Compilation output, out _);
        return (driver.GetRunResult(), output);
    }

    public static string GeneratedSource(GeneratorDriverRunResult result, string hintNameSuffix) =>
        result.Results.Single().GeneratedSources.Single(source => source.HintName.EndsWith(hintNameSuffix, StringComparison.Ordinal))
            .SourceText.ToString();
}
