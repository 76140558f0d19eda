using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace MlDsl.Shapes;

/// <summary>Formats a Keras-style summary (layer, output shape, parameters); the generator bakes it into the model.</summary>
public static class SummaryTable
{
    // Keras's widths; a column widens when a nested path (stage1.conv1BatchNorm2d (BatchNorm2d)) or a long
    // shape would otherwise run into the next column.
    private const int MinimumLayerWidth = 30;
    private const int MinimumShapeWidth = 22;
    private const int ParameterWidth = 12;

    public static string Format(string modelName, string inputDescription, IReadOnlyList<ResolvedLayer> layers) =>
        Format(modelName, inputDescription,
            layers.Select(layer => new SummaryRow(layer.Spec.FieldName, layer.TorchSharpType, layer.Output, layer.Parameters)).ToList(),
            layers.Sum(layer => layer.Parameters));

    /// <param name="rows">Every row in forward order; a block's row (its total) comes before its layers' rows.</param>
    /// <param name="total">Trainable parameters of the whole model (a block's row is not counted again).</param>
    public static string Format(string modelName, string inputDescription, IReadOnlyList<SummaryRow> rows, long total)
    {
        var cells = rows.Select(row => (Layer: $"{row.Name} ({row.Type})", Shape: row.Output.ToBatchedString(), Parameters: Count(row.Parameters))).ToList();
        int layerWidth = Math.Max(MinimumLayerWidth, cells.Select(cell => cell.Layer.Length + 1).DefaultIfEmpty(0).Max());
        int shapeWidth = Math.Max(MinimumShapeWidth, cells.Select(cell => cell.Shape.Length + 1).DefaultIfEmpty(0).Max());
        int width = layerWidth + shapeWidth + ParameterWidth;
        var text = new StringBuilder();
        text.Append("Model: ").Append(modelName).Append('\n');
        text.Append("Input: ").Append(inputDescription).Append('\n');
        text.Append(new string('_', width)).Append('\n');
        text.Append(Row("Layer (type)", "Output Shape", "Param #", layerWidth, shapeWidth));
        text.Append(new string('=', width)).Append('\n');
        foreach (var cell in cells)
            text.Append(Row(cell.Layer, cell.Shape, cell.Parameters, layerWidth, shapeWidth));
        text.Append(new string('=', width)).Append('\n');
        text.Append("Total params: ").Append(Count(total)).Append('\n');
        text.Append("Trainable params: ").Append(Count(total)).Append('\n');
        return text.ToString();
    }

    private static string Row(string layer, string shape, string parameters, int layerWidth, int shapeWidth) =>
        layer.PadRight(layerWidth - 1) + " " + shape.PadRight(shapeWidth) + parameters.PadLeft(ParameterWidth) + "\n";

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>One row of a summary: a layer, or a block with its parameters in total.</summary>
/// <param name="Name">The registered path (<c>stage1.conv</c>).</param>
public sealed record SummaryRow(string Name, string Type, TensorShape Output, long Parameters);
