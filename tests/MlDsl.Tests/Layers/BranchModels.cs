using MlDsl;

namespace MlDsl.Tests.Layers;

/// <summary>A clip as the spoken-language example has it: a small log-mel spectrogram, the prompt's category and the duration.</summary>
[Dataset]
public sealed partial record Recording
{
    [Feature, Shape(1, 6, 8)] public required float[] Spectrogram { get; init; }
    [Feature, Categories("digits", "letters", "phrases")] public required string Prompt { get; init; }
    [Feature] public float Duration { get; init; }
    [Label(Classes = 3)] public int Language { get; init; }
}

/// <summary>The spectrogram branch: a convolution and a flatten.</summary>
[Block]
public sealed partial class SpectrogramBranch
{
    [Conv2d(4, Kernel = 3), Relu] Layer conv;
    [Flatten] Layer flat;
}

/// <summary>Two inputs: the spectrogram through a block, the prompt and duration through a layer, concatenated before the head.</summary>
[Model(typeof(Recording))]
public sealed partial class RecordingNet
{
    [Input(nameof(Recording.Spectrogram))] SpectrogramBranch audio;
    [Input(nameof(Recording.Prompt), nameof(Recording.Duration)), Linear(5), Relu] Layer meta;
    [Concatenate(nameof(audio), nameof(meta))] Layer join;
    [Linear(3)] Layer head;
}

/// <summary>Branches added rather than concatenated, one of them reading a feature that is not first in the row.</summary>
[Model(typeof(Recording))]
public sealed partial class RecordingSumNet
{
    [Input(nameof(Recording.Spectrogram)), Flatten, Linear(6)] Layer audio;
    [Input(nameof(Recording.Duration), nameof(Recording.Prompt)), Linear(6)] Layer meta;
    [Add(nameof(audio), nameof(meta)), Relu, Linear(3)] Layer head;
}

/// <summary>Token ids beside a number: a row that is no single tensor, read through two branches.</summary>
[Dataset]
public sealed partial record Review
{
    [Feature, Shape(5), Vocabulary(20)] public required int[] Words { get; init; }
    [Feature] public float Stars { get; init; }
    [Label(Classes = 2)] public int Sentiment { get; init; }
}

/// <summary>The ids embedded in one branch, the number read as it is in the other (a member with no layers), concatenated.</summary>
[Model(typeof(Review))]
public sealed partial class ReviewNet
{
    [Input(nameof(Review.Words)), Embedding(20, 4), Flatten] Layer words;
    [Input(nameof(Review.Stars))] Layer stars;
    [Concatenate(nameof(words), nameof(stars)), Linear(2)] Layer head;
}

/// <summary>A join inside one line, DenseNet-style: the second convolution's maps concatenated beside the first's (channels).</summary>
[Model(typeof(Tile))]
public sealed partial class TileDenseNet
{
    [Conv2d(4, Kernel = 3, Padding = 1), Relu] Layer first;
    [Conv2d(4, Kernel = 3, Padding = 1), Tanh] Layer second;
    [Concatenate(nameof(first), nameof(second)), GlobalAvgPool2d] Layer pooled;
    [Linear(4)] Layer head;
}

/// <summary>A skip inside one line: the outputs of two dense members added before the head.</summary>
[Model(typeof(Gauge))]
public sealed partial class GaugeSkipMlp
{
    [Linear(8), Tanh] Layer first;
    [Linear(8), Relu] Layer second;
    [Add(nameof(first), nameof(second)), Linear(2)] Layer head;
}
