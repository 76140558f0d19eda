using MlDsl.Data;
using MlDsl.Examples.Mnist;

namespace MlDsl.Tests;

/// <summary>Bad rows are refused with the row type, member, row index and what was expected; never a native crash.</summary>
public sealed class RowDataTests
{
    private static Digit Blank(int value) => new() { Pixels = new float[784], Value = value };

    [Fact]
    public void A_feature_of_the_wrong_length_names_the_row_and_both_lengths()
    {
        var rows = new[] { Blank(1), Blank(2) with { Pixels = new float[100] } };
        using var model = new DigitCnn(seed: 1);

        var error = Assert.Throws<RowDataException>(() => model.Predict(rows));

        Assert.Equal("Digit row 1: Pixels should be 784 floats, shape (1, 28, 28) but is 100 values", error.Message);
    }

    [Fact]
    public void A_label_outside_the_classes_is_refused()
    {
        var rows = new[] { Blank(3), Blank(3), Blank(10) };
        using var model = new DigitCnn(seed: 1);

        var error = Assert.Throws<RowDataException>(() => model.Fit(rows));

        // The generated ReadLabel names the member; collation adds the row.
        Assert.Equal("Digit row 2: Value should be a class index in [0, 9] (labels are 0-based) but is 10", error.Message);
    }

    [Fact]
    public void Collation_writes_rows_in_order_into_one_batch_tensor()
    {
        var rows = SyntheticData.Points(5, seed: 9);

        (var features, var labels) = BatchCollator.Collate(rows, start: 1, count: 3);
        using var _ = features;
        using var __ = labels;

        Assert.Equal(new long[] { 3, 4 }, features.shape);
        Assert.Equal(new[] { rows[2].X, rows[2].Y, rows[2].Extra[0], rows[2].Extra[1] }, features[1].data<float>().ToArray());
        Assert.Equal(rows.Skip(1).Take(3).Select(row => (long)row.Cluster), labels.data<long>().ToArray());
    }

    [Fact]
    public void Empty_training_data_is_refused_clearly()
    {
        using var model = new DigitCnn(seed: 1);

        var error = Assert.Throws<ArgumentException>(() => model.Fit(Array.Empty<Digit>()));

        Assert.StartsWith("The Digit rows are empty", error.Message);
    }
}
