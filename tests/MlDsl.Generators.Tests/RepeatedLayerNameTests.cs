using Microsoft.CodeAnalysis;
using MlDsl.Generators.Tests.Infrastructure;

namespace MlDsl.Generators.Tests;

/// <summary>
/// A member may stack a layer kind more than once (<c>[Conv2d, Relu, Conv2d, Relu]</c>): every layer still gets
/// its own field and state_dict name, numbered as Keras numbers repeats, and a stack without repeats keeps the
/// names its saved weights were written under.
/// </summary>
public sealed class RepeatedLayerNameTests
{
    private const string StemNet = """
        using MlDsl;

        namespace Samples;

        [Model(typeof(Digit))]
        public sealed partial class StemNet
        {
            [Conv2d(8, Kernel = 3), Relu, Conv2d(8, Kernel = 3), Relu] Layer stem;
            [MaxPool2d(2), Flatten] Layer pool;
            [Linear(10)] Layer head;
        }
        """;

    /// <summary>Three of a kind after the first layer, two Dropouts, in a dense stack.</summary>
    private const string DeepHead = """
        using MlDsl;

        namespace Samples;

        [Model(typeof(Digit))]
        public sealed partial class DeepHead
        {
            [Flatten, Linear(32), Relu, Dropout(0.1), Linear(32), Relu, Dropout(0.1), Linear(32), Relu] Layer body;
            [Linear(10)] Layer head;
        }
        """;

    /// <summary>A block whose member repeats Conv1d and Relu, used twice by a model.</summary>
    private const string PulseBlocks = """
        using MlDsl;

        namespace Samples;

        [Dataset]
        public sealed partial record Pulse
        {
            [Feature, Shape(1, 64)] public required float[] Signal { get; init; }
            [Label(Classes = 3)] public required int Kind { get; init; }
        }

        [Block]
        public sealed partial class DoubleConv
        {
            [Conv1d(4, Kernel = 3, Padding = 1), Relu, Conv1d(4, Kernel = 3, Padding = 1), Relu] Layer conv;
        }

        [Model(typeof(Pulse))]
        public sealed partial class PulseNet
        {
            DoubleConv first;
            DoubleConv second;
            [GlobalAvgPool1d, Linear(3)] Layer head;
        }
        """;

    /// <summary>Conv2d first, then Relu and Conv2d once each: nothing repeats among the stacked layers.</summary>
    private const string PlainStem = """
        using MlDsl;

        namespace Samples;

        [Model(typeof(Digit))]
        public sealed partial class PlainStem
        {
            [Conv2d(8, Kernel = 3), Relu, Conv2d(8, Kernel = 3)] Layer stem;
            [Flatten, Linear(10)] Layer head;
        }
        """;

    [Fact]
    public void Two_convolutions_and_two_relus_on_one_member_get_distinct_fields_and_compile()
    {
        string model = AssertCompiles("StemNet.Model.g.cs", Sources.Digit, StemNet);

        Assert.Equal(new[] { "stemRelu", "stemConv2d", "stemRelu_1", "poolFlatten" }, StackedFields(model));
        Assert.Contains("stem = Conv2d(1, 8, kernel_size: 3);", model);
        Assert.Contains("stemConv2d = Conv2d(8, 8, kernel_size: 3);", model);
        Assert.Contains("using var stemRelu_1Output = stemRelu_1.forward(stemConv2dOutput);", model);
        // The PyTorch twin registers the same names, so its state_dict keys are the TorchSharp ones.
        Assert.Contains("self.stemRelu_1 = nn.ReLU()", model.Replace("\\\"", "\""));
    }

    [Fact]
    public void A_kind_repeated_three_times_is_numbered_from_one()
    {
        string model = AssertCompiles("DeepHead.Model.g.cs", Sources.Digit, DeepHead);

        Assert.Equal(new[] { "bodyLinear", "bodyRelu", "bodyDropout", "bodyLinear_1", "bodyRelu_1", "bodyDropout_1", "bodyLinear_2", "bodyRelu_2" }, StackedFields(model));
    }

    [Fact]
    public void A_block_member_that_repeats_a_kind_gets_distinct_fields()
    {
        string block = AssertCompiles("DoubleConv.Block.g.cs", PulseBlocks);

        Assert.Equal(new[] { "convRelu", "convConv1d", "convRelu_1" }, StackedFields(block));
    }

    [Fact]
    public void A_stack_without_repeats_keeps_its_unnumbered_names()
    {
        string model = AssertCompiles("PlainStem.Model.g.cs", Sources.Digit, PlainStem);

        Assert.Equal(new[] { "stemRelu", "stemConv2d", "headLinear" }, StackedFields(model));
    }

    private static string AssertCompiles(string hintName, params string[] sources)
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(sources);
        Assert.Empty(result.Diagnostics);
        Diagnostic[] problems = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems.Select(problem => problem.ToString())));
        return GeneratorHarness.GeneratedSource(result, hintName);
    }

    /// <summary>The generated fields for the layers stacked after each member's first, in declaration order.</summary>
    private static string[] StackedFields(string source) =>
        source.Split('\n').Select(line => line.Trim())
            .Where(line => line.StartsWith("private readonly Module<Tensor, Tensor> ", StringComparison.Ordinal))
            .Select(line => line["private readonly Module<Tensor, Tensor> ".Length..].TrimEnd(';'))
            .ToArray();
}
