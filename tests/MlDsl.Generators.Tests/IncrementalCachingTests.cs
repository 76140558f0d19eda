using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MlDsl.Generators.Tests.Infrastructure;

namespace MlDsl.Generators.Tests;

public sealed class IncrementalCachingTests
{
    private static readonly string[] TrackedSteps = { TrackingNames.Datasets, TrackingNames.Models };

    [Fact]
    public void Rerunning_on_an_unchanged_compilation_keeps_every_step_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(Sources.Digit, Sources.DigitCnn);
        GeneratorDriver driver = GeneratorHarness.Driver().RunGenerators(compilation);

        GeneratorRunResult second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(second);
    }

    [Fact]
    public void An_unrelated_edit_keeps_every_step_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(Sources.Digit, Sources.DigitCnn);
        GeneratorDriver driver = GeneratorHarness.Driver().RunGenerators(compilation);

        CSharpCompilation edited = compilation
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Samples; static class Helpers { public static int Twice(int x) => 2 * x; }", GeneratorHarness.ParseOptions));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(second);
    }

    [Fact]
    public void Changing_a_layer_regenerates_the_model()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(Sources.Digit, Sources.DigitCnn);
        GeneratorDriver driver = GeneratorHarness.Driver().RunGenerators(compilation);

        SyntaxTree modelTree = compilation.SyntaxTrees.ElementAt(1);
        SyntaxTree editedTree = CSharpSyntaxTree.ParseText(Sources.DigitCnn.Replace("Linear(128)", "Linear(256)"), GeneratorHarness.ParseOptions, modelTree.FilePath);
        GeneratorRunResult second = driver.RunGenerators(compilation.ReplaceSyntaxTree(modelTree, editedTree)).GetRunResult().Results.Single();

        Assert.Contains(second.TrackedSteps[TrackingNames.Models].SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("Linear(9216, 256)", second.GeneratedSources.Single(source => source.HintName.Contains("DigitCnn")).SourceText.ToString());
    }

    public static TheoryData<string[]> BlockSamples => new()
    {
        new[] { Sources.ResidualBlock, Sources.ResidualNet },
        // Parallel paths ([From]) in a block and in a model.
        new[] { Sources.Digit, Sources.Inception },
    };

    [Theory]
    [MemberData(nameof(BlockSamples))]
    public void Blocks_stay_cached_on_an_unrelated_edit_and_hold_no_roslyn_objects(string[] sources)
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(sources);
        GeneratorDriver driver = GeneratorHarness.Driver().RunGenerators(compilation);

        CSharpCompilation edited = compilation
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Samples; static class Helpers { public static int Twice(int x) => 2 * x; }", GeneratorHarness.ParseOptions));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (string step in new[] { TrackingNames.Blocks, TrackingNames.Models })
            foreach (var output in second.TrackedSteps[step].SelectMany(run => run.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {step} output was {output.Reason}");
                AssertHoldsNoRoslynObjects(output.Value, path: step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
    }

    [Fact]
    public void Changing_a_blocks_argument_regenerates_the_model_that_uses_it()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(Sources.ResidualBlock, Sources.ResidualNet);
        GeneratorDriver driver = GeneratorHarness.Driver().RunGenerators(compilation);

        SyntaxTree blockTree = compilation.SyntaxTrees.First(tree => tree.ToString().Contains("class ResUnit"));
        SyntaxTree editedTree = CSharpSyntaxTree.ParseText(Sources.ResidualBlock.Replace("public const int Channels = 8;", "public const int Channels = 12;"), GeneratorHarness.ParseOptions, blockTree.FilePath);
        GeneratorRunResult second = driver.RunGenerators(compilation.ReplaceSyntaxTree(blockTree, editedTree)).GetRunResult().Results.Single();

        string model = second.GeneratedSources.Single(source => source.HintName.Contains("TileResNet")).SourceText.ToString();
        Assert.Contains("conv1: Conv2d(8, 12, kernel_size: 3, padding: 1)", model);
        Assert.Contains("shortcut: Conv2d(8, 12, kernel_size: 1)", model);
    }

    [Fact]
    public void Pipeline_models_hold_no_symbols_syntax_or_compilation()
    {
        GeneratorRunResult result = GeneratorHarness.Driver()
            .RunGenerators(GeneratorHarness.Compilation(Sources.Digit, Sources.DigitCnn, Sources.Tumour))
            .GetRunResult().Results.Single();

        foreach (string step in TrackedSteps)
            foreach (var output in result.TrackedSteps[step].SelectMany(run => run.Outputs))
                AssertHoldsNoRoslynObjects(output.Value, path: step, new HashSet<object>(ReferenceEqualityComparer.Instance));
    }

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (string step in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} did not run");
            foreach (var output in result.TrackedSteps[step].SelectMany(run => run.Outputs))
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {step} output was {output.Reason}");
        }
    }

    private static void AssertHoldsNoRoslynObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value)) return;
        Type type = value.GetType();
        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or Location,
            $"{path} holds a {type.Name}");
        if (value is IEnumerable sequence)
        {
            int index = 0;
            foreach (object? item in sequence) AssertHoldsNoRoslynObjects(item, $"{path}[{index++}]", seen);
            return;
        }
        foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            AssertHoldsNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", seen);
    }
}
