using MlDsl.Data;
using MlDsl.Tests.Layers;

namespace MlDsl.Tests.Data;

/// <summary>
/// The finite-feature check every prediction runs (ONNX Runtime's single row included) looks at a vector of features
/// at a time: a bad value anywhere in a long row is still found and named, and extreme finite values still pass.
/// </summary>
public sealed class FiniteFeaturesTests
{
    private static Tile Row(Func<int, float> pixel) => new() { Pixels = Enumerable.Range(0, 432).Select(pixel).ToArray(), Kind = 0 };

    [Theory]
    [InlineData(0, float.NaN)]
    [InlineData(17, float.PositiveInfinity)]
    [InlineData(215, float.NegativeInfinity)]
    [InlineData(431, float.NaN)]
    public void A_non_finite_pixel_anywhere_in_a_long_row_is_refused_by_name(int position, float bad)
    {
        Tile row = Row(i => i == position ? bad : i * 0.01f);

        var error = Assert.Throws<RowDataException>(() => BatchCollator.WriteCheckedFeatures(row, 3, new float[432]));

        Assert.Equal((3, $"Pixels[{position}]"), (error.RowIndex, error.Member));
    }

    [Fact]
    public void Extreme_finite_values_pass_and_are_written_unchanged()
    {
        // Large values whose sum or square would overflow, the smallest subnormal, and negative zero are all finite.
        float[] extremes = [float.MaxValue, float.MinValue, float.Epsilon, -float.Epsilon, -0f, 1e30f, -1e30f];
        Tile row = Row(i => extremes[i % extremes.Length]);
        var written = new float[432];

        BatchCollator.WriteCheckedFeatures(row, 0, written);

        Assert.Equal(row.Pixels, written);
    }
}
