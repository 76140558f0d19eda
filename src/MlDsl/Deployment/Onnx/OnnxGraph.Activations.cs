namespace MlDsl.Deployment.Onnx;

/// <summary>The activations with arguments, written as PyTorch defines them.</summary>
public sealed partial class OnnxGraph
{
    /// <summary>x for x ≥ 0, slope·x below.</summary>
    public string LeakyRelu(string x, double slope) => Add("LeakyRelu", new[] { x }, Float("alpha", (float)slope));

    /// <summary>x for x &gt; 0, alpha·(eˣ − 1) below.</summary>
    public string Elu(string x, double alpha) => Add("Elu", new[] { x }, Float("alpha", (float)alpha));

    /// <summary>SiLU (swish): x · sigmoid(x). Opset 17 has no operator of its own for it.</summary>
    public string Silu(string x) => Add("Mul", new[] { x, Add("Sigmoid", new[] { x }) });

    /// <summary>
    /// PyTorch's Softplus: log(1 + e^(β·x)) / β, and x itself where β·x exceeds the threshold (ONNX's
    /// Softplus has neither β nor the threshold).
    /// </summary>
    public string Softplus(string x, double beta, double threshold)
    {
        string scaled = Add("Mul", new[] { x, Constant((float)beta) });
        string smooth = Add("Div", new[] { Add("Softplus", new[] { scaled }), Constant((float)beta) });
        string linear = Add("Greater", new[] { scaled, Constant((float)threshold) });
        return Add("Where", new[] { linear, x, smooth });
    }
}
