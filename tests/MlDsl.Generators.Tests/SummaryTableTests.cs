using MlDsl.Shapes;

namespace MlDsl.Generators.Tests;

/// <summary>The Keras-style summary keeps its columns aligned when a nested block path is longer than Keras's widths.</summary>
public sealed class SummaryTableTests
{
    [Fact]
    public void Long_nested_layer_paths_widen_the_layer_column_instead_of_pushing_the_shape_out_of_line()
    {
        var rows = new[]
        {
            new SummaryRow("stem", "Conv2d", TensorShape.Of(8, 16, 16), 224),
            new SummaryRow("stage2.down.conv1BatchNorm2d", "BatchNorm2d", TensorShape.Of(16, 8, 8), 32),
            new SummaryRow("head", "Linear", TensorShape.Of(4), 1_028),
        };

        string[] lines = SummaryTable.Format("TileResNet", "(3, 16, 16)", rows, 1_284).Split('\n');
        string[] tableRows = lines.Where(line => line.Contains(" (") && line.Contains("(N,")).ToArray();

        Assert.Equal(3, tableRows.Length);
        int[] shapeColumns = tableRows.Select(line => line.IndexOf("(N,", StringComparison.Ordinal)).ToArray();
        Assert.All(shapeColumns, column => Assert.Equal(shapeColumns[0], column));
        Assert.Contains("stage2.down.conv1BatchNorm2d (BatchNorm2d) (N,", tableRows[1]);
        int[] lineEnds = tableRows.Select(line => line.Length).ToArray();
        Assert.All(lineEnds, end => Assert.Equal(lineEnds[0], end)); // parameter counts right-aligned in one column
        Assert.Equal(lineEnds[0], lines.First(line => line.StartsWith('=')).Length);
    }

    [Fact]
    public void Short_names_keep_the_keras_widths()
    {
        var rows = new[] { new SummaryRow("fc", "Linear", TensorShape.Of(10), 90) };
        string table = SummaryTable.Format("Tiny", "(8)", rows, 90);
        Assert.Contains("fc (Linear)".PadRight(29) + " " + "(N, 10)".PadRight(22) + "90".PadLeft(12) + "\n", table);
    }
}
