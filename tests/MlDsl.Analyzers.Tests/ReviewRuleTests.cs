using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>Models whose shapes work but that a careful reviewer would still flag.</summary>
public sealed class ReviewRuleTests
{
    private static DiagnosticResult Warning(string id) => new(id, DiagnosticSeverity.Warning);

    [Fact]
    public Task Softmax_before_cross_entropy_is_a_double_softmax() => AnalyzerAsync(
        Models.CnnWith("[Linear(10)]", "[Linear(10), {|#0:Softmax|}]"),
        Warning("MLDSL0014").WithLocation(0).WithMessage(
            "'fc2' applies Softmax to the output of 'fc2', but training uses cross-entropy, which applies log-softmax to raw logits itself; remove it"));

    [Fact]
    public Task Sigmoid_on_the_output_is_flagged_too() => AnalyzerAsync(
        Models.CnnWith("[Linear(10)] Layer fc2;", "[Linear(10)] Layer fc2;\n    [{|#0:Sigmoid|}] Layer squash;"),
        Warning("MLDSL0014").WithLocation(0));

    [Fact]
    public Task Sigmoid_on_a_multi_label_output_is_a_double_sigmoid() => AnalyzerAsync(
        Models.CnnWith("[Linear(10)]", "[Linear(10), {|#0:Sigmoid|}]").Replace("[Label(Classes = 10)] public required int Value", "[Label(Classes = 10)] public required int[] Value"),
        Warning("MLDSL0014").WithLocation(0).WithMessage(
            "'fc2' applies Sigmoid to the output of 'fc2', but training uses binary cross-entropy on raw logits (it applies the sigmoid itself); remove it"));

    [Fact]
    public Task Sigmoid_inside_the_network_is_fine() =>
        AnalyzerAsync(Models.CnnWith("[Linear(128), Relu, Dropout(0.5)]", "[Linear(128), Sigmoid, Dropout(0.5)]"));

    [Fact]
    public Task Dropout_after_the_output_layer_is_flagged() => AnalyzerAsync(
        Models.CnnWith("[Linear(10)]", "[Linear(10), {|#0:Dropout(0.2)|}]"),
        Warning("MLDSL0013").WithLocation(0).WithMessage("'fc2' applies Dropout after the output layer 'fc2'; the loss should see the output layer's logits unchanged"));

    [Fact]
    public Task Layers_split_across_partial_declarations_have_no_defined_order() => AnalyzerAsync(
        Models.CnnWith("public sealed partial class DigitCnn", "public sealed partial class {|#0:DigitCnn|}")
            .Replace("    [Linear(10)] Layer fc2;\n}", "}\n\npublic sealed partial class DigitCnn\n{\n    [Linear(10)] Layer fc2;\n}"),
        Warning("MLDSL0015").WithLocation(0).WithMessage(
            "Model 'DigitCnn' declares layer members in 2 partial declarations; their order, and so the network, is undefined: declare all layers in one"));

    [Fact]
    public Task A_second_partial_without_layers_is_fine() =>
        AnalyzerAsync(Models.Digit + Models.Cnn + "\npublic sealed partial class DigitCnn { public int Epochs => 3; }\n");
}
