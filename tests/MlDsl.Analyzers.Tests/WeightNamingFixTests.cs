using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MlDsl.Analyzers.Tests.Infrastructure;
using MlDsl.CodeFixes;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// A member's first layer takes the member's name, under which its weights are saved; no code fix may
/// hand that name to another layer with weights, or models saved before the fix stop loading.
/// </summary>
public sealed class WeightNamingFixTests
{
    /// <summary>What the generator adds to every compilation, so sources can say <c>Layer conv;</c>.</summary>
    private const string LayerAlias =
        "global using Layer = global::TorchSharp.torch.nn.Module<global::TorchSharp.torch.Tensor, global::TorchSharp.torch.Tensor>;\n";

    // conv is the output (the last layer with weights that is not a BatchNorm); everything after it is flagged.
    private const string AfterOutput = """
        [Model(typeof(Digit))]
        public sealed partial class Probe
        {
            [Conv2d(10, Kernel = 28)] Layer conv;
            [Relu, BatchNorm2d] Layer tail;
            [Flatten] Layer flat;
        }
        """;

    [Fact]
    public async Task Removing_a_first_layer_whose_next_layer_has_weights_is_not_offered_but_removing_the_others_is()
    {
        Dictionary<string, int> offered = await OfferedFixes<RemoveLayerCodeFix>(LayerAlias + Models.Digit + AfterOutput);

        Assert.Equal(new Dictionary<string, int> { ["Relu"] = 0, ["BatchNorm2d"] = 1, ["Flatten"] = 1 }, offered);
    }

    /// <summary>For every MLDSL diagnostic the fix handles: the attribute it is on, and how many fixes are offered.</summary>
    private static async Task<Dictionary<string, int>> OfferedFixes<TFix>(string source) where TFix : CodeFixProvider, new()
    {
        var fix = new TFix();
        using var workspace = new AdhocWorkspace();
        Document document = workspace.CurrentSolution
            .AddProject("Probe", "Probe", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithSpecificDiagnosticOptions(References.UnificationNoticesOff))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .AddMetadataReferences(References.All)
            .AddDocument("Probe.cs", source);
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ModelAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        SyntaxNode root = (await document.GetSyntaxRootAsync())!;

        var offered = new Dictionary<string, int>();
        foreach (Diagnostic diagnostic in diagnostics.Where(diagnostic => fix.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            offered[root.FindNode(diagnostic.Location.SourceSpan).ToString()] = actions.Count;
        }
        return offered;
    }
}
