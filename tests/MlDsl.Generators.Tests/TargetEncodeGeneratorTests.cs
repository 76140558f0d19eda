using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Models;
using MlDsl.Generators.Tests.Infrastructure;

namespace MlDsl.Generators.Tests;

/// <summary>[TargetEncode] on a [Pipeline]: emitted as a step that reads the category and writes the feature, or MLDSL0041 naming the member at fault.</summary>
public sealed class TargetEncodeGeneratorTests
{
    private const string Shop = """
        using System.Collections.Generic;
        using MlDsl;

        namespace Samples;

        [Dataset]
        public sealed partial record Shop
        {
            [Ignore] public string City { get; init; } = "";
            [Ignore] public string @event { get; init; } = "";
            [Ignore] public int Code { get; init; }
            [Ignore] public float Spare { get; init; }
            [Feature] public float CityEncoded { get; init; }
            [Feature] public double EventEncoded { get; init; }
            [Feature] public int Visits { get; init; }
            [Feature] public float Ratio => Visits / 2f;
            [Label(Classes = 2)] public int Bought { get; init; }
        }

        [Model(typeof(Shop))]
        public sealed partial class ShopNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        """;

    private static string Pipeline(string encodings) => Shop + $$"""
        [Pipeline(typeof(ShopNet))]
        {{encodings}}
        public sealed partial class ShopPipeline
        {
            [Ingest] private static IReadOnlyList<Shop> Load() => new List<Shop>();
        }
        """;

    private static PipelineSpec Spec(GeneratorDriverRunResult result) =>
        (PipelineSpec)result.Results.Single().TrackedSteps[TrackingNames.Pipelines].Single().Outputs.Single().Value;

    [Fact]
    public void Each_attribute_becomes_a_step_reading_the_category_and_writing_the_feature_with_its_options()
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(Pipeline("""
            [TargetEncode(nameof(Shop.City), Into = nameof(Shop.CityEncoded), Smooth = 10, Folds = 3)]
            [TargetEncode("event", Into = nameof(Shop.EventEncoded), Shuffle = true, Seed = 7)]
            """));

        Assert.Empty(Spec(result).Diagnostics);
        string definition = GeneratorHarness.GeneratedSource(result, "ShopPipeline.Pipeline.g.cs");
        Assert.Contains("""CategoricalColumn<global::Samples.Shop>("City", row => row.City, (row, value) => row with { CityEncoded = value }), new global::MlDsl.Data.Encoding.TargetEncoderOptions { Smooth = 10, Folds = 3 })""", definition);
        Assert.Contains("""CategoricalColumn<global::Samples.Shop>("event", row => row.@event, (row, value) => row with { EventEncoded = value }), new global::MlDsl.Data.Encoding.TargetEncoderOptions { Shuffle = true, Seed = 7 })""", definition);
        Assert.True(definition.IndexOf("\"City\"", StringComparison.Ordinal) < definition.IndexOf("\"event\"", StringComparison.Ordinal), "steps keep the attributes' order");
        string[] errors = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(error => error.ToString()).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors));
    }

    [Fact]
    public void A_pipeline_without_the_attribute_sets_no_target_encodings()
    {
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(Pipeline(""));

        Assert.Empty(Spec(result).TargetEncodings);
        Assert.DoesNotContain("TargetEncodings", GeneratorHarness.GeneratedSource(result, "ShopPipeline.Pipeline.g.cs"));
    }

    public static TheoryData<string, string> Mistakes => new()
    {
        { """[TargetEncode("Town", Into = nameof(Shop.CityEncoded))]""", "Shop has no member 'Town' to read the category from" },
        { """[TargetEncode(nameof(Shop.Code), Into = nameof(Shop.CityEncoded))]""", "Shop.Code is of type int; a target encoding reads a string category" },
        { """[TargetEncode(nameof(Shop.City))]""", "[TargetEncode(\"City\")] needs Into = nameof(Shop.SomeFeature)" },
        { """[TargetEncode(nameof(Shop.City), Into = "Missing")]""", "Shop has no member 'Missing' to write the encoding of City into" },
        { """[TargetEncode(nameof(Shop.City), Into = nameof(Shop.Visits))]""", "Shop.Visits is not a float [Feature] (int)" },
        { """[TargetEncode(nameof(Shop.City), Into = nameof(Shop.Spare))]""", "Shop.Spare is not a float [Feature] (not a feature)" },
        { """[TargetEncode(nameof(Shop.City), Into = nameof(Shop.Ratio))]""", "Shop.Ratio cannot be written with `row with { Ratio = value }` (it has no setter or init)" },
        { """[TargetEncode(nameof(Shop.City), Into = nameof(Shop.CityEncoded), Smooth = -1)]""", "Smooth = -1; expected a finite weight of 0 or more" },
        { """[TargetEncode(nameof(Shop.City), Into = nameof(Shop.CityEncoded), Folds = 1)]""", "Folds = 1; the training rows are encoded out of fold" },
        { """[TargetEncode(nameof(Shop.City), Into = nameof(Shop.CityEncoded))] [TargetEncode(nameof(Shop.City), Into = nameof(Shop.EventEncoded))]""", "Shop.City is target-encoded twice" },
        { """[TargetEncode(nameof(Shop.City), Into = nameof(Shop.CityEncoded))] [TargetEncode("event", Into = nameof(Shop.CityEncoded))]""", "Shop.CityEncoded receives two target encodings" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_target_encoding_that_cannot_read_or_write_is_MLDSL0041_and_the_pipeline_throws_naming_it(string encodings, string message)
    {
        string uses = "\npublic static class Entry { public static int Main(string[] args) => Samples.ShopPipeline.RunCommandLine(args); }\n";
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(Pipeline(encodings) + uses);

        AssertOnlyMldsl0041(Spec(result), message);
        Assert.Contains("ShopPipeline was not generated because MLDSL0041", GeneratorHarness.GeneratedSource(result, "ShopPipeline.Pipeline.g.cs"));
        string[] errors = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(error => error.ToString()).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors));
    }

    [Fact]
    public void A_label_with_more_than_two_classes_cannot_be_target_encoded()
    {
        string source = Pipeline("[TargetEncode(nameof(Shop.City), Into = nameof(Shop.CityEncoded))]")
            .Replace("[Label(Classes = 2)]", "[Label(Classes = 3)]").Replace("[Linear(2)] Layer output;", "[Linear(3)] Layer output;");
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(source);

        AssertOnlyMldsl0041(Spec(result), "Shop.Bought is a class label with 3 outputs; target encoding needs a binary class label or a single regression value");
    }

    /// <summary>The spec holds exactly one diagnostic, MLDSL0041, whose message contains <paramref name="message"/>.</summary>
    private static void AssertOnlyMldsl0041(PipelineSpec spec, string message)
    {
        Assert.Equal("MLDSL0041", Assert.Single(spec.Diagnostics).DescriptorId);
        Assert.Contains(message, spec.Diagnostics[0].Describe());
    }
}
