using MlDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Tests.Layers.Fresh;

// Real models restated from public PyTorch / Keras code, declared as a user would. Each must compile
// without any MLDSL diagnostic (warnings are errors here) and infer what TorchSharp computes
// (FreshModelCases.cs).

// ---------- datasets ----------

[Dataset]
public sealed partial record SpeechCommand
{
    [Feature, Shape(1, 8000)] public required float[] Waveform { get; init; }
    [Label(Classes = 35)] public required int Command { get; init; }
}

[Dataset]
public sealed partial record SensorWindow
{
    [Feature, Shape(9, 128)] public required float[] Signals { get; init; }
    [Label(Classes = 6)] public required int Activity { get; init; }
}

[Dataset]
public sealed partial record LoadSeries
{
    [Feature, Shape(3, 96)] public required float[] Channels { get; init; }
    [Label] public required float NextLoad { get; init; }
}

[Dataset]
public sealed partial record StepSeries
{
    [Feature, Shape(48, 6)] public required float[] Steps { get; init; }
    [Label] public required float Target { get; init; }
}

[Dataset]
public sealed partial record CifarImage
{
    [Feature, Shape(3, 32, 32)] public required float[] Pixels { get; init; }
    [Label(Classes = 10)] public required int Class { get; init; }
}

[Dataset]
public sealed partial record MnistImage
{
    [Feature, Shape(1, 28, 28)] public required float[] Pixels { get; init; }
    [Label(Classes = 10)] public required int Digit { get; init; }
}

[Dataset]
public sealed partial record MnistCsvRow
{
    [Feature, Shape(784)] public required float[] Pixels { get; init; }
    [Label(Classes = 10)] public required int Digit { get; init; }
}

[Dataset]
public sealed partial record Review
{
    [Feature, Shape(80), Vocabulary(5000)] public required int[] Tokens { get; init; }
    [Label(Classes = 2)] public required int Sentiment { get; init; }
}

[Dataset]
public sealed partial record NewsHeadline
{
    [Feature, Shape(32), Vocabulary(2000)] public required int[] Tokens { get; init; }
    [Label(Classes = 4)] public required int Topic { get; init; }
}

[Dataset]
public sealed partial record ImdbReview
{
    [Feature, Shape(400), Vocabulary(5000)] public required int[] Tokens { get; init; }
    [Label(Classes = 2)] public required int Sentiment { get; init; }
}

[Dataset]
public sealed partial record LogMelClip
{
    [Feature, Shape(1, 40, 101)] public required float[] Spectrogram { get; init; }
    [Label(Classes = 6)] public required int Language { get; init; }
}

[Dataset]
public sealed partial record FrameClip
{
    [Feature, Shape(40, 101)] public required float[] Spectrogram { get; init; }
    [Label(Classes = 10)] public required int Word { get; init; }
}

[Dataset]
public sealed partial record Patient
{
    [Feature, Shape(30)] public required float[] Measurements { get; init; }
    [Label(Classes = 2)] public required int Malignant { get; init; }
}

[Dataset]
public sealed partial record Wine
{
    [Feature, Shape(13)] public required float[] Chemistry { get; init; }
    [Label(Classes = 3)] public required int Cultivar { get; init; }
}

[Dataset]
public sealed partial record House
{
    [Feature, Shape(8)] public required float[] Census { get; init; }
    [Label] public required float Value { get; init; }
}

[Dataset]
public sealed partial record Adult
{
    [Feature] public float Age { get; init; }
    [Feature] public float HoursPerWeek { get; init; }
    [Feature] public float CapitalGain { get; init; }
    [Feature, Categories("private", "self-employed", "government", "never-worked")] public required string Workclass { get; init; }
    [Feature, Categories("bachelors", "hs-grad", "masters", "doctorate", "some-college")] public required string Education { get; init; }
    [Label(Classes = 2)] public required int Income { get; init; }
}

[Dataset]
public sealed partial record BirdClip
{
    [Feature, Shape(1, 64, 128)] public required float[] Spectrogram { get; init; }
    [Feature] public float Latitude { get; init; }
    [Feature] public float Longitude { get; init; }
    [Feature, Categories("spring", "summer", "autumn", "winter")] public required string Season { get; init; }
    [Label(Classes = 12)] public required int Species { get; init; }
}

[Dataset]
public sealed partial record ReviewWithStars
{
    [Feature, Shape(64), Vocabulary(3000)] public required int[] Tokens { get; init; }
    [Feature] public float Stars { get; init; }
    [Label(Classes = 3)] public required int Helpfulness { get; init; }
}

