namespace MlDsl.Generators.Tests.Infrastructure;

/// <summary>User code the tests compile: correct models, and their broken twins built by replacing one line.</summary>
internal static class Sources
{
    public const string Digit = """
        using MlDsl;

        namespace Samples;

        [Dataset]
        public sealed partial record Digit
        {
            [Feature, Shape(1, 28, 28)] public required float[] Pixels { get; init; }
            [Label(Classes = 10)] public required int Value { get; init; }
        }
        """;

    public const string DigitCnn = """
        using MlDsl;

        namespace Samples;

        [Model(typeof(Digit))]
        public sealed partial class DigitCnn
        {
            [Conv2d(32, Kernel = 3), Relu] Layer conv1;
            [Conv2d(64, Kernel = 3), Relu] Layer conv2;
            [MaxPool2d(2), Dropout(0.25), Flatten] Layer pool;
            [Linear(128), Relu, Dropout(0.5)] Layer fc1;
            [Linear(10)] Layer fc2;
        }
        """;

    /// <summary>Joins inside one line: a DenseNet-style concatenation of two convolutions' maps, and a skip add of two dense members.</summary>
    public const string DenseDigitNet = """
        using MlDsl;

        namespace Samples;

        [Model(typeof(Digit))]
        public sealed partial class DenseDigitNet
        {
            [Conv2d(4, Kernel = 3, Padding = 1), Relu] Layer first;
            [Conv2d(4, Kernel = 3, Padding = 1), Relu] Layer second;
            [Concatenate(nameof(first), nameof(second)), MaxPool2d(4), Flatten, Linear(16), Relu] Layer dense;
            [Linear(16), Tanh] Layer skip;
            [Add(nameof(dense), nameof(skip)), Linear(10)] Layer head;
        }
        """;

    /// <summary>
    /// Parallel paths over <see cref="Digit"/>: a GoogLeNet-style Inception block whose four paths read the block's input
    /// ([From(BlockAttribute.Input)]) and are concatenated, and a model that forks a path from its stem.
    /// </summary>
    public const string Inception = """
        using MlDsl;

        namespace Samples;

        [Block]
        public sealed partial class InceptionBlock
        {
            [BlockArgument] public const int Width = 4;

            [Conv2d(Width, Kernel = 1), Relu] Layer p1;
            [From(BlockAttribute.Input), Conv2d(2, Kernel = 1), Relu] Layer p2Reduce;
            [Conv2d(Width, Kernel = 3, Padding = 1), Relu] Layer p2;
            [From(BlockAttribute.Input), Conv2d(2, Kernel = 1), Relu] Layer p3Reduce;
            [Conv2d(Width, Kernel = 5, Padding = 2), Relu] Layer p3;
            [From(BlockAttribute.Input), MaxPool2d(3, Stride = 1, Padding = 1)] Layer p4Pool;
            [Conv2d(Width, Kernel = 1), Relu] Layer p4;
            [Concatenate(nameof(p1), nameof(p2), nameof(p3), nameof(p4))] Layer merge;
        }

        [Model(typeof(Digit))]
        public sealed partial class InceptionNet
        {
            [Conv2d(8, Kernel = 3, Padding = 1), Relu] Layer stem;
            [Arguments(4)] InceptionBlock mixed;
            [GlobalAvgPool2d] Layer pooled;
            [From(nameof(stem)), GlobalAvgPool2d] Layer stemPooled;
            [Concatenate(nameof(pooled), nameof(stemPooled))] Layer both;
            [Linear(10)] Layer head;
        }
        """;

