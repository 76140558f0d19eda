using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>ConvTranspose2d's output padding and collapse, and global max pooling's rank, each beside a silent look-alike. conv2 receives (32, 26, 26).</summary>
public sealed class UpsamplingRuleTests
{
    [Fact]
    public Task An_output_padding_as_large_as_the_stride_is_reported_with_both() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:ConvTranspose2d(64, Kernel = 3, Stride = 2, OutputPadding = 2)|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'conv2' (ConvTranspose2d) has output padding 2, but PyTorch needs it smaller than the stride (2) or the dilation (1)"));

    [Fact]
    public Task An_output_padding_below_the_stride_is_silent() =>
        AnalyzerAsync(Models.CnnWith("[Conv2d(64, Kernel = 3)", "[ConvTranspose2d(64, Kernel = 3, Stride = 2, OutputPadding = 1)"));

    [Fact]
    public Task Padding_that_trims_the_whole_output_is_a_spatial_collapse() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:ConvTranspose2d(64, Kernel = 1, Padding = 14)|}"),
        Diagnostic("MLDSL0004").WithLocation(0).WithMessage(
            "'conv2' (ConvTranspose2d) with kernel 1, stride 1, padding 14 turns (32, 26, 26) into (64, -2, -2): padding 14 trims 28 rows and columns off an output of (26, 26)"
            + "; shapes so far: (1, 28, 28) -> conv1 (32, 26, 26) -> conv1Relu (32, 26, 26)"));

    [Fact]
    public Task Declared_in_channels_of_a_transposed_convolution_are_checked() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:ConvTranspose2d(64, Kernel = 3, InChannels = 16)|}"),
        Diagnostic("MLDSL0001").WithLocation(0).WithMessage("'conv2' (ConvTranspose2d) declares 16 in channels but receives (32, 26, 26), which has 32"));

    [Fact]
    public Task Global_max_pooling_over_a_signal_fed_a_map_is_the_rank_mistake() => AnalyzerAsync(
        Models.CnnWith("[MaxPool2d(2), Dropout(0.25), Flatten]", "[{|#0:GlobalMaxPool1d|}]"),
        Diagnostic("MLDSL0002").WithLocation(0));

    [Fact]
    public Task Global_max_pooling_over_a_map_is_silent_and_needs_no_flatten() =>
        AnalyzerAsync(Models.CnnWith("[MaxPool2d(2), Dropout(0.25), Flatten]", "[GlobalMaxPool2d]"));
}