// ---------- 1-D convolution ----------

/// <summary>M5 (Dai et al. 2017) as in the PyTorch speech-command tutorial: stride-16 front end, four conv/bn/pool stages.</summary>
[Model(typeof(SpeechCommand))]
public sealed partial class M5Net
{
    [Conv1d(32, Kernel = 80, Stride = 16), BatchNorm1d, Relu, MaxPool1d(4)] Layer conv1;
    [Conv1d(32, Kernel = 3), BatchNorm1d, Relu, MaxPool1d(4)] Layer conv2;
    [Conv1d(64, Kernel = 3), BatchNorm1d, Relu, MaxPool1d(4)] Layer conv3;
    [Conv1d(64, Kernel = 3), BatchNorm1d, Relu, MaxPool1d(4)] Layer conv4;
    [GlobalAvgPool1d] Layer pool;
    [Linear(35)] Layer fc1;
}

/// <summary>The Keras human-activity CNN (UCI HAR, 9 inertial signals x 128 steps), channels first.</summary>
[Model(typeof(SensorWindow))]
public sealed partial class HarCnn
{
    [Conv1d(64, Kernel = 3), Relu] Layer conv1;
    [Conv1d(64, Kernel = 3), Relu, Dropout(0.5), MaxPool1d(2), Flatten] Layer conv2;
    [Linear(100), Relu] Layer dense;
    [Linear(6)] Layer output;
}

/// <summary>A TCN-style stack of dilated causal-length-preserving convolutions, last step to a regression head.</summary>
[Model(typeof(LoadSeries))]
public sealed partial class DilatedTcn
{
    [Conv1d(32, Kernel = 3, Dilation = 1, Padding = 1), Relu] Layer level1;
    [Conv1d(32, Kernel = 3, Dilation = 2, Padding = 2), Relu] Layer level2;
    [Conv1d(32, Kernel = 3, Dilation = 4, Padding = 4), Relu] Layer level3;
    [Conv1d(32, Kernel = 3, Dilation = 8, Padding = 8), Relu] Layer level4;
    [Permute(1, 0), SelectStep(-1)] Layer last;
    [Linear(1)] Layer head;
}

/// <summary>The TCN temporal block of Bai et al. (two dilated convs, 1x1 downsample when channels change).</summary>
[Block, Residual]
public sealed partial class TemporalBlock
{
    [BlockArgument] public const int Channels = 16;
    [BlockArgument] public const int Dilation = 1;

    [Conv1d(Channels, Kernel = 3, Dilation = Dilation, Padding = Dilation), Relu, Dropout(0.2)] Layer conv1;
    [Conv1d(Channels, Kernel = 3, Dilation = Dilation, Padding = Dilation), Relu, Dropout(0.2)] Layer conv2;
}

[Model(typeof(LoadSeries))]
public sealed partial class ResidualTcn
{
    [Arguments(16, 1)] TemporalBlock block1;
    [Arguments(16, 2)] TemporalBlock block2;
    [Arguments(32, 4)] TemporalBlock block3;
    [GlobalAvgPool1d] Layer pool;
    [Linear(1)] Layer head;
}

// ---------- 2-D convolution, blocks, residuals ----------

/// <summary>The ResNet basic block (He et al.), projection shortcut when channels or stride change.</summary>
[Block, Residual]
public sealed partial class BasicBlock
{
    [BlockArgument] public const int Planes = 16;
    [BlockArgument] public const int Stride = 1;

    [Conv2d(Planes, Kernel = 3, Stride = Stride, Padding = 1), BatchNorm2d, Relu] Layer conv1;
    [Conv2d(Planes, Kernel = 3, Padding = 1), BatchNorm2d] Layer conv2;
}

/// <summary>A ResNet-ish stage: two basic blocks, the first may downsample.</summary>
[Block]
public sealed partial class ResStage
{
    [BlockArgument] public const int Planes = 16;
    [BlockArgument] public const int Stride = 1;

    [Arguments(Planes, Stride)] BasicBlock first;
    [Arguments(Planes, 1)] BasicBlock second;
}

