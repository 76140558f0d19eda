using System.Globalization;
using MlDsl.Serving;

// dotnet run --project examples/ServingApp -- <artifact folder> < rows.csv
// Each input line is one row's features, comma-separated, in the artifact's feature order.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: ServingApp <artifact folder>   (rows as CSV lines on standard input)");
    return 2;
}
try
{
    using OnnxPredictor predictor = OnnxPredictor.Open(args[0]);
    int line = 0;
    while (Console.ReadLine() is { } text)
    {
        line++;
        float[] row;
        try
        {
            row = text.Split(',').Select(value => float.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        }
        catch (FormatException)
        {
            Console.Error.WriteLine($"stdin line {line}: expected {predictor.RowLength} comma-separated numbers");
            return 1;
        }
        float[] outputs = predictor.Outputs(new[] { row })[0];
        Console.WriteLine(predictor.ClassNames.Count > 0 ? predictor.ClassNames[Array.IndexOf(outputs, outputs.Max())] : outputs[0].ToString(CultureInfo.InvariantCulture));
    }
    return 0;
}
catch (ServingException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}
