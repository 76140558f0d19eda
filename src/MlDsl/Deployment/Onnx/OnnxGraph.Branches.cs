namespace MlDsl.Deployment.Onnx;

/// <summary>
/// Several inputs: a branch's features sliced out of the one collated row the graph takes (as the generated
/// forward narrows it), and the joins of branches, concatenated or added.
/// </summary>
public sealed partial class OnnxGraph
{
    /// <summary>Elements [<paramref name="start"/>, start + <paramref name="length"/>) of each example of (N, F): Slice along axis 1, the batch kept.</summary>
    public string Narrow(string x, long start, long length) =>
        Add("Slice", new[] { x, Int64s(start), Int64s(start + length), Int64s(1) });

    /// <summary>Concat along <paramref name="axis"/> (counted with the batch axis, as torch.cat's), in the order given.</summary>
    public string Concat(int axis, params string[] inputs) => Add("Concat", inputs, Int("axis", axis));

    /// <summary>The element-wise sum, added left to right as the forward adds them.</summary>
    public string Sum(params string[] inputs)
    {
        string sum = inputs[0];
        for (int i = 1; i < inputs.Length; i++) sum = Add("Add", new[] { sum, inputs[i] });
        return sum;
    }
}