/// <summary>CIFAR ResNet-14-ish: stem, three stages (16, 32, 64), global pool, head.</summary>
[Model(typeof(CifarImage))]
public sealed partial class CifarResNet
{
    [Conv2d(16, Kernel = 3, Padding = 1), BatchNorm2d, Relu] Layer stem;
    [Arguments(16, 1)] ResStage stage1;
    [Arguments(32, 2)] ResStage stage2;
    [Arguments(64, 2)] ResStage stage3;
    [GlobalAvgPool2d] Layer pool;
    [Linear(10)] Layer fc;
}

/// <summary>A VGG stage: two 3x3 convs and a 2x2 max pool.</summary>
[Block]
public sealed partial class VggStage
{
    [BlockArgument] public const int Channels = 32;

    [Conv2d(Channels, Kernel = 3, Padding = 1), BatchNorm2d, Relu] Layer conv1;
    [Conv2d(Channels, Kernel = 3, Padding = 1), BatchNorm2d, Relu, MaxPool2d(2)] Layer conv2;
}

[Model(typeof(CifarImage))]
public sealed partial class SmallVgg
{
    [Arguments(32)] VggStage stage1;
    [Arguments(64)] VggStage stage2;
    [Arguments(128)] VggStage stage3;
    [Dropout2d(0.2), Flatten] Layer flatten;
    [Linear(256), Relu, Dropout(0.5)] Layer fc1;
    [Linear(10)] Layer fc2;
}

/// <summary>GroupNorm + SiLU CNN (the normalisation of diffusion U-Nets), adaptive pool to 1x1.</summary>
[Model(typeof(CifarImage))]
public sealed partial class GroupNormCnn
{
    [Conv2d(32, Kernel = 3, Padding = 1), GroupNorm(8), Silu] Layer conv1;
    [Conv2d(64, Kernel = 3, Stride = 2, Padding = 1), GroupNorm(16), Silu] Layer conv2;
    [Conv2d(64, Kernel = 3, Padding = 1), GroupNorm(16), Silu] Layer conv3;
    [AdaptiveAvgPool2d(1), Flatten] Layer pool;
    [Linear(10)] Layer head;
}

/// <summary>DenseNet-style: each conv reads the concatenation of everything before it.</summary>
[Model(typeof(CifarImage))]
public sealed partial class TinyDenseNet
{
    [Conv2d(16, Kernel = 3, Padding = 1)] Layer stem;
    [BatchNorm2d, Relu, Conv2d(12, Kernel = 3, Padding = 1)] Layer grow1;
    [Concatenate(nameof(stem), nameof(grow1))] Layer dense1;
    [BatchNorm2d, Relu, Conv2d(12, Kernel = 3, Padding = 1)] Layer grow2;
    [Concatenate(nameof(dense1), nameof(grow2))] Layer dense2;
    [BatchNorm2d, Relu, Conv2d(20, Kernel = 1), AvgPool2d(2)] Layer transition;
    [GlobalAvgPool2d] Layer pool;
    [Linear(10)] Layer classifier;
}

/// <summary>A convolutional autoencoder with Upsample in the decoder, plus a classification head on the reconstruction.</summary>
[Model(typeof(MnistImage))]
public sealed partial class UpsampleAutoencoder
{
    [Conv2d(16, Kernel = 3, Padding = 1), Relu, MaxPool2d(2)] Layer enc1;
    [Conv2d(8, Kernel = 3, Padding = 1), Relu, MaxPool2d(2)] Layer enc2;
    [Upsample(2), Conv2d(16, Kernel = 3, Padding = 1), Relu] Layer dec1;
    [Upsample(2), Conv2d(1, Kernel = 3, Padding = 1), Sigmoid] Layer dec2;
    [Flatten, Linear(10)] Layer head;
}

/// <summary>MNIST from CSV rows: flat 784 pixels unflattened into an image before the convolutions.</summary>
[Model(typeof(MnistCsvRow))]
public sealed partial class CsvMnistCnn
{
    [Unflatten(0, 1, 28, 28)] Layer image;
    [Conv2d(32, Kernel = 5), Relu, MaxPool2d(2)] Layer conv1;
    [Conv2d(64, Kernel = 5), Relu, MaxPool2d(2), Flatten] Layer conv2;
    [Linear(1024), Relu] Layer fc1;
    [Linear(10)] Layer fc2;
}

/// <summary>Squeeze-and-excitation written by hand (Hu et al.), used as a layer with a shape contract.</summary>
public sealed class SqueezeExcite8 : torch.nn.Module<Tensor, Tensor>
{
    private readonly torch.nn.Module<Tensor, Tensor> reduce;
    private readonly torch.nn.Module<Tensor, Tensor> expand;

