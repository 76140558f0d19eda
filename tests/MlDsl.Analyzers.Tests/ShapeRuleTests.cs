using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>Each shape rule fires on its buggy model with a precise message, and stays silent on the correct twin.</summary>
public sealed class ShapeRuleTests
{
    [Fact]
    public Task The_correct_model_is_silent() => AnalyzerAsync(Models.Digit + Models.Cnn);

    [Fact]
    public Task Linear_in_features_mismatch_is_reported_with_both_sizes() => AnalyzerAsync(
        Models.CnnWith("[Linear(128), Relu", "[{|#0:Linear(128, InFeatures = 9000)|}, Relu"),
        Diagnostic("MLDSL0001").WithLocation(0).WithMessage("'fc1' (Linear) declares 9000 in features but receives (9216)"));

    [Fact]
    public Task Linear_with_the_right_declared_in_features_is_silent() =>
        AnalyzerAsync(Models.CnnWith("[Linear(128), Relu", "[Linear(128, InFeatures = 9216), Relu"));

    [Fact]
    public Task Conv_in_channels_mismatch_is_reported() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:Conv2d(64, Kernel = 3, InChannels = 3)|}"),
        Diagnostic("MLDSL0001").WithLocation(0).WithMessage("'conv2' (Conv2d) declares 3 in channels but receives (32, 26, 26), which has 32"));

    [Fact]
    public Task Flat_data_into_conv2d_is_the_1d_vs_2d_mistake() => AnalyzerAsync(
        Models.Digit.Replace("Shape(1, 28, 28)", "{|#1:Shape(784)|}") + Models.Cnn.Replace("[Conv2d(32, Kernel = 3)", "[{|#0:Conv2d(32, Kernel = 3)|}"),
        Diagnostic("MLDSL0002").WithLocation(0).WithLocation(1)
            .WithMessage("'conv1' (Conv2d) expects (channels, height, width) but receives (784), a rank-1 tensor; declare the feature's image shape with [Shape(c, h, w)]"));

    [Fact]
    public Task Linear_after_conv_without_flatten_is_reported() => AnalyzerAsync(
        // The second location is the layer the fix puts Flatten after (the Linear keeps its member, so no weight is renamed).
        Models.CnnWith("Dropout(0.25), Flatten]", "{|#1:Dropout(0.25)|}]").Replace("[Linear(128), Relu", "[{|#0:Linear(128)|}, Relu"),
        Diagnostic("MLDSL0003").WithLocation(0).WithLocation(1).WithMessage(
            "'fc1' (Linear) expects a flat (features) tensor but receives (64, 12, 12), a feature map; add [Flatten] before it "
            + "(Linear applies per position only to a sequence (steps, features) made by Embedding, Lstm or Gru with ReturnSequences, TransformerEncoder, PositionalEncoding or Permute)"));

    [Fact]
    public Task Spatial_collapse_names_the_layer_and_the_sizes_step_by_step() => AnalyzerAsync(
        Models.CnnWith("[MaxPool2d(2)", "[{|#0:MaxPool2d(30)|}"),
        Diagnostic("MLDSL0004").WithLocation(0).WithMessage(
            "'pool' (MaxPool2d) with kernel 30, stride 30 turns (64, 24, 24) into (64, 0, 0); shapes so far: (1, 28, 28) -> conv1 (32, 26, 26) -> conv1Relu (32, 26, 26) -> conv2 (64, 24, 24) -> conv2Relu (64, 24, 24)"));

    // A 27-wide kernel on conv1's 26x26 output: padding 1 leaves 2x2 (pooled to 1x1); without it nothing is left.
    [Fact]
    public Task Padding_that_keeps_the_size_positive_is_silent() =>
        AnalyzerAsync(Models.CnnWith("[Conv2d(64, Kernel = 3)", "[Conv2d(64, Kernel = 27, Padding = 1)"));

    [Fact]
    public Task The_same_kernel_without_the_padding_is_a_spatial_collapse() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:Conv2d(64, Kernel = 27)|}"),
        Diagnostic("MLDSL0004").WithLocation(0));

    [Fact]
    public Task Output_size_must_equal_the_class_count() => AnalyzerAsync(
        Models.CnnWith("[Linear(10)]", "[{|#0:Linear(1)|}]"),
        Diagnostic("MLDSL0005").WithLocation(0).WithMessage("The model ends in (1) at 'fc2' but the label has 10 classes; the last layer must produce (10)"));

    [Fact]
    public Task Dropout_probability_outside_zero_one_is_reported() => AnalyzerAsync(
        Models.CnnWith("Dropout(0.5)", "{|#0:Dropout(1.5)|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage("'fc1' (Dropout) has probability 1.5; it must lie in [0, 1)"));
}
