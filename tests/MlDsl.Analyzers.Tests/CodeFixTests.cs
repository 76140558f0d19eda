using MlDsl.Analyzers.Tests.Infrastructure;
using MlDsl.CodeFixes;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>Each fix's exact output.</summary>
public sealed class CodeFixTests
{
    [Fact]
    public Task Wrong_in_features_is_replaced_by_the_inferred_number() => CodeFixAsync<InputSizeCodeFix>(
        Models.CnnWith("[Linear(128), Relu", "[{|MLDSL0001:Linear(128, InFeatures = 9000)|}, Relu"),
        Models.CnnWith("[Linear(128), Relu", "[Linear(128, InFeatures = 9216), Relu"));

    [Fact]
    public Task Wrong_in_channels_can_be_removed_and_inferred() => CodeFixAsync<InputSizeCodeFix>(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|MLDSL0001:Conv2d(64, Kernel = 3, InChannels = 3)|}"),
        Models.Digit + Models.Cnn,
        codeActionIndex: 1);

    [Fact]
    public Task Missing_flatten_goes_after_the_previous_layer_so_the_linear_keeps_its_members_name() => CodeFixAsync<InsertFlattenCodeFix>(
        Models.CnnWith("Dropout(0.25), Flatten]", "Dropout(0.25)]").Replace("[Linear(128), Relu", "[{|MLDSL0003:Linear(128)|}, Relu"),
        Models.Digit + Models.Cnn);

    [Fact]
    public Task Missing_flatten_goes_before_a_linear_that_is_not_its_members_first_layer() => CodeFixAsync<InsertFlattenCodeFix>(
        Models.CnnWith("[MaxPool2d(2), Dropout(0.25), Flatten] Layer pool;\n    [Linear(128), Relu, Dropout(0.5)] Layer fc1;",
            "[MaxPool2d(2), Dropout(0.25), {|MLDSL0003:Linear(128)|}, Relu, Dropout(0.5)] Layer pool;"),
        Models.CnnWith("[MaxPool2d(2), Dropout(0.25), Flatten] Layer pool;\n    [Linear(128), Relu, Dropout(0.5)] Layer fc1;",
            "[MaxPool2d(2), Dropout(0.25), Flatten, Linear(128), Relu, Dropout(0.5)] Layer pool;"));

    [Fact]
    public Task Missing_flatten_before_the_first_layer_gets_a_member_of_its_own() => CodeFixAsync<InsertFlattenCodeFix>(
        Models.Digit + "[Model(typeof(Digit))]\npublic sealed partial class Probe\n{\n    [{|MLDSL0003:Linear(64)|}, Relu] Layer flatten;\n    [Linear(10)] Layer fc;\n}\n",
        Models.Digit + "[Model(typeof(Digit))]\npublic sealed partial class Probe\n{\n    [Flatten] Layer flatten2;\n    [Linear(64), Relu] Layer flatten;\n    [Linear(10)] Layer fc;\n}\n");

    [Fact]
    public Task Output_layer_is_resized_to_the_class_count() => CodeFixAsync<OutputSizeCodeFix>(
        Models.CnnWith("[Linear(10)]", "[{|MLDSL0005:Linear(12)|}]"),
        Models.Digit + Models.Cnn);

    [Fact]
    public Task A_regression_output_layer_is_resized_to_one_value() => CodeFixAsync<OutputSizeCodeFix>(
        Models.CnnWith("[Linear(10)]", "[{|MLDSL0005:Linear(10)|}]").Replace("[Label(Classes = 10)] public required int Value", "[Label] public required float Value"),
        Models.CnnWith("[Linear(10)]", "[Linear(1)]").Replace("[Label(Classes = 10)] public required int Value", "[Label] public required float Value"));

    [Fact]
    public Task Softmax_after_the_output_is_removed() => CodeFixAsync<RemoveLayerCodeFix>(
        Models.CnnWith("[Linear(10)]", "[Linear(10), {|MLDSL0014:Softmax|}]"),
        Models.Digit + Models.Cnn);

    [Fact]
    public Task A_member_holding_only_the_removed_layer_goes_with_it() => CodeFixAsync<RemoveLayerCodeFix>(
        Models.CnnWith("[Linear(10)] Layer fc2;", "[Linear(10)] Layer fc2;\n    [{|MLDSL0013:Relu|}] Layer after;"),
        Models.Digit + Models.Cnn);

    [Fact]
    public Task Flat_pixels_get_an_image_shape_in_the_dataset_file() => CodeFixAcrossFilesAsync<ImageShapeCodeFix>(
        new[]
        {
            ("Digit.cs", Models.Digit.Replace("Shape(1, 28, 28)", "Shape(784)")),
            ("DigitCnn.cs", "using MlDsl;\n" + Models.Cnn.Replace("[Conv2d(32, Kernel = 3)", "[{|MLDSL0002:Conv2d(32, Kernel = 3)|}")),
        },
        new[]
        {
            ("Digit.cs", Models.Digit),
            ("DigitCnn.cs", "using MlDsl;\n" + Models.Cnn),
        });
}