    public SqueezeExcite8() : base(nameof(SqueezeExcite8))
    {
        reduce = torch.nn.Linear(32, 8);
        expand = torch.nn.Linear(8, 32);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor squeezed = input.mean(new long[] { 2, 3 });
        Tensor gates = torch.sigmoid(expand.forward(torch.nn.functional.relu(reduce.forward(squeezed))));
        return (input * gates.unsqueeze(-1).unsqueeze(-1)).MoveToOuterDisposeScope();
    }
}

[Model(typeof(CifarImage))]
public sealed partial class SeCnn
{
    [Conv2d(32, Kernel = 3, Padding = 1), BatchNorm2d, Relu] Layer conv1;
    [UserModule(typeof(SqueezeExcite8), "c, h, w", Input = "32, h, w", Parameters = 32 * 8 + 8 + 8 * 32 + 32)] Layer se;
    [MaxPool2d(2), Conv2d(64, Kernel = 3, Padding = 1), Relu] Layer conv2;
    [GlobalAvgPool2d, Linear(10)] Layer head;
}

// ---------- sequences ----------

/// <summary>The classic Embedding + LSTM sentiment classifier (Keras imdb_lstm), last hidden state to the head.</summary>
[Model(typeof(Review))]
public sealed partial class LstmSentiment
{
    [Embedding(5000, 128)] Layer embedding;
    [Lstm(128, Dropout = 0.0)] Layer lstm;
    [Linear(2)] Layer fc;
}

/// <summary>A two-layer bidirectional LSTM with dropout between layers, the whole sequence then its last step.</summary>
[Model(typeof(Review))]
public sealed partial class StackedBiLstm
{
    [Embedding(5000, 64, PaddingIndex = 0)] Layer embedding;
    [Lstm(64, NumLayers = 2, Bidirectional = true, Dropout = 0.3, ReturnSequences = true)] Layer lstm;
    [SelectStep(-1), Dropout(0.3)] Layer last;
    [Linear(2)] Layer fc;
}

/// <summary>A BiGRU tagger's per-step head (Linear on every position), pooled over steps into a sentence label.</summary>
[Model(typeof(NewsHeadline))]
public sealed partial class BiGruTagPool
{
    [Embedding(2000, 48)] Layer embedding;
    [Gru(32, Bidirectional = true, ReturnSequences = true)] Layer gru;
    [Linear(16), Tanh] Layer perStep;
    [Permute(1, 0), GlobalAvgPool1d] Layer pool;
    [Linear(4)] Layer head;
}

/// <summary>fastText (Joulin et al.): averaged word embeddings and one linear layer.</summary>
[Model(typeof(NewsHeadline))]
public sealed partial class FastText
{
    [Embedding(2000, 32)] Layer embedding;
    [Permute(1, 0), GlobalAvgPool1d] Layer average;
    [Linear(4)] Layer fc;
}

/// <summary>The Keras "text classification with Transformer" example: token + position embedding, one block, pooled.</summary>
[Model(typeof(NewsHeadline))]
public sealed partial class TransformerTextClassifier
{
    [Embedding(2000, 64), PositionalEncoding] Layer embedding;
    [TransformerEncoder(4, FeedForward = 128, NumLayers = 2, Dropout = 0.1)] Layer encoder;
    [Permute(1, 0), GlobalAvgPool1d, Dropout(0.1)] Layer pool;
    [Linear(20), Relu, Dropout(0.1)] Layer dense;
    [Linear(4)] Layer output;
}

/// <summary>The Keras IMDB CNN (imdb_cnn.py): embedding, Conv1D over words, max over time.</summary>
[Model(typeof(ImdbReview))]
public sealed partial class ImdbCnn
{
    [Embedding(5000, 50), Dropout(0.2)] Layer embedding;
    [Permute(1, 0), Conv1d(250, Kernel = 3), Relu] Layer conv;
    [MaxPool1d(398), Flatten] Layer maxOverTime;
    [Linear(250), Dropout(0.2), Relu] Layer hidden;
    [Linear(2)] Layer output;
}

/// <summary>A GRU regressor over a multivariate series stored (steps, features).</summary>
[Model(typeof(StepSeries))]
public sealed partial class GruForecaster
{
    [Gru(32, NumLayers = 2, Dropout = 0.2)] Layer gru;
    [Linear(16), Elu] Layer dense;
    [Linear(1)] Layer head;
}

