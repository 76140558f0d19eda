using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Deployment.Onnx;

/// <summary>Multi-head attention written out as MatMul and Softmax, for <c>[MultiheadAttention]</c> and the Transformer encoder.</summary>
public sealed partial class OnnxGraph
{
    /// <summary>
    /// <c>MultiheadAttentionModule</c> over a batch-first query (N, Lq, width) and keys and values (N, Lk, kdim), one value for
    /// both (the query itself for self-attention): the projections (PyTorch's packed <c>in_proj_weight</c>, or
    /// <c>q_proj_weight</c>, <c>k_proj_weight</c>, <c>v_proj_weight</c> when the key width differs), per-head Q·Kᵀ/√d,
    /// Softmax, ·V and the output projection. Dropout is the identity at prediction.
    /// </summary>
    public string MultiheadAttention(string query, string keyValue, nn.Module module, int width, int heads, bool bias = true)
    {
        using var scope = NewDisposeScope();
        bool packed = module.state_dict().Keys.Any(key => key.EndsWith("in_proj_weight", StringComparison.Ordinal));
        Tensor[] weights = packed
            ? Parameter(module, "in_proj_weight").chunk(3)
            : new[] { Parameter(module, "q_proj_weight"), Parameter(module, "k_proj_weight"), Parameter(module, "v_proj_weight") };
        Tensor?[] biases = bias ? Parameter(module, "in_proj_bias").chunk(3) : new Tensor?[3];
        return Attention(query, keyValue, weights, biases, Parameter(module, "out_proj.weight"), bias ? Parameter(module, "out_proj.bias") : null, width, heads);
    }

    /// <summary>
    /// Per-head scaled dot-product attention of <c>query</c> over <c>keyValue</c> and the output projection: <c>weights</c> are
    /// the query, key and value projections (width, in), each applied to its side, <c>biases</c> theirs or nulls.
    /// </summary>
    private string Attention(string query, string keyValue, Tensor[] weights, Tensor?[] biases, Tensor outWeight, Tensor? outBias, int width, int heads)
    {
        int headWidth = width / heads;
        string Heads(string x, int part, params long[] perm) =>
            Add("Transpose", new[] { Add("Reshape", new[] { Dense(x, weights[part], biases[part]), Int64s(0, 0, heads, headWidth) }) }, Ints("perm", perm));
        string q = Heads(query, 0, 0, 2, 1, 3), k = Heads(keyValue, 1, 0, 2, 3, 1), v = Heads(keyValue, 2, 0, 2, 1, 3); // [N, heads, L, d], [N, heads, d, L]
        string scores = Add("Mul", new[] { Add("MatMul", new[] { q, k }), Constant((float)(1 / Math.Sqrt(headWidth))) });
        string attention = Add("Softmax", new[] { scores }, Int("axis", -1));
        string context = Add("Transpose", new[] { Add("MatMul", new[] { attention, v }) }, Ints("perm", 0, 2, 1, 3));
        string merged = Add("Reshape", new[] { context, Int64s(0, 0, width) });
        return Dense(merged, outWeight, outBias);
    }
}