    /// <summary>Joins inside blocks over <see cref="Digit"/>: a DenseNet layer concatenating its input, a skip add, nesting, two uses with different arguments.</summary>
    public const string DenseBlocks = """
        using MlDsl;

        namespace Samples;

        [Block]
        public sealed partial class DenseLayer
        {
            [BlockArgument] public const int Growth = 4;

            [BatchNorm2d, Relu, Conv2d(Growth, Kernel = 3, Padding = 1)] Layer conv;
            [Concatenate(BlockAttribute.Input, nameof(conv))] Layer grow;
        }

        [Block]
        public sealed partial class SkipUnit
        {
            [BlockArgument] public const int Width = 8;

            [Conv2d(Width, Kernel = 3, Padding = 1), Relu] Layer down;
            [Conv2d(Width, Kernel = 3, Padding = 1)] Layer up;
            [Add(nameof(down), nameof(up)), Relu] Layer merge;
        }

        [Block]
        public sealed partial class DenseStage
        {
            [BlockArgument] public const int First = 4;
            [BlockArgument] public const int Second = 6;

            [Arguments(First)] DenseLayer one;
            [Arguments(Second)] DenseLayer two;
        }

        [Model(typeof(Digit))]
        public sealed partial class DenseBlockNet
        {
            [Conv2d(4, Kernel = 3, Padding = 1), Relu] Layer stem;
            [Arguments(2, 3)] DenseStage dense;
            [Arguments(9)] SkipUnit skip;
            [MaxPool2d(4), Flatten] Layer pool;
            [Linear(10)] Layer head;
        }
        """;

    public const string Tumour = """
        using MlDsl;

        namespace Samples;

        [Dataset]
        public sealed partial record Tumour
        {
            [Feature] public float Radius { get; init; }
            [Feature] public double Texture { get; init; }
            [Feature] public int Lobes { get; init; }
            [Feature, Shape(3), Column(3)] public required float[] Spectrum { get; init; }
            [Label(Classes = 2), Column("diagnosis")] public int Malignant { get; init; }
            [GroupKey] public long Patient { get; init; }
            [Timestamp] public System.DateTimeOffset Scanned { get; init; }
            [Slice] public string Hospital { get; init; } = "";
            [Slice] public bool Screening { get; init; }
            [Ignore] public string Notes { get; init; } = "";
        }

        [Model(typeof(Tumour))]
        public sealed partial class TumourMlp
        {
            [Linear(16), Tanh] Layer hidden;
            [Linear(8), Gelu, Dropout(0.1)] Layer narrow;
            [Linear(2)] Layer output;
        }
        """;

    public const string TumourPipeline = """
        using System.Collections.Generic;
        using MlDsl;
        using MlDsl.Data.Splits;
        using MlDsl.Pipelines;
        using MlDsl.Training;

        namespace Samples;

        [Pipeline(typeof(TumourMlp), ClassNames = new[] { "benign", "malignant" }, CsvSkipLines = 1)]
        [Split(Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.2, Seed = 7)]
        [Validate(FailOnShift = true, MaxMajorityShare = 0.9, MinTrainRows = 100)]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 40, BatchSize = 32, Optimizer = OptimizerKind.AdamW, LearningRate = 3e-3, EarlyStoppingPatience = 8)]
        [Analyze(MinSliceRows = 20)]
        [Gate(MinAccuracy = 0.93, MinSliceAccuracy = 0.85, MaxBiasGap = 0.1, MaxLatencyMs = 20)]
        [GateMinimum("balanced_accuracy", 0.9), GateMaximum("log_loss", 0.5)]
        [Export("artifacts/tumour")]
        [Monitor(Psi = 0.2, JensenShannon = 0.15)]
        public sealed partial class TumourPipeline
        {
            [Ingest] private static IReadOnlyList<Tumour> Load() => new List<Tumour>();
        }
        """;

    public const string SmallImages = """
        using MlDsl;

        [Dataset]
        public partial record struct Patch
        {
            [Feature, Shape(3, 16, 16)] public float[] Pixels { get; init; }
            [Label(Classes = 4)] public long Kind { get; init; }
        }

        [Model(typeof(Patch))]
        public partial class PatchNet
        {
            [Conv2d(8, Kernel = 3, Padding = 1), BatchNorm2d, Relu] Layer stem;
            [AvgPool2d(2)] Layer pool1;
            [Conv2d(16, Kernel = 3, Stride = 2, InChannels = 8), Sigmoid] Layer conv;
            [MaxPool2d(2, Stride = 1), Flatten] Layer pool2;
            [Linear(4, InFeatures = 64)] Layer head;
        }
        """;

