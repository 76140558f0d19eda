using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Models;
using MlDsl.Generators.Tests.Infrastructure;

namespace MlDsl.Generators.Tests;

/// <summary>
/// A model the generator cannot build still gets its public surface, every member throwing with the
/// diagnostic, so code that uses it compiles and the build shows that diagnostic alone; the analyzers
/// report it while the user types (see MlDsl.Analyzers.Tests), so the generator does not repeat it.
/// </summary>
public sealed class GeneratorDiagnosticTests
{
    /// <summary>Code that uses the model's whole surface, as Program.cs would.</summary>
    private const string UseSites = """
        using System.Collections.Generic;
        using MlDsl.Training;

        namespace Samples;

        public static class Uses
        {
            public static object Use(IReadOnlyList<Digit> rows)
            {
                using var model = new DigitCnn(seed: 1);
                FitReport report = model.Fit(rows, rows, new FitOptions { Epochs = 1 });
                int[] classes = model.Predict(rows);
                model.Save("model.bin");
                IClassifier<Digit> loaded = DigitCnn.Load("model.bin");
                return (report, classes, loaded, DigitCnn.SummaryTable, DigitCnn.ParameterCount, DigitCnn.LayerShapes, model.Evaluate(rows));
            }
        }
        """;

    public static TheoryData<string, string, string> BrokenModels => new()
    {
        { "[Linear(128), Relu", "[Linear(128, InFeatures = 9000), Relu", "MLDSL0001" },
        { "Dropout(0.25), Flatten]", "Dropout(0.25)]", "MLDSL0003" },
        { "[Conv2d(64, Kernel = 3)", "[Conv2d(64, Kernel = 30)", "MLDSL0004" },
        { "[Linear(10)]", "[Linear(12)]", "MLDSL0005" },
        { "Dropout(0.5)", "Dropout(1.0)", "MLDSL0006" },
        { "[Linear(10)] Layer fc2;", "[Linear(10)] Layer fc2 { get; set; } = null!;", "MLDSL0010" },
    };

    [Theory]
    [MemberData(nameof(BrokenModels))]
    public void A_broken_model_keeps_its_surface_so_its_uses_compile_and_its_spec_holds_the_reason(string original, string broken, string expectedId)
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(Sources.Digit, Sources.DigitCnn.Replace(original, broken), UseSites);

        Assert.Empty(result.Diagnostics);
        var model = (ModelSpec)result.Results.Single().TrackedSteps[TrackingNames.Models].Single().Outputs.Single().Value;
        Assert.Equal(expectedId, model.Diagnostics.Single().DescriptorId);
        string stub = GeneratorHarness.GeneratedSource(result, "DigitCnn.Model.g.cs");
        Assert.Contains($"throw new global::System.InvalidOperationException(\"DigitCnn was not generated because {expectedId} at File1.cs(", stub);
        Assert.DoesNotContain("RegisterComponents", stub);
        Assert.Contains(result.Results.Single().GeneratedSources, source => source.HintName.Contains("Digit.Dataset"));
        AssertNoErrors(output);
    }

    [Fact]
    public void A_broken_models_members_throw_naming_the_diagnostic_and_its_line()
    {
        (_, Compilation output) = GeneratorHarness.Run(Sources.Digit, Sources.DigitCnn.Replace("[Linear(10)]", "[Linear(11)]"));

        Type model = Load(output).GetType("Samples.DigitCnn")!;
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            try { model.GetMethod("Load")!.Invoke(null, new object[] { "model.bin" }); }
            catch (TargetInvocationException wrapped) { throw wrapped.InnerException!; }
        });
        // fc2's [Linear(11)] is on line 12 of the model's file.
        Assert.StartsWith("DigitCnn was not generated because MLDSL0005 at File1.cs(12,", error.Message);
        Assert.Contains("the label has 10 classes", error.Message);
    }

    [Fact]
    public void A_model_with_only_review_warnings_is_still_generated()
    {
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(Sources.Digit, Sources.DigitCnn.Replace("[Linear(10)]", "[Linear(10), Softmax]"));

        string model = GeneratorHarness.GeneratedSource(result, "DigitCnn.Model.g.cs");
        Assert.Contains("fc2Softmax = Softmax(dim: 1);", model);
    }

    [Fact]
    public void A_dataset_without_label_gets_throwing_members_and_so_does_its_model_and_their_uses_compile()
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(Sources.Digit.Replace("[Label(Classes = 10)] ", ""), Sources.DigitCnn, UseSites);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("Digit was not generated because MLDSL0008 at File0.cs(", GeneratorHarness.GeneratedSource(result, "Digit.Dataset.g.cs"));
        Assert.Contains("DigitCnn was not generated because its dataset Digit has errors", GeneratorHarness.GeneratedSource(result, "DigitCnn.Model.g.cs"));
        AssertNoErrors(output);
    }

    [Fact]
    public void A_pipeline_over_a_broken_model_is_generated_against_the_models_surface_and_compiles()
    {
        string tumour = Sources.Tumour.Replace("[Linear(2)] Layer output;", "[Linear(3)] Layer output;");
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(tumour, Sources.TumourPipeline);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("TumourMlp was not generated because MLDSL0005", GeneratorHarness.GeneratedSource(result, "TumourMlp.Model.g.cs"));
        Assert.Contains("public static PipelineRun Run(PipelineOptions options) => PipelineRunner.Run(Definition, options);",
            GeneratorHarness.GeneratedSource(result, "TumourPipeline.Pipeline.g.cs"));
        AssertNoErrors(output);
    }

    [Fact]
    public void A_pipeline_without_ingest_keeps_run_and_its_command_line_which_throw_naming_the_diagnostic()
    {
        string pipeline = Sources.TumourPipeline.Replace("[Ingest] private static IReadOnlyList<Tumour> Load()", "private static IReadOnlyList<Tumour> Load()")
            + "\npublic static class Entry { public static int Main(string[] args) => Samples.TumourPipeline.RunCommandLine(args); }\n";
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(Sources.Tumour, pipeline);

        Assert.Contains("TumourPipeline was not generated because MLDSL0023", GeneratorHarness.GeneratedSource(result, "TumourPipeline.Pipeline.g.cs"));
        AssertNoErrors(output);
    }

    private static void AssertNoErrors(Compilation output)
    {
        string[] errors = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(error => error.ToString()).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors));
    }

    private static Assembly Load(Compilation output)
    {
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext("broken-model", isCollectible: true).LoadFromStream(image);
    }
}
