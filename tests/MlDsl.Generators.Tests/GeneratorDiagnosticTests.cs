using Microsoft.CodeAnalysis;
using MlDsl.Generators.Tests.Infrastructure;

namespace MlDsl.Generators.Tests;

/// <summary>When a model cannot be built the generator says why, at the member, and emits nothing for it.</summary>
public sealed class GeneratorDiagnosticTests
{
    private static (Diagnostic Diagnostic, GeneratorDriverRunResult Result, Compilation Output) RunBroken(string modelSource)
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(Sources.Digit, modelSource);
        return (Assert.Single(result.Diagnostics), result, output);
    }

    // Generator diagnostics carry a file path and span (not a tree), as the build prints them: find the line in our sources.
    private static string LineAt(Diagnostic diagnostic, params string[] sources)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        int file = int.Parse(span.Path.Replace("File", "").Replace(".cs", ""));
        return sources[file].Split('\n')[span.StartLinePosition.Line].Trim();
    }

    [Fact]
    public void Linear_in_features_mismatch_is_reported_with_both_sizes_and_no_model_is_emitted()
    {
        string broken = Sources.DigitCnn.Replace("[Linear(128), Relu", "[Linear(128, InFeatures = 9000), Relu");
        var (diagnostic, result, _) = RunBroken(broken);

        Assert.Equal("MLDSL0001", diagnostic.Id);
        Assert.Equal("'fc1' (Linear) declares 9000 in features but receives (9216)", diagnostic.GetMessage());
        Assert.StartsWith("[Linear(128, InFeatures = 9000)", LineAt(diagnostic, Sources.Digit, broken));
        Assert.DoesNotContain(result.Results.Single().GeneratedSources, source => source.HintName.Contains("DigitCnn"));
    }

    [Fact]
    public void Conv_in_channels_mismatch_names_the_member()
    {
        var (diagnostic, _, _) = RunBroken(Sources.DigitCnn.Replace("[Conv2d(64, Kernel = 3)", "[Conv2d(64, Kernel = 3, InChannels = 16)"));

        Assert.Equal("MLDSL0001", diagnostic.Id);
        Assert.Equal("'conv2' (Conv2d) declares 16 in channels but receives (32, 26, 26), which has 32", diagnostic.GetMessage());
    }

    [Fact]
    public void Flat_data_into_conv2d_is_a_rank_mismatch()
    {
        string flatDigit = Sources.Digit.Replace("Shape(1, 28, 28)", "Shape(784)");
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(flatDigit, Sources.DigitCnn);

        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("MLDSL0002", diagnostic.Id);
        Assert.Contains("receives (784), a rank-1 tensor", diagnostic.GetMessage());
    }

    [Fact]
    public void Linear_after_pooling_without_flatten_asks_for_flatten()
    {
        var (diagnostic, _, _) = RunBroken(Sources.DigitCnn.Replace("Dropout(0.25), Flatten]", "Dropout(0.25)]"));

        Assert.Equal("MLDSL0003", diagnostic.Id);
        Assert.Equal("'fc1' (Linear) expects a flat (features) tensor but receives (64, 12, 12); add [Flatten] before it", diagnostic.GetMessage());
    }

    [Fact]
    public void Kernel_larger_than_the_image_is_a_spatial_collapse()
    {
        var (diagnostic, _, _) = RunBroken(Sources.DigitCnn.Replace("[Conv2d(64, Kernel = 3)", "[Conv2d(64, Kernel = 30)"));

        Assert.Equal("MLDSL0004", diagnostic.Id);
        Assert.Equal("'conv2' (Conv2d) with kernel 30, stride 1, padding 0 turns (32, 26, 26) into (64, -3, -3)", diagnostic.GetMessage());
    }

    [Fact]
    public void Output_size_must_match_the_label_classes()
    {
        var (diagnostic, _, _) = RunBroken(Sources.DigitCnn.Replace("[Linear(10)]", "[Linear(12)]"));

        Assert.Equal("MLDSL0005", diagnostic.Id);
        Assert.Contains("ends in (12) at 'fc2' but the label has 10 classes", diagnostic.GetMessage());
    }

    [Fact]
    public void Dropout_probability_of_one_is_out_of_range()
    {
        var (diagnostic, _, _) = RunBroken(Sources.DigitCnn.Replace("Dropout(0.5)", "Dropout(1.0)"));

        Assert.Equal("MLDSL0006", diagnostic.Id);
        Assert.Contains("probability 1; it must lie in [0, 1)", diagnostic.GetMessage());
    }

    [Fact]
    public void Layer_on_a_property_is_rejected_with_the_member_name()
    {
        var (diagnostic, _, _) = RunBroken(Sources.DigitCnn.Replace("[Linear(10)] Layer fc2;", "[Linear(10)] Layer fc2 { get; set; } = null!;"));

        Assert.Equal("MLDSL0010", diagnostic.Id);
        Assert.Contains("'fc2'", diagnostic.GetMessage());
    }

    [Fact]
    public void Model_over_a_type_that_is_not_a_dataset_is_reported()
    {
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(
            Sources.DigitCnn.Replace("typeof(Digit)", "typeof(Plain)") + "\nnamespace Samples { public sealed class Plain { } }");

        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("MLDSL0007", diagnostic.Id);
        Assert.Equal("Model 'DigitCnn' names 'Plain' as its dataset, but 'Plain' has no [Dataset] attribute", diagnostic.GetMessage());
    }

    [Fact]
    public void Dataset_without_label_is_reported_once_and_nothing_is_emitted()
    {
        string unlabelled = Sources.Digit.Replace("[Label(Classes = 10)] ", "");
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(unlabelled, Sources.DigitCnn);

        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("MLDSL0008", diagnostic.Id);
        Assert.DoesNotContain(result.Results.Single().GeneratedSources, source => source.HintName.Contains("Digit"));
    }

    [Fact]
    public void Float_array_feature_without_shape_is_reported()
    {
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(Sources.Digit.Replace(", Shape(1, 28, 28)", ""));

        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("MLDSL0009", diagnostic.Id);
        Assert.Contains("'Digit.Pixels' is a float array without a valid [Shape]", diagnostic.GetMessage());
    }
}
