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

    public static string Format(string modelName, string inputDescription, IReadOnlyList<ResolvedLayer> layers)
    {
        int width = LayerWidth + ShapeWidth + ParameterWidth;
        var text = new StringBuilder();
        text.Append("Model: ").Append(modelName).Append('\n');
        text.Append("Input: ").Append(inputDescription).Append('\n');
        text.Append(new string('_', width)).Append('\n');
        text.Append(Row("Layer (type)", "Output Shape", "Param #"));
        text.Append(new string('=', width)).Append('\n');
        foreach (ResolvedLayer layer in layers)
            text.Append(Row($"{layer.Spec.FieldName} ({layer.TorchSharpType})", layer.Output.ToBatchedString(), Count(layer.Parameters)));
        text.Append(new string('=', width)).Append('\n');
        long total = layers.Sum(layer => layer.Parameters);
        text.Append("Total params: ").Append(Count(total)).Append('\n');
        text.Append("Trainable params: ").Append(Count(total)).Append('\n');
        return text.ToString();
    }

    private static string Row(string layer, string shape, string parameters) =>
        layer.PadRight(LayerWidth - 1) + " " + shape.PadRight(ShapeWidth) + parameters.PadLeft(ParameterWidth) + "\n";

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
