using MlDsl.CodeFixes;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// LayerNorm's declared size (PyTorch's <c>nn.LayerNorm(normalized_shape)</c> with one size, the last axis) is checked against
/// the inferred width as every declared width is (MLDSL0001); the undeclared and the right one stay silent.
/// </summary>
public sealed class LayerNormWidthRuleTests
{
    private const string Review = """
        using MlDsl;

        [Dataset]
        public sealed partial record Review
        {
            [Feature, Shape(60), Vocabulary(5000)] public required int[] Tokens { get; init; }
            [Label(Classes = 2)] public int Positive { get; init; }
        }

        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(5000, 256), NORM] Layer embed;
            [Lstm(64)] Layer lstm;
            [Linear(2)] Layer head;
        }
        """;

    private static string With(string norm) => Review.Replace("NORM", norm);

    [Fact]
    public Task A_declared_size_that_is_not_the_sequence_width_is_a_size_mismatch_naming_both() => AnalyzerAsync(
        With("{|#0:LayerNorm(NormalizedShape = 512)|}"),
        Diagnostic("MLDSL0001").WithLocation(0).WithMessage("'embed' (LayerNorm) declares 512 features in its last axis but receives (60, 256), which has 256"));

    [Fact]
    public Task The_pytorch_constructor_form_is_checked_too() => AnalyzerAsync(
        With("{|#0:LayerNorm(512)|}"),
        Diagnostic("MLDSL0001").WithLocation(0).WithMessage("'embed' (LayerNorm) declares 512 features in its last axis but receives (60, 256), which has 256"));

    [Fact]
    public Task The_declared_sequence_width_is_silent() => AnalyzerAsync(With("LayerNorm(256)"));

    [Fact]
    public Task An_undeclared_size_is_inferred_and_silent() => AnalyzerAsync(With("LayerNorm"));

    [Fact]
    public Task The_step_count_declared_as_the_size_is_still_a_mismatch() => AnalyzerAsync(
        With("{|#0:LayerNorm(NormalizedShape = 60)|}"),
        Diagnostic("MLDSL0001").WithLocation(0).WithMessage("'embed' (LayerNorm) declares 60 features in its last axis but receives (60, 256), which has 256"));

    [Fact]
    public Task A_declared_size_beside_several_axes_is_an_invalid_argument() => AnalyzerAsync(
        With("{|#0:LayerNorm(256, Dimensions = 2)|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'embed' (LayerNorm) declares NormalizedShape = 256, one size (the last axis, PyTorch's LayerNorm(n)), and Dimensions = 2; "
            + "leave NormalizedShape out to normalise several axes (their sizes are inferred)"));

    [Fact]
    public Task A_wrong_declared_size_is_replaced_by_the_inferred_width() => CodeFixAsync<InputSizeCodeFix>(
        With("{|MLDSL0001:LayerNorm(NormalizedShape = 512)|}"),
        With("LayerNorm(NormalizedShape = 256)"));
}
