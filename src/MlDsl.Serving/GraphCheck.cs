using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MlDsl.Serving;

/// <summary>
/// Checks, when the predictor opens, that <c>model.onnx</c> is the graph its artifact describes: one float input named
/// <c>input</c> taking a row of the manifest's features, one float output named <c>output</c> per class (one value for a
/// regression), both with a dynamic batch dimension. A graph forged or swapped into the artifact (checksums recomputed) is refused here, by name, rather than
/// failing on the first request with a dictionary's exception or serving rows of another width.
/// </summary>
internal static class GraphCheck
{
    public const string InputName = "input", OutputName = "output";

    /// <summary>One example's shape (without the batch dimension) and how many floats it holds.</summary>
    public static (long[] Shape, int Length) Input(InferenceSession session, ServedArtifact artifact)
    {
        IReadOnlyDictionary<string, NodeMetadata> inputs = session.InputMetadata;
        if (inputs.Count != 1 || !inputs.TryGetValue(InputName, out NodeMetadata? input))
            throw Refused(artifact, $"the graph's inputs are [{Names(inputs.Keys)}]; expected one input, '{InputName}'");
        if (BatchDimension.WhyFixed(input, "input", InputName) is { } fixedBatch) throw Refused(artifact, fixedBatch);
        long[] shape = input.Dimensions.Skip(1).Select(size => (long)size).ToArray();
        long length = shape.Aggregate(1L, (product, size) => product * size);
        int features = artifact.Features.Length;
        if (input.ElementDataType != TensorElementType.Float || input.Dimensions.Length < 2 || shape.Any(size => size < 1) || length != features)
            throw Refused(artifact,
                $"input '{InputName}' is {input.ElementDataType} ({string.Join(", ", input.Dimensions)}), {(shape.Any(size => size < 1) ? "of no fixed width" : $"{length} floats a row")}; "
                + $"manifest.json lists {features} features, so expected (N, ...) floats of {features} a row");
        return (shape, features);
    }

    public static void Output(InferenceSession session, ServedArtifact artifact)
    {
        IReadOnlyDictionary<string, NodeMetadata> outputs = session.OutputMetadata;
        if (!outputs.TryGetValue(OutputName, out NodeMetadata? output))
            throw Refused(artifact, $"the graph's outputs are [{Names(outputs.Keys)}]; expected an output '{OutputName}'");
        if (BatchDimension.WhyFixed(output, "output", OutputName) is { } fixedBatch) throw Refused(artifact, fixedBatch);
        int[] row = output.Dimensions.Skip(1).ToArray();
        int expected = Math.Max(artifact.ClassNames.Length, 1);
        if (output.ElementDataType != TensorElementType.Float || output.Dimensions.Length < 2 || row.Any(size => size < 1)
            || row.Aggregate(1L, (product, size) => product * size) != expected)
            throw Refused(artifact,
                $"output '{OutputName}' is {output.ElementDataType} ({string.Join(", ", output.Dimensions)}); manifest.json lists {artifact.ClassNames.Length} class names, "
                + $"so expected (N, {expected}) floats");
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(name => $"'{name}'"));

    private static ServingException Refused(ServedArtifact artifact, string problem) =>
        new(System.IO.Path.Combine(artifact.Version, "model.onnx"), $"is not the graph this artifact describes: {problem}");
}
