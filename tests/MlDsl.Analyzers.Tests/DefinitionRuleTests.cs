using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>Malformed datasets and models are reported at the declaration at fault.</summary>
public sealed class DefinitionRuleTests
{
    [Fact]
    public Task A_model_over_a_plain_class_is_reported() => AnalyzerAsync(
        "using MlDsl;\n" + Models.Cnn.Replace("[Model(typeof(Digit))]", "[{|#0:Model(typeof(Plain))|}]") + "\npublic sealed class Plain { }\n",
        Diagnostic("MLDSL0007").WithLocation(0).WithMessage("Model 'DigitCnn' names 'Plain' as its dataset, but 'Plain' has no [Dataset] attribute"));

    [Fact]
    public Task A_dataset_without_a_label_is_reported_once() => AnalyzerAsync(
        Models.Digit.Replace("public sealed partial record Digit", "public sealed partial record {|#0:Digit|}").Replace("[Label(Classes = 10)] ", "") + Models.Cnn,
        Diagnostic("MLDSL0008").WithLocation(0).WithMessage("Dataset 'Digit' has no [Label(Classes = n)] member"));

    [Fact]
    public Task A_label_with_one_class_is_reported() => AnalyzerAsync(
        Models.Digit.Replace("public required int Value", "public required int {|#0:Value|}").Replace("Classes = 10", "Classes = 1"),
        Diagnostic("MLDSL0008").WithLocation(0).WithMessage("Dataset 'Digit' declares class label 'Value' with Classes = 1; set Classes to the number of classes (at least 2)"));

    [Fact]
    public Task A_regression_label_with_classes_is_reported() => AnalyzerAsync(
        Models.Digit.Replace("[Label(Classes = 10)] public required int Value", "[Label(Classes = 10)] public required float {|#0:Value|}"),
        Diagnostic("MLDSL0008").WithLocation(0).WithMessage("Dataset 'Digit' declares regression label 'Value' (float) with Classes or Names; a number to predict has neither"));

    [Fact]
    public Task A_multi_label_set_of_a_type_that_is_no_label_is_reported() => AnalyzerAsync(
        Models.Digit.Replace("[Label(Classes = 10)] public required int Value", "[Label(Classes = 10)] public required long[] {|#0:Value|}"),
        Diagnostic("MLDSL0008").WithLocation(0).WithMessage("Dataset 'Digit' declares label 'Value' of type long[]; a label is an int class index or a string with Names, " +
            "an int[] of label indices or a string[] with Names (multi-label), or a float or double (regression)"));

    [Fact]
    public Task A_regression_model_must_end_in_one_value() => AnalyzerAsync(
        Models.CnnWith("[Linear(10)]", "[{|#0:Linear(10)|}]").Replace("[Label(Classes = 10)] public required int Value", "[Label] public required float Value"),
        Diagnostic("MLDSL0005").WithLocation(0).WithMessage("The model ends in (10) at 'fc2' but the label has 1 value to predict; the last layer must produce (1)"));

    [Theory]
    [InlineData("[Label] public required double Value", "[Linear(1)]")] // regression: one value
    [InlineData("[Label(Classes = 10)] public required int[] Value", "[Linear(10)]")] // multi-label indices: one logit per label
    [InlineData("[Label(Names = new[] { \"even\", \"large\", \"prime\" })] public required string[] Value", "[Linear(3)]")] // multi-label names
    public Task Correct_regression_and_multi_label_models_are_silent(string label, string lastLayer)
    {
        string source = Models.CnnWith("[Linear(10)]", lastLayer).Replace("[Label(Classes = 10)] public required int Value", label);
        Assert.Contains(label, source); // the analysed model really has the label under test
        return AnalyzerAsync(source);
    }

    [Fact]
    public Task A_multi_label_model_must_end_in_one_value_per_label() => AnalyzerAsync(
        Models.CnnWith("[Linear(10)]", "[{|#0:Linear(10)|}]").Replace("[Label(Classes = 10)] public required int Value",
            "[Label(Names = new[] { \"even\", \"large\", \"prime\" })] public required string[] Value"),
        Diagnostic("MLDSL0005").WithLocation(0).WithMessage("The model ends in (10) at 'fc2' but the label has 3 labels; the last layer must produce (3)"));

    [Fact]
    public Task A_float_array_without_shape_is_reported() => AnalyzerAsync(
        Models.Digit.Replace(", Shape(1, 28, 28)] public required float[] Pixels", "] public required float[] {|#0:Pixels|}"),
        Diagnostic("MLDSL0009").WithLocation(0).WithMessage(
            "Feature 'Digit.Pixels' is a float array without a valid [Shape]; declare one with positive sizes, e.g. [Shape(784)] or [Shape(1, 28, 28)]"));

    [Fact]
    public Task A_string_feature_is_reported() => AnalyzerAsync(
        Models.Digit.Replace("[Label(Classes = 10)]", "[Feature] public string? {|#0:Name|} { get; init; }\n    [Label(Classes = 10)]"),
        Diagnostic("MLDSL0009").WithLocation(0));

    [Fact]
    public Task A_layer_on_a_property_is_reported() => AnalyzerAsync(
        Models.CnnWith("[Linear(10)] Layer fc2;", "[Linear(10)] Layer {|#0:fc2|} { get; set; } = null!;"),
        Diagnostic("MLDSL0010").WithLocation(0));

    [Fact]
    public Task A_model_without_layers_is_reported() => AnalyzerAsync(
        Models.Digit + "[Model(typeof(Digit))]\npublic sealed partial class {|#0:Empty|} { }\n",
        Diagnostic("MLDSL0011").WithLocation(0).WithMessage("Model 'Empty' declares no layer members"));

    [Fact]
    public Task An_unknown_layer_attribute_is_reported() => AnalyzerAsync(
        Models.CnnWith("[Linear(10)]", "[Linear(10), {|#0:Mystery|}]") + "\npublic sealed class MysteryAttribute : MlDsl.LayerAttribute { }\n",
        Diagnostic("MLDSL0012").WithLocation(0).WithMessage("'MysteryAttribute' on member 'fc2' is a layer attribute MlDsl does not know"));

    [Fact]
    public Task Code_without_mldsl_attributes_is_never_analyzed() =>
        AnalyzerAsync("public sealed class Plain { public int Value; }\n");

    [Fact]
    public Task A_member_named_like_a_layers_generated_field_is_reported_on_that_layer() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(32, Kernel = 3), Relu] Layer conv1;\n    [Conv2d(64, Kernel = 3), Relu] Layer conv2;",
            "[Conv2d(32, Kernel = 3), {|#0:Relu|}] Layer conv1;\n    [Conv2d(64, Kernel = 3), Relu] Layer conv1Relu;"),
        Diagnostic("MLDSL0042").WithLocation(0).WithMessage(
            "'conv1' (Relu) becomes the generated field 'conv1Relu', a name member 'conv1Relu' of DigitCnn already takes; rename one of them"));

    [Fact]
    public Task Members_whose_names_only_resemble_generated_fields_are_silent() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3), Relu] Layer conv2;", "[Conv2d(64, Kernel = 3), Relu] Layer conv1Relu2;"));
}
