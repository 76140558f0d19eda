using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Conv2d's groups, dilation, non-square windows and padding "same", and Conv1d's groups: each mistake with both
/// numbers in its message, beside a look-alike that must stay silent. conv2 receives (32, 26, 26).
/// </summary>
public sealed class ConvWindowRuleTests
{
    private const string SoFar = "; shapes so far: (1, 28, 28) -> conv1 (32, 26, 26) -> conv1Relu (32, 26, 26)";

    [Fact]
    public Task Groups_that_divide_neither_channel_count_name_both() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:Conv2d(64, Kernel = 3, Groups = 3)|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'conv2' (Conv2d) splits its channels into 3 groups, but its 32 in channels (from (32, 26, 26)) and its 64 out channels are not divisible by 3; PyTorch refuses it"));

    [Fact]
    public Task Groups_that_divide_the_in_channels_only_name_the_out_channels() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:Conv2d(48, Kernel = 3, Groups = 32)|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'conv2' (Conv2d) splits its channels into 32 groups, but its 48 out channels are not divisible by 32; PyTorch refuses it"));

    [Fact]
    public Task Groups_that_divide_both_are_silent() =>
        AnalyzerAsync(Models.CnnWith("[Conv2d(64, Kernel = 3)", "[Conv2d(64, Kernel = 3, Groups = 32)"));

    [Fact]
    public Task A_dilated_kernel_reaching_past_the_input_is_a_spatial_collapse() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:Conv2d(64, Kernel = 3, Dilation = 13)|}"),
        Diagnostic("MLDSL0004").WithLocation(0).WithMessage(
            "'conv2' (Conv2d) with kernel 3, stride 1, padding 0, dilation 13 turns (32, 26, 26) into (64, 0, 0): the kernel reaches 27 × 27 pixels, more than the padded input's 26 × 26" + SoFar));

    [Fact]
    public Task A_dilated_kernel_along_one_axis_names_that_axis() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:Conv2d(64, Kernel = 3, Dilation = new[] { 1, 13 })|}"),
        Diagnostic("MLDSL0004").WithLocation(0).WithMessage(
            "'conv2' (Conv2d) with kernel 3, stride 1, padding 0, dilation (1, 13) turns (32, 26, 26) into (64, 24, 0): the kernel reaches 3 × 27 pixels, more than the padded input's 26 × 26" + SoFar));

    [Fact]
    public Task A_dilated_kernel_that_still_fits_is_silent() =>
        AnalyzerAsync(Models.CnnWith("[Conv2d(64, Kernel = 3)", "[Conv2d(64, Kernel = 3, Dilation = 12)"));

    [Fact]
    public Task Same_padding_with_a_stride_is_reported() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:Conv2d(64, Kernel = 3, Stride = 2, Padding = \"same\")|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'conv2' (Conv2d) has Padding = \"same\" with stride 2; PyTorch pads to the same size only at stride 1: give Stride = 1, or a number for Padding"));

    [Fact]
    public Task Same_padding_at_stride_one_is_silent() =>
        AnalyzerAsync(Models.CnnWith("[Conv2d(64, Kernel = 3)", "[Conv2d(64, Kernel = 3, Padding = \"same\")"));

    [Fact]
    public Task A_padding_word_other_than_same_or_valid_is_reported() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:Conv2d(64, Kernel = 3, Padding = \"full\")|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'conv2' (Conv2d): Padding takes a number, new[] { height, width }, \"same\" or \"valid\"; got \"full\""));

    [Fact]
    public Task A_kernel_of_three_sizes_is_reported() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:Conv2d(64, Kernel = new[] { 3, 3, 3 })|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'conv2' (Conv2d): Kernel takes one number for both axes or two, new[] { height, width }; got new[] { 3, 3, 3 }"));

    [Fact]
    public Task A_fractional_stride_is_reported() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:Conv2d(64, Kernel = 3, Stride = 1.5)|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'conv2' (Conv2d): Stride takes one number for both axes or two, new[] { height, width }; got 1.5"));

    [Fact]
    public Task A_non_square_kernel_stride_and_padding_are_silent() =>
        AnalyzerAsync(Models.CnnWith("[Conv2d(64, Kernel = 3)", "[Conv2d(64, Kernel = new[] { 3, 1 }, Stride = new[] { 1, 2 }, Padding = new[] { 0, 1 })"));

    [Fact]
    public Task A_non_square_pool_collapsing_one_axis_is_reported_with_its_window() => AnalyzerAsync(
        Models.CnnWith("[MaxPool2d(2)", "[{|#0:MaxPool2d(new[] { 2, 30 })|}"),
        Diagnostic("MLDSL0004").WithLocation(0).WithMessage(
            "'pool' (MaxPool2d) with kernel (2, 30), stride (2, 30) turns (64, 24, 24) into (64, 12, 0)"
            + "; shapes so far: (1, 28, 28) -> conv1 (32, 26, 26) -> conv1Relu (32, 26, 26) -> conv2 (64, 24, 24) -> conv2Relu (64, 24, 24)"));

    [Fact]
    public Task A_non_square_pool_that_fits_is_silent() =>
        AnalyzerAsync(Models.CnnWith("[MaxPool2d(2)", "[MaxPool2d(new[] { 2, 1 }, Stride = new[] { 2, 1 })"));

    private const string Wave = """
        using MlDsl;

        [Dataset]
        public sealed partial record Wave
        {
            [Feature, Shape(2, 800)] public required float[] Samples { get; init; }
            [Label(Classes = 4)] public required int Word { get; init; }
        }

        [Model(typeof(Wave))]
        public sealed partial class WaveCnn
        {
            [CONV] Layer conv;
            [GlobalAvgPool1d] Layer pool;
            [Linear(4)] Layer head;
        }
        """;

    [Fact]
    public Task Conv1d_groups_that_do_not_divide_the_in_channels_are_reported() => AnalyzerAsync(
        Wave.Replace("CONV", "{|#0:Conv1d(16, Kernel = 3, Groups = 4)|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'conv' (Conv1d) splits its channels into 4 groups, but its 2 in channels (from (2, 800)) are not divisible by 4; PyTorch refuses it"));

    [Fact]
    public Task Conv1d_same_padding_with_a_stride_is_reported() => AnalyzerAsync(
        Wave.Replace("CONV", "{|#0:Conv1d(16, Kernel = 3, Stride = 4, Padding = \"same\")|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'conv' (Conv1d) has Padding = \"same\" with stride 4; PyTorch pads to the same length only at stride 1: give Stride = 1, or a number for Padding"));

    [Fact]
    public Task Conv1d_groups_and_same_padding_that_fit_are_silent() =>
        AnalyzerAsync(Wave.Replace("CONV", "Conv1d(16, Kernel = 4, Groups = 2, Padding = \"same\")"));
}
