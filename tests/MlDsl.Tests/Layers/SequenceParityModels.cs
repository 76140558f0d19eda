using MlDsl;

namespace MlDsl.Tests.Layers;

[Dataset]
public sealed partial record TokenSentence
{
    [Feature, Shape(12), Vocabulary(50)] public required int[] Tokens { get; init; }
    [Label(Classes = 3)] public int Topic { get; init; }
}

[Dataset]
public sealed partial record FrameSequence
{
    [Feature, Shape(10, 6)] public required float[] Frames { get; init; }
    [Label(Classes = 3)] public int Kind { get; init; }
}

/// <summary>Embedding with a padding row, a stacked bidirectional LSTM over every step, Linear per position, the first step.</summary>
[Model(typeof(TokenSentence))]
public sealed partial class TokenLstm
{
    [Embedding(50, 8, PaddingIndex = 0)] Layer embed;
    [Lstm(16, NumLayers = 2, Bidirectional = true, Dropout = 0.2, ReturnSequences = true)] Layer lstm;
    [Linear(12), Relu] Layer perStep;
    [SelectStep(0)] Layer first;
    [Linear(3)] Layer head;
}

/// <summary>Embedding, sinusoidal positions, two encoder layers, the last step.</summary>
[Model(typeof(TokenSentence))]
public sealed partial class TokenTransformer
{
    [Embedding(60, 16), PositionalEncoding] Layer embed;
    [TransformerEncoder(4, FeedForward = 32, NumLayers = 2)] Layer encoder;
    [SelectStep] Layer last;
    [Linear(3)] Layer head;
}

/// <summary>A bidirectional GRU's final state straight from a (steps, features) feature.</summary>
[Model(typeof(FrameSequence))]
public sealed partial class FrameGru
{
    [Gru(8, Bidirectional = true)] Layer gru;
    [Linear(3)] Layer head;
}

/// <summary>The shape glue: (10, 6) grown to a (1, 20, 12) map, split and regrouped, read as a sequence of 12 steps.</summary>
[Model(typeof(FrameSequence))]
public sealed partial class GlueNet
{
    [Unsqueeze(0), Upsample(2)] Layer grow;
    [Squeeze(0), Unflatten(1, 3, 4)] Layer split;
    [Reshape(20, -1), Permute(1, 0)] Layer frames;
    [Lstm(6, ReturnSequences = true), Flatten] Layer lstm;
    [Linear(3)] Layer head;
}
