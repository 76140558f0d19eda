using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// ConvTranspose2d with one size per axis and Upsample to a fixed size: the shapes they infer reach the next layer's check,
/// and their own argument mistakes are reported. In the CNN conv2 receives (32, 26, 26) and pool receives (64, 24, 24).
/// </summary>
public sealed class PerAxisUpsamplingRuleTests
{
    [Fact]
    public Task A_non_square_transposed_convolution_grows_each_axis_by_its_own_sizes() => AnalyzerAsync(
        // Height (26 − 1)·2 + (3 − 1) + 1 = 53, width (26 − 1)·1 + 0 + 1 = 26; pooled by 2: (64, 26, 13) = 21,632 features.
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[ConvTranspose2d(64, Kernel = new[] { 3, 1 }, Stride = new[] { 2, 1 })")
            .Replace("[Linear(128), Relu", "[{|#0:Linear(128, InFeatures = 9000)|}, Relu"),
        Diagnostic("MLDSL0001").WithLocation(0).WithMessage("'fc1' (Linear) declares 9000 in features but receives (21632)"));

    [Fact]
    public Task An_output_padding_as_large_as_the_stride_along_one_axis_is_reported() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:ConvTranspose2d(64, Kernel = 3, Stride = new[] { 2, 1 }, OutputPadding = new[] { 1, 1 })|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'conv2' (ConvTranspose2d) has output padding 1, but PyTorch needs it smaller than the stride (2, 1) or the dilation (1)"));

    [Fact]
    public Task Two_different_output_paddings_are_reported_as_torchsharps_limit() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:ConvTranspose2d(64, Kernel = 3, Stride = new[] { 2, 1 }, OutputPadding = new[] { 1, 0 })|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'conv2' (ConvTranspose2d) has output padding (1, 0); TorchSharp 0.107 applies one output padding to both axes: give one number (the other sizes may differ per axis)"));

    [Fact]
    public Task One_output_padding_below_both_strides_is_silent() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[ConvTranspose2d(64, Kernel = new[] { 3, 1 }, Stride = new[] { 2, 3 }, OutputPadding = 1)"));

    [Fact]
    public Task Three_sizes_for_a_two_dimensional_kernel_are_reported() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:ConvTranspose2d(64, Kernel = new[] { 3, 3, 3 })|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'conv2' (ConvTranspose2d): Kernel takes one number for both axes or two, new[] { height, width }; got new[] { 3, 3, 3 }"));

    [Fact]
    public Task Upsampling_to_a_size_gives_the_next_layer_that_size() => AnalyzerAsync(
        // (64, 24, 24) resized to (64, 30, 20) and flattened: 38,400 features.
        Models.CnnWith("[MaxPool2d(2), Dropout(0.25), Flatten]", "[Upsample(Size = new[] { 30, 20 }, Mode = \"bilinear\"), Flatten]")
            .Replace("[Linear(128), Relu", "[{|#0:Linear(128, InFeatures = 9000)|}, Relu"),
        Diagnostic("MLDSL0001").WithLocation(0).WithMessage("'fc1' (Linear) declares 9000 in features but receives (38400)"));

    [Fact]
    public Task Upsampling_a_map_to_one_number_is_a_square_and_silent() =>
        AnalyzerAsync(Models.CnnWith("[MaxPool2d(2), Dropout(0.25), Flatten]", "[Upsample(Size = 12), Flatten]"));

    [Fact]
    public Task Three_lengths_for_a_map_are_reported() => AnalyzerAsync(
        Models.CnnWith("[MaxPool2d(2), Dropout(0.25), Flatten]", "[{|#0:Upsample(Size = new[] { 30, 20, 10 })|}, Flatten]"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'pool' (Upsample): Size of a map (64, 24, 24) is one number for both axes or new[] { height, width }; got new[] { 30, 20, 10 }"));

    [Fact]
    public Task A_scale_factor_beside_a_size_is_reported() => AnalyzerAsync(
        Models.CnnWith("[MaxPool2d(2), Dropout(0.25), Flatten]", "[{|#0:Upsample(3, Size = 30)|}, Flatten]"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'pool' (Upsample) has both a scale factor (3) and a Size; PyTorch takes one of them: give Size alone"));
}
