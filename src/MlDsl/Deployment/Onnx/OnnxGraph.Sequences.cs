using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Deployment.Onnx;

/// <summary>
/// Sequence layers: the embedding lookup, sinusoidal positions, LSTM and GRU as ONNX's own operators
/// (gates reordered from PyTorch's), and the Transformer encoder as MatMul, Softmax and LayerNormalization.
/// </summary>
public sealed partial class OnnxGraph
{
    /// <summary>
    /// Token ids (N, steps), which arrive as floats like every feature, cast to int64 and looked up in the
    /// module's table: (N, steps, width). A padding row is a row of zeros in the table.
    /// </summary>
    public string Embedding(string x, nn.Module module)
    {
        string ids = Add("Cast", new[] { x }, Int("to", (long)TensorProto.Types.DataType.Int64));
        return Add("Gather", new[] { Weight(module, "weight"), ids }, Int("axis", 0));
    }

    /// <summary>Adds the module's sinusoid table (1, steps, width) to (N, steps, width).</summary>
    public string PositionalEncoding(string x, nn.Module module) =>
        Add("Add", new[] { x, Initializer(Expect<MlDsl.Layers.PositionalEncodingModule>(module).Positions) });

    /// <summary>
    /// A batch-first LSTM (<paramref name="op"/> "LSTM") or GRU ("GRU") module as ONNX's operator of that
    /// name, one node per layer, steps first inside. PyTorch stacks the gates i, f, g, o (LSTM) and r, z, n
    /// (GRU); ONNX expects i, o, f, c and z, r, h, so the weight blocks are reordered; the GRU applies the
    /// reset gate after the hidden state's linear map, as PyTorch does (linear_before_reset). Output
    /// (N, steps, directions·hidden) with <paramref name="returnSequences"/>, else the last layer's final state
    /// (N, directions·hidden), forward direction first — as <c>LstmModule</c> and <c>GruModule</c> return.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="op"/> is neither LSTM nor GRU.</exception>
    public string Recurrent(string x, nn.Module module, string op, int hidden, int layers, bool bidirectional, bool returnSequences)
    {
        long[] order = op switch
        {
            "LSTM" => new long[] { 0, 3, 1, 2 },
            "GRU" => new long[] { 1, 0, 2 },
            _ => throw new ArgumentException($"No recurrent ONNX operator '{op}'; LSTM or GRU", nameof(op)),
        };
        string[] directions = bidirectional ? new[] { "", "_reverse" } : new[] { "" };
        string sequence = Add("Transpose", new[] { x }, Ints("perm", 1, 0, 2));                  // [L, N, F]
        string finalState = sequence;
        for (int layer = 0; layer < layers; layer++)
        {
            using var scope = NewDisposeScope();
            Tensor Stacked(Func<string, Tensor> perDirection) => stack(directions.Select(perDirection).ToArray());
            Tensor Gates(string name)
            {
                Tensor[] blocks = Parameter(module, name).chunk(order.Length);
                return cat(order.Select(gate => blocks[gate]).ToArray());
            }
            Tensor w = Stacked(suffix => Gates($"weight_ih_l{layer}{suffix}"));                 // [D, G·H, in]
            Tensor r = Stacked(suffix => Gates($"weight_hh_l{layer}{suffix}"));                 // [D, G·H, H]
            Tensor b = Stacked(suffix => cat(new[] { Gates($"bias_ih_l{layer}{suffix}"), Gates($"bias_hh_l{layer}{suffix}") })); // [D, 2·G·H]
            var attributes = new List<AttributeProto>
            {
                Int("hidden_size", hidden),
                Text("direction", bidirectional ? "bidirectional" : "forward"),
            };
            if (op == "GRU") attributes.Add(Int("linear_before_reset", 1));
            string[] outputs = Add(op, new[] { sequence, Initializer(w), Initializer(r), Initializer(b) }, 2, attributes.ToArray());
            // Y [L, D, N, H] -> [L, N, D·H], the next layer's input.
            string stepsFirst = Add("Transpose", new[] { outputs[0] }, Ints("perm", 0, 2, 1, 3));
            sequence = Add("Reshape", new[] { stepsFirst, Int64s(0, 0, -1) });
            finalState = outputs[1];                                                              // Y_h [D, N, H]
        }
        if (returnSequences)
            return Add("Transpose", new[] { sequence }, Ints("perm", 1, 0, 2));                  // [N, L, D·H]
        string batchFirst = Add("Transpose", new[] { finalState }, Ints("perm", 1, 0, 2));       // [N, D, H]
        return Add("Reshape", new[] { batchFirst, Int64s(0, -1) });                             // [N, D·H]
    }

    /// <summary>
    /// <c>TransformerEncoderModule</c> (PyTorch's post-norm encoder layer with ReLU, epsilon 1e-5) over
    /// (N, steps, width): per layer, multi-head self-attention written out (per-head Q·Kᵀ/√d, Softmax,
    /// ·V, the output projection), Add and LayerNormalization, the feed-forward pair, Add and LayerNormalization.
    /// Dropout is the identity at prediction.
    /// </summary>
    public string TransformerEncoder(string x, nn.Module module, int width, int heads, int layers)
    {
        string h = x;
        for (int layer = 0; layer < layers; layer++)
        {
            using var scope = NewDisposeScope();
            string prefix = $"layers.{layer}.";
            Tensor[] inWeights = Parameter(module, prefix + "self_attn.in_proj_weight").chunk(3);
            Tensor[] inBiases = Parameter(module, prefix + "self_attn.in_proj_bias").chunk(3);
            string attended = Attention(h, h, inWeights, inBiases,
                Parameter(module, prefix + "self_attn.out_proj.weight"), Parameter(module, prefix + "self_attn.out_proj.bias"), width, heads);
            h = LayerNormalization(Add("Add", new[] { h, attended }), Parameter(module, prefix + "norm1.weight"), Parameter(module, prefix + "norm1.bias"), 1);
            string expanded = Add("Relu", new[] { Dense(h, Parameter(module, prefix + "linear1.weight"), Parameter(module, prefix + "linear1.bias")) });
            string fed = Dense(expanded, Parameter(module, prefix + "linear2.weight"), Parameter(module, prefix + "linear2.bias"));
            h = LayerNormalization(Add("Add", new[] { h, fed }), Parameter(module, prefix + "norm2.weight"), Parameter(module, prefix + "norm2.bias"), 1);
        }
        return h;
    }
}
