using System.Collections.Generic;

namespace MlDsl.Generators.Emit;

/// <summary>
/// Python twins of MlDsl's own TorchSharp modules (src/MlDsl/Layers/Modules), written into a model's PyTorch
/// source when it uses them. Each keeps the C# constructor's parameter names (so the translated call reads the
/// same), the submodule names (so state_dict keys agree) and the forward, batch axis first.
/// </summary>
internal static class PyTorchModules
{
    private static readonly Dictionary<string, string> Sources = new()
    {
        ["Block"] = """
            class Block(nn.Module):
                # An MlDsl [Block]: its layers in order; a residual block adds its input (or the shortcut's projection of it).
                def __init__(self, layers, residual=False, shortcut=None):
                    super().__init__()
                    self.names = [name for name, _ in layers]
                    for name, layer in layers:
                        self.add_module(name, layer)
                    self.residual = residual
                    if shortcut is not None:
                        self.shortcut = shortcut

                def forward(self, x):
                    y = x
                    for name in self.names:
                        y = getattr(self, name)(y)
                    if not self.residual:
                        return y
                    return y + (self.shortcut(x) if hasattr(self, "shortcut") else x)
            """,
        ["JoinBlock"] = """
            class JoinBlock(nn.Module):
                # An MlDsl [Block] whose members join earlier ones: joins maps a layer to ("cat", dim, sources), ("add", 0, sources)
                # or ("from", 0, [source]) (a parallel path), what it reads instead of the output before it; a source is a layer's
                # name, or "input", the block's input.
                def __init__(self, layers, joins, residual=False, shortcut=None):
                    super().__init__()
                    self.names = [name for name, _ in layers]
                    for name, layer in layers:
                        self.add_module(name, layer)
                    self.joins = joins
                    self.residual = residual
                    if shortcut is not None:
                        self.shortcut = shortcut

                def forward(self, x):
                    y = x
                    outputs = {"input": x}
                    for name in self.names:
                        if name in self.joins:
                            kind, dim, sources = self.joins[name]
                            parts = [outputs[source] for source in sources]
                            y = torch.cat(parts, dim) if kind == "cat" else parts[0] if kind == "from" else sum(parts[1:], parts[0])
                        y = getattr(self, name)(y)
                        outputs[name] = y
                    if not self.residual:
                        return y
                    return y + (self.shortcut(x) if hasattr(self, "shortcut") else x)
            """,
        ["TargetScaling"] = """
            class TargetScaling(nn.Module):
                # The training targets' mean (shift) and standard deviation (scale); the model's outputs are standardized.
                def __init__(self):
                    super().__init__()
                    self.register_buffer("shift", torch.zeros(1))
                    self.register_buffer("scale", torch.ones(1))
                    self.register_buffer("fitted", torch.zeros(1))
            """,
        ["EmbeddingModule"] = """
            class EmbeddingModule(nn.Module):
                def __init__(self, numEmbeddings, embeddingDim, paddingIndex=None, checkIds=True):
                    super().__init__()
                    self.embedding = nn.Embedding(numEmbeddings, embeddingDim, padding_idx=paddingIndex)

                def forward(self, x):
                    return self.embedding(x.long())
            """,
        ["GlobalAvgPool"] = """
            class GlobalAvgPool(nn.Module):
                def __init__(self, spatialDimensions):
                    super().__init__()
                    self.axes = tuple(range(2, 2 + spatialDimensions))

                def forward(self, x):
                    return x.mean(self.axes)
            """,
        ["GlobalMaxPool"] = """
            class GlobalMaxPool(nn.Module):
                def __init__(self, spatialDimensions):
                    super().__init__()
                    self.axes = tuple(range(2, 2 + spatialDimensions))

                def forward(self, x):
                    return x.amax(self.axes)
            """,
        ["LstmModule"] = """
            class LstmModule(nn.Module):
                # Batch first; returns the sequence, or the last layer's final hidden state (both directions concatenated).
                def __init__(self, inputSize, hiddenSize, numLayers=1, bidirectional=False, dropout=0.0, returnSequences=False):
                    super().__init__()
                    self.lstm = nn.LSTM(inputSize, hiddenSize, numLayers, batch_first=True, dropout=dropout, bidirectional=bidirectional)
                    self.directions = 2 if bidirectional else 1
                    self.returnSequences = returnSequences

                def forward(self, x):
                    output, (hidden, _) = self.lstm(x)
                    if self.returnSequences:
                        return output
                    last = hidden[-self.directions:].transpose(0, 1)
                    return last.reshape(hidden.shape[1], self.directions * hidden.shape[2])
            """,
        ["GruModule"] = """
            class GruModule(nn.Module):
                # Batch first; returns the sequence, or the last layer's final hidden state (both directions concatenated).
                def __init__(self, inputSize, hiddenSize, numLayers=1, bidirectional=False, dropout=0.0, returnSequences=False):
                    super().__init__()
                    self.gru = nn.GRU(inputSize, hiddenSize, numLayers, batch_first=True, dropout=dropout, bidirectional=bidirectional)
                    self.directions = 2 if bidirectional else 1
                    self.returnSequences = returnSequences

                def forward(self, x):
                    output, hidden = self.gru(x)
                    if self.returnSequences:
                        return output
                    last = hidden[-self.directions:].transpose(0, 1)
                    return last.reshape(hidden.shape[1], self.directions * hidden.shape[2])
            """,
        ["PermuteModule"] = """
            class PermuteModule(nn.Module):
                # Axes counted without the batch axis, as MlDsl declares them.
                def __init__(self, *dims):
                    super().__init__()
                    self.order = (0,) + tuple(dim + 1 for dim in dims)

                def forward(self, x):
                    return x.permute(self.order)
            """,
        ["ReshapeModule"] = """
            class ReshapeModule(nn.Module):
                def __init__(self, *shape):
                    super().__init__()
                    self.shape = tuple(shape)

                def forward(self, x):
                    return x.reshape((x.shape[0],) + self.shape)
            """,
        ["SelectStepModule"] = """
            class SelectStepModule(nn.Module):
                def __init__(self, step):
                    super().__init__()
                    self.step = step

                def forward(self, x):
                    return x.select(1, self.step)
            """,
        ["SqueezeModule"] = """
            class SqueezeModule(nn.Module):
                def __init__(self, dim):
                    super().__init__()
                    self.dim = dim + 1

                def forward(self, x):
                    return x.squeeze(self.dim)
            """,
        ["UnsqueezeModule"] = """
            class UnsqueezeModule(nn.Module):
                def __init__(self, dim):
                    super().__init__()
                    self.dim = dim + 1

                def forward(self, x):
                    return x.unsqueeze(self.dim)
            """,
        ["PositionalEncodingModule"] = """
            class PositionalEncodingModule(nn.Module):
                # Vaswani et al. (2017) sinusoids, added to (N, steps, width); not part of the state_dict.
                def __init__(self, steps, width):
                    super().__init__()
                    position = torch.arange(steps, dtype=torch.float32).unsqueeze(1)
                    frequencies = torch.exp(torch.arange(0, width, 2, dtype=torch.float32) * (-math.log(10000.0) / width))
                    angles = position * frequencies
                    table = torch.zeros(steps, width)
                    table[:, 0::2] = torch.sin(angles)
                    table[:, 1::2] = torch.cos(angles[:, : width // 2])
                    self.register_buffer("table", table.unsqueeze(0), persistent=False)

                def forward(self, x):
                    return x + self.table
            """,
        ["TransformerEncoderModule"] = """
            class TransformerEncoderModule(nn.Module):
                # PyTorch's post-norm encoder with ReLU, fed steps first as TorchSharp's is.
                def __init__(self, modelWidth, heads, feedForward=2048, numLayers=1, dropout=0.1):
                    super().__init__()
                    layer = nn.TransformerEncoderLayer(modelWidth, heads, feedForward, dropout)
                    self.encoder = nn.TransformerEncoder(layer, numLayers, enable_nested_tensor=False)

                def forward(self, x):
                    return self.encoder(x.transpose(0, 1)).transpose(0, 1)
            """,
        ["MultiheadAttentionModule"] = """
            class MultiheadAttentionModule(nn.Module):
                # nn.MultiheadAttention fed steps first, as TorchSharp's is (which also keeps PyTorch 1.13 off its
                # batch-first fast path, which fails without biases); keys and values are the input or another member's output.
                def __init__(self, embedDim, heads, dropout=0.0, bias=True, keyDim=None, valueDim=None):
                    super().__init__()
                    self.attention = nn.MultiheadAttention(embedDim, heads, dropout=dropout, bias=bias, kdim=keyDim, vdim=valueDim)

                def forward(self, x, keyValue=None):
                    keyValue = (x if keyValue is None else keyValue).transpose(0, 1)
                    return self.attention(x.transpose(0, 1), keyValue, keyValue, need_weights=False)[0].transpose(0, 1)
            """,
    };

    public static bool Has(string module) => Sources.ContainsKey(module);

    public static string Source(string module) => Sources[module].Replace("\r\n", "\n").TrimEnd('\n') + "\n";
}
