using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace MlDsl.Shapes;

/// <summary>Formats a Keras-style summary (layer, output shape, parameters); the generator bakes it into the model.</summary>
public static class SummaryTable
{
    private const int LayerWidth = 30;
    private const int ShapeWidth = 22;
    private const int ParameterWidth = 12;

    public static string Format(string modelName, string inputDescription, IReadOnlyList<ResolvedLayer> layers) =>
        Format(modelName, inputDescription,
            layers.Select(layer => new SummaryRow(layer.Spec.FieldName, layer.TorchSharpType, layer.Output, layer.Parameters)).ToList(),
            layers.Sum(layer => layer.Parameters));

    /// <param name="rows">Every row in forward order; a block's row (its total) comes before its layers' rows.</param>
    /// <param name="total">Trainable parameters of the whole model (a block's row is not counted again).</param>
    public static string Format(string modelName, string inputDescription, IReadOnlyList<SummaryRow> rows, long total)
    {
        int width = LayerWidth + ShapeWidth + ParameterWidth;
        var text = new StringBuilder();
        text.Append("Model: ").Append(modelName).Append('\n');
        text.Append("Input: ").Append(inputDescription).Append('\n');
        text.Append(new string('_', width)).Append('\n');
        text.Append(Row("Layer (type)", "Output Shape", "Param #"));
        text.Append(new string('=', width)).Append('\n');
        foreach (SummaryRow row in rows)
            text.Append(Row($"{row.Name} ({row.Type})", row.Output.ToBatchedString(), Count(row.Parameters)));
        text.Append(new string('=', width)).Append('\n');
        text.Append("Total params: ").Append(Count(total)).Append('\n');
        text.Append("Trainable params: ").Append(Count(total)).Append('\n');
        return text.ToString();
    }

    private static string Row(string layer, string shape, string parameters) =>
        layer.PadRight(LayerWidth - 1) + " " + shape.PadRight(ShapeWidth) + parameters.PadLeft(ParameterWidth) + "\n";

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>One row of a summary: a layer, or a block with its parameters in total.</summary>
/// <param name="Name">The registered path (<c>stage1.conv</c>).</param>
public sealed record SummaryRow(string Name, string Type, TensorShape Output, long Parameters);
