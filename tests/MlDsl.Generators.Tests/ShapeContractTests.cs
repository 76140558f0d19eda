using MlDsl.Shapes;

namespace MlDsl.Generators.Tests;

/// <summary>The shape language of [UserModule] contracts: sizes as integer expressions of the input's sizes.</summary>
public sealed class ShapeContractTests
{
    [Theory]
    [InlineData("c * 4, h / 2, w / 2", new[] { 8, 16, 15 }, new[] { 32, 8, 7 })]
    [InlineData("(c + 1) * 2, h - 2, 10", new[] { 3, 16, 16 }, new[] { 8, 14, 10 })]
    [InlineData("d0, d1 * d2", new[] { 3, 4, 5 }, new[] { 3, 20 })]
    [InlineData("f / 2", new[] { 9 }, new[] { 4 })]
    [InlineData("c, l", new[] { 2, 100 }, new[] { 2, 100 })]
    public void A_contract_evaluates_on_the_input_sizes_with_integer_arithmetic(string contract, int[] input, int[] expected)
    {
        bool ok = ShapeContract.Evaluate(contract, TensorShape.Of(input), out IReadOnlyList<int>? sizes, out string? error);

        Assert.True(ok, error);
        Assert.Equal(expected, sizes);
    }

    [Theory]
    [InlineData("c, q, w", "'q' names no size of the input (8, 16, 16) (use c, h, w or d0, d1, d2)")]
    [InlineData("c +", "a size is missing")]
    [InlineData("c / (h - 16)", "division by zero")]
    [InlineData("(c, h", "a ')' is missing")]
    [InlineData("c, , w", "a size is missing")]
    [InlineData("d3", "'d3' names no size of the input (8, 16, 16) (use c, h, w or d0, d1, d2)")]
    public void A_contract_that_cannot_be_evaluated_says_why(string contract, string expected)
    {
        bool ok = ShapeContract.Evaluate(contract, TensorShape.Of(8, 16, 16), out _, out string? error);

        Assert.False(ok);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void An_input_contract_of_another_rank_is_refused()
    {
        Assert.False(ShapeContract.Evaluate("c, h, w", TensorShape.Of(784), out _, out string? error, requireRank: true));
        Assert.StartsWith("rank", error);
    }
}