/// <summary>A BiLSTM over log-mel frames: the (1, mels, frames) spectrogram becomes (frames, mels).</summary>
[Model(typeof(LogMelClip))]
public sealed partial class FrameLstm
{
    [Squeeze(0), Permute(1, 0)] Layer frames;
    [LayerNorm, Lstm(64, Bidirectional = true)] Layer lstm;
    [Linear(6)] Layer head;
}

/// <summary>A Transformer over spectrogram frames (AST-like, without patches): per-frame projection, first-step readout.</summary>
[Model(typeof(FrameClip))]
public sealed partial class FrameTransformer
{
    [Permute(1, 0), Linear(64)] Layer project;
    [PositionalEncoding, TransformerEncoder(8, FeedForward = 256, NumLayers = 2)] Layer encoder;
    [SelectStep(0)] Layer first;
    [LayerNorm, Linear(10)] Layer head;
}

// ---------- tabular and normalisation ----------

/// <summary>An MLP with LayerNorm and GELU (the "ResNet-like MLP" baseline for tabular data).</summary>
[Model(typeof(Patient))]
public sealed partial class LayerNormMlp
{
    [Linear(64), LayerNorm, Gelu, Dropout(0.1)] Layer fc1;
    [Linear(64), LayerNorm, Gelu, Dropout(0.1)] Layer fc2;
    [Linear(2)] Layer head;
}

/// <summary>A residual dense block (Linear projection when the width changes).</summary>
[Block, Residual]
public sealed partial class DenseResidual
{
    [BlockArgument] public const int Width = 64;

    [Linear(Width), BatchNorm1d, Relu, Dropout(0.1)] Layer fc1;
    [Linear(Width), BatchNorm1d] Layer fc2;
}

[Model(typeof(Patient))]
public sealed partial class ResidualMlp
{
    [Arguments(64)] DenseResidual block1;
    [Arguments(64)] DenseResidual block2;
    [Relu, Linear(2)] Layer head;
}

/// <summary>BatchNorm1d on flat rows (Keras Dense + BatchNormalization), LeakyReLU.</summary>
[Model(typeof(Wine))]
public sealed partial class WineBatchNormNet
{
    [BatchNorm1d] Layer normalize;
    [Linear(32), BatchNorm1d, LeakyRelu(0.1)] Layer fc1;
    [Linear(16), BatchNorm1d, LeakyRelu(0.1)] Layer fc2;
    [Linear(3)] Layer head;
}

/// <summary>California housing regression with Softplus (positive output).</summary>
[Model(typeof(House))]
public sealed partial class HousingRegressor
{
    [Linear(64), Silu] Layer fc1;
    [Linear(32), Silu] Layer fc2;
    [Linear(1), Softplus] Layer output;
}

// ---------- several inputs ----------

/// <summary>Wide and deep (Cheng et al. 2016): a wide linear part on all features beside a deep MLP, concatenated.</summary>
[Model(typeof(Adult))]
public sealed partial class WideAndDeep
{
    [Input(nameof(Adult.Age), nameof(Adult.HoursPerWeek), nameof(Adult.CapitalGain), nameof(Adult.Workclass), nameof(Adult.Education)), Linear(8)] Layer wide;
    [Input(nameof(Adult.Age), nameof(Adult.HoursPerWeek), nameof(Adult.CapitalGain), nameof(Adult.Workclass), nameof(Adult.Education)), Linear(64), Relu] Layer deep1;
    [Linear(32), Relu] Layer deep2;
    [Concatenate(nameof(wide), nameof(deep2))] Layer join;
    [Linear(2)] Layer head;
}

/// <summary>A spectrogram CNN beside a metadata MLP (the birdcall question), joined before the head.</summary>
[Model(typeof(BirdClip))]
public sealed partial class BirdCallNet
{
    [Input(nameof(BirdClip.Spectrogram)), Conv2d(16, Kernel = 3, Padding = 1), BatchNorm2d, Relu, MaxPool2d(2)] Layer audio1;
    [Conv2d(32, Kernel = 3, Padding = 1), BatchNorm2d, Relu, MaxPool2d(2)] Layer audio2;
    [Conv2d(64, Kernel = 3, Padding = 1), BatchNorm2d, Relu, GlobalAvgPool2d] Layer audio3;
    [Input(nameof(BirdClip.Latitude), nameof(BirdClip.Longitude), nameof(BirdClip.Season)), Linear(16), Relu] Layer meta;
    [Concatenate(nameof(audio3), nameof(meta)), Dropout(0.3)] Layer join;
    [Linear(12)] Layer head;
}