    /// <summary>A residual block with arguments, in a file of its own, so editing it is an edit of another tree than the model's.</summary>
    public const string ResidualBlock = """
        using MlDsl;

        namespace Samples;

        [Block, Residual]
        public sealed partial class ResUnit
        {
            [BlockArgument] public const int Channels = 8;
            [BlockArgument] public const int Stride = 1;

            [Conv2d(Channels, Kernel = 3, Padding = 1, Stride = Stride), BatchNorm2d, Relu] Layer conv1;
            [Conv2d(Channels, Kernel = 3, Padding = 1), BatchNorm2d] Layer conv2;
        }

        [Block]
        public sealed partial class Stage
        {
            [BlockArgument] public const int Width = 16;

            [Arguments(Width, 2)] ResUnit down;
            [Relu] Layer activation;
        }
        """;

    /// <summary>A model over <see cref="ResidualBlock"/>: an identity shortcut, a projected one, a nested stage.</summary>
    public const string ResidualNet = """
        using MlDsl;

        namespace Samples;

        [Dataset]
        public sealed partial record Tile
        {
            [Feature, Shape(3, 16, 16)] public required float[] Pixels { get; init; }
            [Label(Classes = 4)] public int Kind { get; init; }
        }

        [Model(typeof(Tile))]
        public sealed partial class TileResNet
        {
            [Conv2d(8, Kernel = 3, Padding = 1), Relu] Layer stem;
            ResUnit block1;
            [Arguments(16)] Stage stage2;
            [AvgPool2d(2), Flatten] Layer pool;
            [Linear(4)] Layer head;
        }
        """;

    /// <summary>Two inputs: a spectrogram through a block, the prompt and duration through a layer, concatenated before the head.</summary>
    public const string SpokenClips = """
        using MlDsl;

        namespace Samples;

        [Dataset]
        public sealed partial record Clip
        {
            [Feature, Shape(1, 8, 12)] public required float[] Spectrogram { get; init; }
            [Feature, Categories("digits", "letters", "phrases")] public required string Prompt { get; init; }
            [Feature] public float Duration { get; init; }
            [Label(Classes = 3)] public int Language { get; init; }
        }

        [Block]
        public sealed partial class SpectrogramBranch
        {
            [Conv2d(4, Kernel = 3), Relu] Layer conv;
            [GlobalAvgPool2d] Layer pool;
        }

        [Model(typeof(Clip))]
        public sealed partial class ClipNet
        {
            [Input(nameof(Clip.Spectrogram))] SpectrogramBranch audio;
            [Input(nameof(Clip.Duration), nameof(Clip.Prompt)), Linear(8), Relu] Layer meta;
            [Concatenate(nameof(audio), nameof(meta)), Linear(16), Relu] Layer join;
            [Linear(3)] Layer head;
        }
        """;

    public const string HousePrices = """
        using MlDsl;

        namespace Samples;

        [Dataset]
        public sealed partial record House
        {
            [Feature] public float Rooms { get; init; }
            [Feature] public double Age { get; init; }
            [Label] public double Price { get; init; }
        }

        [Model(typeof(House))]
        public sealed partial class PriceMlp
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }
        """;

    public const string TaggedPhotos = """
        using MlDsl;

        namespace Samples;

        [Dataset]
        public sealed partial record Photo
        {
            [Feature, Shape(12)] public required float[] Embedding { get; init; }
            [Label(Names = new[] { "person", "dog", "outdoor" })] public required string[] Tags { get; init; }
        }

        [Dataset]
        public sealed partial record Sample
        {
            [Feature] public float Value { get; init; }
            [Label(Classes = 5)] public required int[] Present { get; init; }
        }

        [Model(typeof(Photo))]
        public sealed partial class TagNet
        {
            [Linear(16), Gelu] Layer hidden;
            [Linear(3)] Layer tags;
        }
        """;
}
