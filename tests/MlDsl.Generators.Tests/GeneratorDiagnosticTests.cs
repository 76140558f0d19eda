using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Models;
using MlDsl.Generators.Tests.Infrastructure;

namespace MlDsl.Generators.Tests;

/// <summary>
/// A model the generator cannot build gets no generated code (never broken code) and no generator
/// diagnostic: the analyzers report the reason while the user types (see MlDsl.Analyzers.Tests).
/// </summary>
public sealed class GeneratorDiagnosticTests
{
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
    public void A_broken_model_gets_no_generated_code_and_its_spec_holds_the_reason(string original, string broken, string expectedId)
    {
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(Sources.Digit, Sources.DigitCnn.Replace(original, broken));

        Assert.Empty(result.Diagnostics);
        Assert.DoesNotContain(result.Results.Single().GeneratedSources, source => source.HintName.Contains("DigitCnn"));
        Assert.Contains(result.Results.Single().GeneratedSources, source => source.HintName.Contains("Digit.Dataset"));
        var model = (ModelSpec)result.Results.Single().TrackedSteps[TrackingNames.Models].Single().Outputs.Single().Value;
        Assert.Equal(expectedId, model.Diagnostics.Single().DescriptorId);
    }

    [Fact]
    public void A_model_with_only_review_warnings_is_still_generated()
    {
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(Sources.Digit, Sources.DigitCnn.Replace("[Linear(10)]", "[Linear(10), Softmax]"));

        string model = GeneratorHarness.GeneratedSource(result, "DigitCnn.Model.g.cs");
        Assert.Contains("fc2Softmax = Softmax(dim: 1);", model);
    }

    [Fact]
    public void A_dataset_without_label_gets_no_collation_code_and_its_model_none_either()
    {
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(Sources.Digit.Replace("[Label(Classes = 10)] ", ""), Sources.DigitCnn);

        Assert.Empty(result.Diagnostics);
        Assert.DoesNotContain(result.Results.Single().GeneratedSources, source => source.HintName.Contains("Digit"));
    }
}