/// <summary>Text and a number added (not concatenated) after projecting both to one width.</summary>
[Model(typeof(ReviewWithStars))]
public sealed partial class TextPlusStars
{
    [Input(nameof(ReviewWithStars.Tokens)), Embedding(3000, 32)] Layer embed;
    [Permute(1, 0), GlobalAvgPool1d, Linear(16)] Layer text;
    [Input(nameof(ReviewWithStars.Stars)), Linear(16)] Layer stars;
    [Add(nameof(text), nameof(stars)), Relu] Layer sum;
    [Linear(3)] Layer head;
}

// ---------- probed silent by FreshShapeCases, checked for parity here ----------

/// <summary>The torchvision ResNet stem (7x7 stride 2, padded 3x3 stride-2 max pool) on CIFAR-sized images.</summary>
[Model(typeof(CifarImage))]
public sealed partial class ResNetStemNet
{
    [Conv2d(64, Kernel = 7, Stride = 2, Padding = 3), BatchNorm2d, Relu, MaxPool2d(3, Stride = 2, Padding = 1)] Layer stem;
    [Conv2d(64, Kernel = 3, Padding = 1), BatchNorm2d, Relu] Layer conv;
    [AdaptiveAvgPool2d(1), Flatten, Linear(10)] Layer head;
}

/// <summary>A downsampling 1-D residual block (stride 2, channels doubled): the shortcut is a strided 1x1 Conv1d.</summary>
[Block, Residual]
public sealed partial class DownBlock1d
{
    [Conv1d(32, Kernel = 3, Stride = 2, Padding = 1), BatchNorm1d, Relu] Layer conv1;
    [Conv1d(32, Kernel = 3, Padding = 1), BatchNorm1d] Layer conv2;
}

[Model(typeof(LoadSeries))]
public sealed partial class StridedResidual1d
{
    DownBlock1d down;
    [GlobalAvgPool1d, Linear(1)] Layer head;
}

/// <summary>PyTorch's <c>x.view(n, 40, -1)</c> on a (1, 40, 101) spectrogram, then frames into a GRU.</summary>
[Model(typeof(LogMelClip))]
public sealed partial class ReshapeMinusOneGru
{
    [Reshape(40, -1), Permute(1, 0)] Layer frames;
    [Gru(64)] Layer gru;
    [Linear(6)] Layer fc;
}

// ---------- bias-free layers (torchvision's conv before BatchNorm) ----------

/// <summary>torchvision's BasicBlock: both 3x3 convs <c>bias=False</c> (BatchNorm's shift replaces the bias); the generated 1x1 projection keeps its bias.</summary>
[Block, Residual]
public sealed partial class TorchvisionBasicBlock
{
    [BlockArgument] public const int Planes = 16;
    [BlockArgument] public const int Stride = 1;

    [Conv2d(Planes, Kernel = 3, Stride = Stride, Padding = 1, Bias = false), BatchNorm2d, Relu] Layer conv1;
    [Conv2d(Planes, Kernel = 3, Padding = 1, Bias = false), BatchNorm2d] Layer conv2;
}

/// <summary>A torchvision-style ResNet on CIFAR: bias-free stem and blocks, a bias-free Linear bottleneck before BatchNorm1d, a biased head.</summary>
[Model(typeof(CifarImage))]
public sealed partial class BiasFreeResNet
{
    [Conv2d(16, Kernel = 3, Padding = 1, Bias = false), BatchNorm2d, Relu] Layer stem;
    [Arguments(16, 1)] TorchvisionBasicBlock block1;
    [Arguments(32, 2)] TorchvisionBasicBlock block2;
    [GlobalAvgPool2d, Linear(32, Bias = false), BatchNorm1d, Relu] Layer neck;
    [Linear(10)] Layer fc;
}

/// <summary>A 1-D CNN on sensor windows with bias-free Conv1d layers before BatchNorm1d.</summary>
[Model(typeof(SensorWindow))]
public sealed partial class BiasFreeSensorCnn
{
    [Conv1d(32, Kernel = 5, Padding = 2, Bias = false), BatchNorm1d, Relu] Layer conv1;
    [Conv1d(32, Kernel = 5, Padding = 2, Bias = false), BatchNorm1d, Relu, GlobalAvgPool1d] Layer conv2;
    [Linear(6)] Layer fc;
}
