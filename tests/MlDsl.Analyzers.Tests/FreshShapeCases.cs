using static MlDsl.Analyzers.Tests.Infrastructure.ShapeCaseHarness;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Shape mistakes restated from public bug reports (PyTorch forums, Stack Overflow, GitHub issues), each
/// written as the user wrote it, and legal-but-unusual look-alikes that must stay silent. The source is
/// compiled with the generator and every analyzer the package ships, as a user's build sees it; a case
/// names the rule, the line a reviewer would point at and the sizes the message must name, and a case
/// fails on any other error or warning (a cascade of follow-up errors hides the real one).
/// </summary>
public sealed partial class FreshShapeCases
{
    private const string Digit = """
        [Dataset]
        public sealed partial record Digit
        {
            [Feature, Shape(1, 28, 28)] public required float[] Pixels { get; init; }
            [Label(Classes = 10)] public required int Value { get; init; }
        }

        """;

    private const string Cifar = """
        [Dataset]
        public sealed partial record Photo
        {
            [Feature, Shape(3, 32, 32)] public required float[] Pixels { get; init; }
            [Label(Classes = 10)] public required int Class { get; init; }
        }

        """;

    private const string Speech = """
        [Dataset]
        public sealed partial record Command
        {
            [Feature, Shape(1, 1000)] public required float[] Waveform { get; init; }
            [Label(Classes = 35)] public required int Word { get; init; }
        }

        """;

    private const string Review = """
        [Dataset]
        public sealed partial record Review
        {
            [Feature, Shape(50), Vocabulary(5000)] public required int[] Tokens { get; init; }
            [Label(Classes = 2)] public required int Positive { get; init; }
        }

        """;

    private const string ShortText = """
        [Dataset]
        public sealed partial record Tweet
        {
            [Feature, Shape(20), Vocabulary(3000)] public required int[] Tokens { get; init; }
            [Label(Classes = 3)] public required int Stance { get; init; }
        }

        """;

    private const string Mels = """
        [Dataset]
        public sealed partial record Utterance
        {
            [Feature, Shape(40, 101)] public required float[] LogMel { get; init; }
            [Label(Classes = 6)] public required int Speaker { get; init; }
        }

        """;

    private const string Tabular = """
        [Dataset]
        public sealed partial record Patient
        {
            [Feature, Shape(30)] public required float[] Measurements { get; init; }
            [Label(Classes = 2)] public required int Malignant { get; init; }
        }

        """;

    private const string Series = """
        [Dataset]
        public sealed partial record Series
        {
            [Feature, Shape(16, 100)] public required float[] Signal { get; init; }
            [Label(Classes = 5)] public required int Fault { get; init; }
        }

        """;

    private const string Pair = """
        [Dataset]
        public sealed partial record QuestionPair
        {
            [Feature, Shape(64), Vocabulary(4000)] public required int[] Question { get; init; }
            [Feature, Shape(32), Vocabulary(4000)] public required int[] Answer { get; init; }
            [Label(Classes = 2)] public required int Duplicate { get; init; }
        }

        """;

    private const string Listing = """
        [Dataset]
        public sealed partial record Listing
        {
            [Feature, Shape(50), Vocabulary(5000)] public required int[] Description { get; init; }
            [Feature] public float Price { get; init; }
            [Feature] public float Rooms { get; init; }
            [Feature, Categories("flat", "house", "studio", "loft")] public required string Kind { get; init; }
            [Label(Classes = 3)] public required int Demand { get; init; }
        }

        """;

    // ---------- mistakes from bug reports ----------

    /// <summary>"mat1 and mat2 shapes cannot be multiplied (64x7744 and 9216x128)": the PyTorch MNIST example's 9216 kept after a 5x5 kernel.</summary>
    [Fact]
    public Task Mnist_example_linear_size_kept_after_changing_the_kernel() => ReportsAsync(Digit + """
        [Model(typeof(Digit))]
        public sealed partial class Net
        {
            [Conv2d(32, Kernel = 3), Relu] Layer conv1;
            [Conv2d(64, Kernel = 5), Relu] Layer conv2;
            [MaxPool2d(2), Dropout(0.25), Flatten] Layer pool;
            [Linear(128, InFeatures = 9216), Relu, Dropout(0.5)] Layer fc1;
            [Linear(10)] Layer fc2;
        }
        """, new Expect("MLDSL0001", "Layer fc1;", "9216", "7744"));

    /// <summary>The CIFAR tutorial's net with <c>x.view(-1, 16 * 5 * 5)</c> left out: Linear on a (16, 5, 5) map.</summary>
    [Fact]
    public Task Cifar_tutorial_without_the_view_before_fc1() => ReportsAsync(Cifar + """
        [Model(typeof(Photo))]
        public sealed partial class Net
        {
            [Conv2d(6, Kernel = 5), Relu, MaxPool2d(2)] Layer conv1;
            [Conv2d(16, Kernel = 5), Relu, MaxPool2d(2)] Layer conv2;
            [Linear(120), Relu] Layer fc1;
            [Linear(84), Relu] Layer fc2;
            [Linear(10)] Layer fc3;
        }
        """, new Expect("MLDSL0003", "Layer fc1;", "(16, 5, 5)"));

    /// <summary>"expected input[64, 1, 28, 28] to have 3 channels, but got 1 channels instead": a CIFAR model's first conv reused on MNIST.</summary>
    [Fact]
    public Task Rgb_first_conv_reused_on_grayscale_digits() => ReportsAsync(Digit + """
        [Model(typeof(Digit))]
        public sealed partial class Net
        {
            [Conv2d(32, Kernel = 3, Padding = 1, InChannels = 3), Relu, MaxPool2d(2)] Layer conv1;
            [Conv2d(64, Kernel = 3, Padding = 1), Relu, MaxPool2d(2), Flatten] Layer conv2;
            [Linear(10)] Layer fc;
        }
        """, new Expect("MLDSL0001", "Layer conv1;", "3", "1"));

    /// <summary>"Expected 4-dimensional input for 4-dimensional weight [32, 1, 3, 3], but got 3-dimensional input of size [64, 40, 101]": a spectrogram without its channel axis.</summary>
    [Fact]
    public Task Spectrogram_without_a_channel_axis_into_conv2d() => ReportsAsync(Mels + """
        [Model(typeof(Utterance))]
        public sealed partial class Net
        {
            [Conv2d(32, Kernel = 3), Relu, MaxPool2d(2)] Layer conv1;
            [GlobalAvgPool2d, Linear(6)] Layer head;
        }
        """, new Expect("MLDSL0002", "Layer conv1;", "(40, 101)"));

    /// <summary>"Given groups=1, weight of size [100, 300, 3], expected input[64, 50, 300] to have 300 channels, but got 50": Conv1d on embeddings without the permute, in-channels declared.</summary>
    [Fact]
    public Task Text_cnn_conv1d_on_embeddings_without_permute_declared_channels() => ReportsAsync(Review + """
        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(5000, 300)] Layer embedding;
            [Conv1d(100, Kernel = 3, InChannels = 300), Relu, GlobalAvgPool1d] Layer conv;
            [Linear(2)] Layer fc;
        }
        """, new Expect("MLDSL0001", "Layer conv;", "300", "50", "Permute(1, 0)"));

    /// <summary>The same text CNN with in-channels inferred: PyTorch would run, convolving over the 300 embedding dimensions with the 50 steps as channels.</summary>
    [Fact]
    public Task Text_cnn_conv1d_on_embeddings_without_permute_inferred_channels() => ReportsAsync(Review + """
        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(5000, 300)] Layer embedding;
            [Conv1d(100, Kernel = 3), Relu, GlobalAvgPool1d] Layer conv;
            [Linear(2)] Layer fc;
        }
        """, new Expect("MLDSL0002", "Layer conv;", "(50, 300)"));

    /// <summary>The same mistake after a recurrent layer: a BiGRU's (50, 64) states max-pooled along their features, the steps taken for channels.</summary>
    [Fact]
    public Task Max_pool_1d_on_gru_states_without_permute() => ReportsAsync(Review + """
        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(5000, 32)] Layer embedding;
            [Gru(32, Bidirectional = true, ReturnSequences = true), MaxPool1d(2)] Layer gru;
            [SelectStep(-1), Linear(2)] Layer fc;
        }
        """, new Expect("MLDSL0002", "Layer gru;", "(50, 64)", "Permute(1, 0)"));

    /// <summary>batch_first confusion's MlDsl form: a (mels, frames) spectrogram read by an LSTM whose input size is the 40 mels.</summary>
    [Fact]
    public Task Lstm_over_mels_instead_of_frames() => ReportsAsync(Mels + """
        [Model(typeof(Utterance))]
        public sealed partial class Net
        {
            [Lstm(128, InputSize = 40)] Layer lstm;
            [Linear(6)] Layer fc;
        }
        """, new Expect("MLDSL0001", "Layer lstm;", "40", "101"));

    /// <summary>"input must have 3 dimensions, got 2": an LSTM fed tabular rows.</summary>
    [Fact]
    public Task Lstm_fed_flat_tabular_rows() => ReportsAsync(Tabular + """
        [Model(typeof(Patient))]
        public sealed partial class Net
        {
            [Lstm(64)] Layer lstm;
            [Linear(2)] Layer fc;
        }
        """, new Expect("MLDSL0002", "Layer lstm;", "(30)"));

    /// <summary>CRNN without the reshape: a GRU reads the CNN's (C, H, W) map.</summary>
    [Fact]
    public Task Crnn_gru_fed_the_conv_map() => ReportsAsync(Mels.Replace("Shape(40, 101)", "Shape(1, 40, 101)") + """
        [Model(typeof(Utterance))]
        public sealed partial class Net
        {
            [Conv2d(32, Kernel = 3, Padding = 1), Relu, MaxPool2d(2)] Layer conv;
            [Gru(64)] Layer gru;
            [Linear(6)] Layer fc;
        }
        """, new Expect("MLDSL0002", "Layer gru;", "(32, 20, 50)"));

    /// <summary>Keras "expected ndim=3, found ndim=2": a second LSTM stacked on one that returns only its last step.</summary>
    [Fact]
    public Task Stacked_lstm_without_return_sequences() => ReportsAsync(Review + """
        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(5000, 64)] Layer embedding;
            [Lstm(64)] Layer lstm1;
            [Lstm(32)] Layer lstm2;
            [Linear(2)] Layer fc;
        }
        """, new Expect("MLDSL0002", "Layer lstm2;", "(64)"));

    /// <summary>"Expected input batch_size (3200) to match target batch_size (64)": a per-step head left unpooled.</summary>
    [Fact]
    public Task Per_step_head_left_unpooled_before_the_loss() => ReportsAsync(Review + """
        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(5000, 64)] Layer embedding;
            [Gru(32, Bidirectional = true, ReturnSequences = true)] Layer gru;
            [Linear(2)] Layer fc;
        }
        """, new Expect("MLDSL0005", "Layer fc;", "(50, 2)"));

    /// <summary>"index out of range in self": vocabulary counted without the padding and unknown tokens.</summary>
    [Fact]
    public Task Embedding_smaller_than_the_vocabulary() => ReportsAsync(Review + """
        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(4998, 64)] Layer embedding;
            [Lstm(64)] Layer lstm;
            [Linear(2)] Layer fc;
        }
        """, new Expect("MLDSL0033", "Layer embedding;", "4998", "5000"));

    /// <summary>"Padding_idx must be within num_embeddings": the padding id put one past the table.</summary>
    [Fact]
    public Task Padding_index_one_past_the_table() => ReportsAsync(Review + """
        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(5000, 64, PaddingIndex = 5000)] Layer embedding;
            [Lstm(64)] Layer lstm;
            [Linear(2)] Layer fc;
        }
        """, new Expect("MLDSL0006|MLDSL0033", "Layer embedding;", "5000"));

    /// <summary>Embedding a categorical column that collation one-hot encodes: the Embedding receives floats.</summary>
    [Fact]
    public Task Embedding_a_one_hot_category() => ReportsAsync(Listing + """
        [Model(typeof(Listing))]
        public sealed partial class Net
        {
            [Input(nameof(Listing.Description)), Embedding(5000, 32), Permute(1, 0), GlobalAvgPool1d] Layer text;
            [Input(nameof(Listing.Kind)), Embedding(4, 8), Flatten] Layer kind;
            [Input(nameof(Listing.Price), nameof(Listing.Rooms)), Linear(8)] Layer numbers;
            [Concatenate(nameof(text), nameof(kind), nameof(numbers))] Layer join;
            [Linear(3)] Layer head;
        }
        """, new Expect("MLDSL0033", "Layer kind;", "Kind"));

    /// <summary>"running_mean should contain 50 elements not 64": BatchNorm1d sized for the embedding width, applied to (steps, width).</summary>
    [Fact]
    public Task Batch_norm_sized_for_features_on_a_sequence() => ReportsAsync(Review + """
        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(5000, 64), BatchNorm1d(NumFeatures = 64)] Layer embedding;
            [Lstm(32)] Layer lstm;
            [Linear(2)] Layer fc;
        }
        """, new Expect("MLDSL0001", "Layer embedding;", "64", "50", "Permute(1, 0)"));

    /// <summary>The same BatchNorm1d with its size inferred: PyTorch runs it, normalising each of the 50 steps over the batch instead of each feature.</summary>
    [Fact]
    public Task Batch_norm_inferred_on_a_sequence_normalises_steps() => ReportsAsync(Review + """
        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(5000, 64)] Layer embedding;
            [Linear(64), BatchNorm1d, Relu] Layer proj;
            [Lstm(32)] Layer lstm;
            [Linear(2)] Layer fc;
        }
        """, new Expect("MLDSL0002", "Layer proj;", "(50, 64)"));

    /// <summary>BatchNorm1d straight after a Transformer encoder (Keras's habit after Dense): each of the 50 steps normalised, not each of the 64 features.</summary>
    [Fact]
    public Task Batch_norm_after_a_transformer_encoder() => ReportsAsync(Review + """
        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(5000, 64), PositionalEncoding] Layer embedding;
            [TransformerEncoder(4, FeedForward = 128), BatchNorm1d] Layer encoder;
            [SelectStep(0), Linear(2)] Layer fc;
        }
        """, new Expect("MLDSL0002", "Layer encoder;", "(50, 64)", "LayerNorm", "Permute(1, 0)"));

    /// <summary>Keras's BatchNormalization after Dense translated to BatchNorm2d.</summary>
    [Fact]
    public Task Batch_norm_2d_after_a_dense_layer() => ReportsAsync(Tabular + """
        [Model(typeof(Patient))]
        public sealed partial class Net
        {
            [Linear(64), BatchNorm2d, Relu] Layer fc1;
            [Linear(2)] Layer fc2;
        }
        """, new Expect("MLDSL0002", "Layer fc1;", "(64)"));

    /// <summary>"The size of tensor a (28) must match the size of tensor b (32) at non-singleton dimension 3": a basic block without padding.</summary>
    [Fact]
    public Task Residual_block_without_padding() => ReportsAsync(Cifar + """
        [Block, Residual]
        public sealed partial class BasicBlock
        {
            [Conv2d(16, Kernel = 3), BatchNorm2d, Relu] Layer conv1;
            [Conv2d(16, Kernel = 3), BatchNorm2d] Layer conv2;
        }

        [Model(typeof(Photo))]
        public sealed partial class Net
        {
            [Conv2d(16, Kernel = 3, Padding = 1), Relu] Layer stem;
            BasicBlock block1;
            [GlobalAvgPool2d, Linear(10)] Layer head;
        }
        """, new Expect("MLDSL0034", "BasicBlock block1;", "(16, 32, 32)", "(16, 28, 28)"));

    /// <summary>The same mistake in a TCN's 1-D residual block: length 100 becomes 96 and no 1x1 projection fixes it.</summary>
    [Fact]
    public Task Temporal_block_without_padding() => ReportsAsync(Series + """
        [Block, Residual]
        public sealed partial class TemporalBlock
        {
            [Conv1d(32, Kernel = 3, Dilation = 2), Relu] Layer conv1;
        }

        [Model(typeof(Series))]
        public sealed partial class Net
        {
            TemporalBlock block1;
            [GlobalAvgPool1d, Linear(5)] Layer head;
        }
        """, new Expect("MLDSL0034", "TemporalBlock block1;", "(16, 100)", "(32, 96)"));

    /// <summary>An identity shortcut declared on a block that doubles the channels.</summary>
    [Fact]
    public Task Identity_shortcut_on_a_widening_block() => ReportsAsync(Cifar + """
        [Block, Residual(Shortcut = Shortcut.Identity)]
        public sealed partial class Widen
        {
            [Conv2d(32, Kernel = 3, Padding = 1), BatchNorm2d, Relu] Layer conv1;
            [Conv2d(32, Kernel = 3, Padding = 1), BatchNorm2d] Layer conv2;
        }

        [Model(typeof(Photo))]
        public sealed partial class Net
        {
            [Conv2d(16, Kernel = 3, Padding = 1), Relu] Layer stem;
            Widen block1;
            [GlobalAvgPool2d, Linear(10)] Layer head;
        }
        """, new Expect("MLDSL0034", "Widen block1;", "(16, 32, 32)", "(32, 32, 32)"));

    /// <summary>Keras "Negative dimension size caused by subtracting 5 from 3": a text CNN's pools collapse a 20-token tweet.</summary>
    [Fact]
    public Task Text_cnn_pools_collapse_a_short_tweet() => ReportsAsync(ShortText + """
        [Model(typeof(Tweet))]
        public sealed partial class Net
        {
            [Embedding(3000, 32), Permute(1, 0)] Layer embedding;
            [Conv1d(64, Kernel = 5), Relu, MaxPool1d(5)] Layer conv1;
            [Conv1d(64, Kernel = 5), Relu, MaxPool1d(5)] Layer conv2;
            [Flatten, Linear(3)] Layer fc;
        }
        """, new Expect("MLDSL0004", "Layer conv2;", "(64, 3)"));

    /// <summary>M5 copied from the 16 kHz tutorial onto 1000-sample clips: the fourth pool meets a single step.</summary>
    [Fact]
    public Task M5_on_clips_too_short_for_its_pools() => ReportsAsync(Speech + """
        [Model(typeof(Command))]
        public sealed partial class M5
        {
            [Conv1d(32, Kernel = 80, Stride = 16), BatchNorm1d, Relu, MaxPool1d(4)] Layer conv1;
            [Conv1d(32, Kernel = 3), BatchNorm1d, Relu, MaxPool1d(4)] Layer conv2;
            [Conv1d(64, Kernel = 3), BatchNorm1d, Relu, MaxPool1d(4)] Layer conv3;
            [Conv1d(64, Kernel = 3), BatchNorm1d, Relu, MaxPool1d(4)] Layer conv4;
            [GlobalAvgPool1d] Layer pool;
            [Linear(35)] Layer fc1;
        }
        """, new Expect("MLDSL0004", "Layer conv3;", "(64, 1)"));

    /// <summary>"embed_dim must be divisible by num_heads": a Transformer on a 100-wide per-frame projection with 8 heads.</summary>
    [Fact]
    public Task Heads_do_not_divide_the_projected_width() => ReportsAsync(Mels + """
        [Model(typeof(Utterance))]
        public sealed partial class Net
        {
            [Permute(1, 0), Linear(100)] Layer project;
            [PositionalEncoding, TransformerEncoder(8, FeedForward = 256)] Layer encoder;
            [SelectStep(0), Linear(6)] Layer head;
        }
        """, new Expect("MLDSL0006", "Layer encoder;", "100", "8"));

    /// <summary>A Transformer fed the pooled vector instead of the sequence.</summary>
    [Fact]
    public Task Transformer_after_pooling() => ReportsAsync(Review + """
        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(5000, 64), Permute(1, 0), GlobalAvgPool1d] Layer embedding;
            [TransformerEncoder(4, FeedForward = 128)] Layer encoder;
            [Linear(2)] Layer fc;
        }
        """, new Expect("MLDSL0002", "Layer encoder;", "(64)"));

    /// <summary>The same join mistake on one token feature: an unpadded Conv1d branch (48 steps) concatenated with the embeddings it read (50 steps).</summary>
    [Fact]
    public Task Concatenating_an_unpadded_conv_with_its_input_sequence() => ReportsAsync(Review + """
        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(5000, 32)] Layer embedding;
            [Permute(1, 0), Conv1d(32, Kernel = 3), Permute(1, 0)] Layer conv;
            [Concatenate(nameof(embedding), nameof(conv))] Layer both;
            [Lstm(32), Linear(2)] Layer head;
        }
        """, new Expect("MLDSL0039", "Layer both;", "(50, 32)", "(48, 32)"));

    /// <summary>"Sizes of tensors must match except in dimension 2. Expected size 64 but got size 32": two sequence branches of different lengths concatenated along features.</summary>
    [Fact]
    public Task Concatenating_sequences_of_different_lengths() => ReportsAsync(Pair + """
        [Model(typeof(QuestionPair))]
        public sealed partial class Net
        {
            [Input(nameof(QuestionPair.Question)), Embedding(4000, 32)] Layer question;
            [Input(nameof(QuestionPair.Answer)), Embedding(4000, 32)] Layer answer;
            [Concatenate(nameof(question), nameof(answer))] Layer join;
            [Lstm(32), Linear(2)] Layer head;
        }
        """, new Expect("MLDSL0039", "Layer join;", "(64, 32)", "(32, 32)"));

    /// <summary>The same two token features summed after their embeddings: "The size of tensor a (64) must match the size of tensor b (32) at non-singleton dimension 1".</summary>
    [Fact]
    public Task Adding_sequences_of_different_lengths() => ReportsAsync(Pair + """
        [Model(typeof(QuestionPair))]
        public sealed partial class Net
        {
            [Input(nameof(QuestionPair.Question)), Embedding(4000, 32)] Layer question;
            [Input(nameof(QuestionPair.Answer)), Embedding(4000, 32)] Layer answer;
            [Add(nameof(question), nameof(answer))] Layer sum;
            [Lstm(32), Linear(2)] Layer head;
        }
        """, new Expect("MLDSL0039", "Layer sum;", "(64, 32)", "(32, 32)"));

    /// <summary>A U-Net skip without padding: the encoder map (16, 28, 28) and the upsampled decoder map (16, 24, 24).</summary>
    [Fact]
    public Task Unet_skip_of_maps_of_different_sizes() => ReportsAsync(Digit + """
        [Model(typeof(Digit))]
        public sealed partial class Net
        {
            [Conv2d(16, Kernel = 3, Padding = 1), Relu] Layer enc1;
            [MaxPool2d(2), Conv2d(16, Kernel = 3), Relu] Layer enc2;
            [Upsample(2)] Layer up;
            [Concatenate(nameof(enc1), nameof(up))] Layer skip;
            [Conv2d(8, Kernel = 3, Padding = 1), GlobalAvgPool2d, Linear(10)] Layer head;
        }
        """, new Expect("MLDSL0039", "Layer skip;", "(16, 28, 28)", "(16, 24, 24)"));

    /// <summary>An autoencoder whose 28 -> 14 -> 7 -> 3 encoder cannot come back to 28: the reconstruction added to the input fails.</summary>
    [Fact]
    public Task Autoencoder_odd_size_cannot_be_added_back() => ReportsAsync(Digit + """
        [Model(typeof(Digit))]
        public sealed partial class Net
        {
            [Conv2d(8, Kernel = 3, Padding = 1), Relu] Layer stem;
            [MaxPool2d(2), MaxPool2d(2), MaxPool2d(2)] Layer encode;
            [Upsample(2), Upsample(2), Upsample(2), Conv2d(8, Kernel = 3, Padding = 1)] Layer decode;
            [Add(nameof(stem), nameof(decode))] Layer residual;
            [GlobalAvgPool2d, Linear(10)] Layer head;
        }
        """, new Expect("MLDSL0039", "Layer residual;", "(8, 28, 28)", "(8, 24, 24)"));

    /// <summary>"The size of tensor a (16) must match the size of tensor b (8)": adding a text branch and a number branch of different widths.</summary>
    [Fact]
    public Task Adding_branches_of_different_widths() => ReportsAsync(Listing + """
        [Model(typeof(Listing))]
        public sealed partial class Net
        {
            [Input(nameof(Listing.Description)), Embedding(5000, 32), Permute(1, 0), GlobalAvgPool1d, Linear(16)] Layer text;
            [Input(nameof(Listing.Price), nameof(Listing.Rooms), nameof(Listing.Kind)), Linear(8)] Layer numbers;
            [Add(nameof(text), nameof(numbers)), Relu] Layer sum;
            [Linear(3)] Layer head;
        }
        """, new Expect("MLDSL0039", "Layer sum;", "(16)", "(8)"));

    /// <summary>A 1-D CNN on a multichannel series without Flatten before the dense layer.</summary>
    [Fact]
    public Task Conv1d_features_into_linear_without_flatten() => ReportsAsync(Series + """
        [Model(typeof(Series))]
        public sealed partial class Net
        {
            [Conv1d(32, Kernel = 5), Relu, MaxPool1d(2)] Layer conv;
            [Linear(64), Relu] Layer fc1;
            [Linear(5)] Layer fc2;
        }
        """, new Expect("MLDSL0003", "Layer fc1;", "(32, 48)"));

    /// <summary>The Keras binary classifier (Dense(1, sigmoid)) kept with a two-class label.</summary>
    [Fact]
    public Task Keras_sigmoid_unit_for_a_two_class_label() => ReportsAsync(Tabular + """
        [Model(typeof(Patient))]
        public sealed partial class Net
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1), Sigmoid] Layer output;
        }
        """, new Expect("MLDSL0005", "Layer output;", "(1)", "2"));

    /// <summary>GroupNorm(32) (the usual default) inside a block whose channel argument is 48: the message names the path.</summary>
    [Fact]
    public Task Group_norm_groups_do_not_divide_a_block_argument() => ReportsAsync(Cifar + """
        [Block]
        public sealed partial class Stage
        {
            [BlockArgument] public const int Channels = 32;

            [Conv2d(Channels, Kernel = 3, Padding = 1), GroupNorm(32), Silu] Layer conv;
        }

        [Model(typeof(Photo))]
        public sealed partial class Net
        {
            [Arguments(32)] Stage stage1;
            [Arguments(48)] Stage stage2;
            [GlobalAvgPool2d, Linear(10)] Layer head;
        }
        """, new Expect("MLDSL0006", "Stage stage2;|GroupNorm(32)", "stage2", "48"));

    /// <summary>A block's output map fed to Linear: the Flatten forgotten after the last stage.</summary>
    [Fact]
    public Task Flatten_forgotten_after_the_last_block() => ReportsAsync(Cifar + """
        [Block]
        public sealed partial class Stage
        {
            [BlockArgument] public const int Channels = 32;

            [Conv2d(Channels, Kernel = 3, Padding = 1), BatchNorm2d, Relu, MaxPool2d(2)] Layer conv;
        }

        [Model(typeof(Photo))]
        public sealed partial class Net
        {
            [Arguments(32)] Stage stage1;
            [Arguments(64)] Stage stage2;
            [Linear(10)] Layer head;
        }
        """, new Expect("MLDSL0003", "Layer head;", "(64, 8, 8)"));

    /// <summary>A block given a dropout rate where it declares channels.</summary>
    [Fact]
    public Task Block_given_a_rate_for_its_channel_argument() => ReportsAsync(Cifar + """
        [Block]
        public sealed partial class Stage
        {
            [BlockArgument] public const int Channels = 32;

            [Conv2d(Channels, Kernel = 3, Padding = 1), Relu, MaxPool2d(2)] Layer conv;
        }

        [Model(typeof(Photo))]
        public sealed partial class Net
        {
            [Arguments(0.3)] Stage stage1;
            [GlobalAvgPool2d, Linear(10)] Layer head;
        }
        """, new Expect("MLDSL0035", "Stage stage1;", "Channels"));

    /// <summary>A metadata branch naming a column that is not in the row (a string, as read from a config).</summary>
    [Fact]
    public Task Branch_reads_a_misspelled_column() => ReportsAsync(Listing + """
        [Model(typeof(Listing))]
        public sealed partial class Net
        {
            [Input(nameof(Listing.Description)), Embedding(5000, 32), Permute(1, 0), GlobalAvgPool1d] Layer text;
            [Input("Prise", nameof(Listing.Rooms)), Linear(8)] Layer numbers;
            [Concatenate(nameof(text), nameof(numbers))] Layer join;
            [Linear(3)] Layer head;
        }
        """, new Expect("MLDSL0038", "Layer numbers;", "Prise"));

    /// <summary>A stereo clip (2, 40, 101) squeezed as if mono: torch.squeeze(0) silently does nothing and the LSTM gets a rank-3 tensor.</summary>
    [Fact]
    public Task Squeezing_an_axis_that_is_not_one() => ReportsAsync(Mels.Replace("Shape(40, 101)", "Shape(2, 40, 101)") + """
        [Model(typeof(Utterance))]
        public sealed partial class Net
        {
            [Squeeze(0), Permute(1, 0)] Layer frames;
            [Lstm(64)] Layer lstm;
            [Linear(6)] Layer fc;
        }
        """, new Expect("MLDSL0006|MLDSL0002", "Layer frames;", "2"));

    /// <summary>AdaptiveAvgPool2d copied from an image model onto a 1-D series.</summary>
    [Fact]
    public Task Adaptive_pool_2d_on_a_series() => ReportsAsync(Series + """
        [Model(typeof(Series))]
        public sealed partial class Net
        {
            [Conv1d(32, Kernel = 5), Relu, AdaptiveAvgPool2d(1), Flatten] Layer conv;
            [Linear(5)] Layer fc;
        }
        """, new Expect("MLDSL0002", "Layer conv;", "(32, 96)"));

    // ---------- legal but unusual: must stay silent ----------

    /// <summary>Two token features, each pooled over its own steps after a Permute, then joined: lengths may differ once pooled.</summary>
    [Fact]
    public Task Pooled_token_features_of_different_lengths_joined_is_silent() => SilentAsync(Pair + """
        [Model(typeof(QuestionPair))]
        public sealed partial class Net
        {
            [Input(nameof(QuestionPair.Question)), Embedding(4000, 32), Permute(1, 0), GlobalAvgPool1d] Layer question;
            [Input(nameof(QuestionPair.Answer)), Embedding(4000, 32), Permute(1, 0), GlobalAvgPool1d] Layer answer;
            [Concatenate(nameof(question), nameof(answer))] Layer join;
            [Linear(2)] Layer head;
        }
        """);

    /// <summary>A text CNN done right: the Transformer's (50, 64) states permuted to (64, 50), then Conv1d, MaxPool1d and GroupNorm over the steps.</summary>
    [Fact]
    public Task Permuted_sequence_into_conv1d_is_silent() => SilentAsync(Review + """
        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(5000, 64), PositionalEncoding, TransformerEncoder(4, FeedForward = 128)] Layer encoder;
            [Permute(1, 0), Conv1d(32, Kernel = 3, Padding = 1), GroupNorm(4), Relu, MaxPool1d(2)] Layer conv;
            [GlobalAvgPool1d, Linear(2)] Layer fc;
        }
        """);

    /// <summary>BatchNorm1d per feature on embeddings, done the PyTorch way: permute to (features, steps), normalise, permute back for the LSTM.</summary>
    [Fact]
    public Task Batch_norm_between_two_permutes_is_silent() => SilentAsync(Review + """
        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(5000, 64), Permute(1, 0), BatchNorm1d(NumFeatures = 64)] Layer embedding;
            [Permute(1, 0), Lstm(32)] Layer lstm;
            [Linear(2)] Layer fc;
        }
        """);

    /// <summary>A 12-lead ECG (12, 500) read directly by Conv1d: many channels, no permute needed.</summary>
    [Fact]
    public Task Ecg_leads_as_channels_is_silent() => SilentAsync(Series.Replace("Shape(16, 100)", "Shape(12, 500)") + """
        [Model(typeof(Series))]
        public sealed partial class Net
        {
            [Conv1d(32, Kernel = 7, Stride = 2, Padding = 3), BatchNorm1d, Relu, MaxPool1d(2)] Layer conv1;
            [Conv1d(64, Kernel = 5, Padding = 2), BatchNorm1d, Relu, AdaptiveAvgPool1d(4), Flatten] Layer conv2;
            [Linear(5)] Layer fc;
        }
        """);

    /// <summary>Linear per position on embeddings, LayerNorm over the last axis, then an LSTM: no Flatten wanted.</summary>
    [Fact]
    public Task Per_position_projection_of_embeddings_is_silent() => SilentAsync(Review + """
        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(5000, 64)] Layer embedding;
            [Linear(32), LayerNorm, Gelu] Layer proj;
            [Lstm(32, InputSize = 32)] Layer lstm;
            [Linear(2)] Layer fc;
        }
        """);

    /// <summary>An Embedding table bigger than the vocabulary (room for new tokens) and a padding id inside it.</summary>
    [Fact]
    public Task Embedding_larger_than_the_vocabulary_is_silent() => SilentAsync(Review + """
        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(8000, 64, PaddingIndex = 0)] Layer embedding;
            [Gru(64)] Layer gru;
            [Linear(2)] Layer fc;
        }
        """);

    /// <summary>Two sequences of equal length and different widths concatenated along features (an embedding beside its BiLSTM encoding).</summary>
    [Fact]
    public Task Concatenating_equal_length_sequences_is_silent() => SilentAsync(Review + """
        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(5000, 32)] Layer embedding;
            [Lstm(16, Bidirectional = true, ReturnSequences = true)] Layer lstm;
            [Concatenate(nameof(embedding), nameof(lstm))] Layer both;
            [SelectStep(-1), Linear(2)] Layer head;
        }
        """);

    /// <summary>A downsampling residual block on a 1-D signal (stride 2, channels doubled): a strided 1x1 projection fits.</summary>
    [Fact]
    public Task Strided_one_dimensional_residual_block_is_silent() => SilentAsync(Series + """
        [Block, Residual]
        public sealed partial class Down
        {
            [Conv1d(32, Kernel = 3, Stride = 2, Padding = 1), BatchNorm1d, Relu] Layer conv1;
            [Conv1d(32, Kernel = 3, Padding = 1), BatchNorm1d] Layer conv2;
        }

        [Model(typeof(Series))]
        public sealed partial class Net
        {
            Down down;
            [GlobalAvgPool1d, Linear(5)] Layer head;
        }
        """);

    /// <summary>Pools that bring a short sequence down to exactly one step, not zero.</summary>
    [Fact]
    public Task Pooling_down_to_one_step_is_silent() => SilentAsync(ShortText + """
        [Model(typeof(Tweet))]
        public sealed partial class Net
        {
            [Embedding(3000, 32), Permute(1, 0)] Layer embedding;
            [Conv1d(64, Kernel = 5), Relu, MaxPool1d(4)] Layer conv1;
            [Conv1d(64, Kernel = 4), Relu, MaxPool1d(1)] Layer conv2;
            [Flatten, Linear(3)] Layer fc;
        }
        """);

    /// <summary>A Transformer with 12 heads on a declared width of 96.</summary>
    [Fact]
    public Task Twelve_heads_on_width_96_is_silent() => SilentAsync(Mels + """
        [Model(typeof(Utterance))]
        public sealed partial class Net
        {
            [Permute(1, 0), Linear(96)] Layer project;
            [PositionalEncoding, TransformerEncoder(12, FeedForward = 384, NumLayers = 2, ModelWidth = 96)] Layer encoder;
            [Permute(1, 0), GlobalAvgPool1d, Linear(6)] Layer head;
        }
        """);

    /// <summary>The ResNet stem: 7x7 stride-2 conv and a 3x3 stride-2 max pool with padding 1.</summary>
    [Fact]
    public Task Resnet_stem_with_padded_max_pool_is_silent() => SilentAsync(Cifar + """
        [Model(typeof(Photo))]
        public sealed partial class Net
        {
            [Conv2d(64, Kernel = 7, Stride = 2, Padding = 3), BatchNorm2d, Relu, MaxPool2d(3, Stride = 2, Padding = 1)] Layer stem;
            [Conv2d(64, Kernel = 3, Padding = 1), BatchNorm2d, Relu] Layer conv;
            [AdaptiveAvgPool2d(1), Flatten, Linear(10)] Layer head;
        }
        """);

    /// <summary>A 1-D autoencoder: Upsample on a (channels, length) signal, then a per-clip head.</summary>
    [Fact]
    public Task Upsample_on_a_signal_is_silent() => SilentAsync(Series + """
        [Model(typeof(Series))]
        public sealed partial class Net
        {
            [Conv1d(8, Kernel = 3, Padding = 1), Relu, MaxPool1d(2)] Layer encode;
            [Upsample(2), Conv1d(16, Kernel = 3, Padding = 1)] Layer decode;
            [GlobalAvgPool1d, Linear(5)] Layer head;
        }
        """);

    /// <summary>A view with -1, as PyTorch code writes it: (1, 40, 101) seen as (40, 101).</summary>
    [Fact]
    public Task Reshape_with_minus_one_is_silent() => SilentAsync(Mels.Replace("Shape(40, 101)", "Shape(1, 40, 101)") + """
        [Model(typeof(Utterance))]
        public sealed partial class Net
        {
            [Reshape(40, -1), Permute(1, 0)] Layer frames;
            [Gru(64)] Layer gru;
            [Linear(6)] Layer fc;
        }
        """);

    /// <summary>BatchNorm1d on a conv's (channels, length) output, and LayerNorm over both trailing axes.</summary>
    [Fact]
    public Task Normalising_a_signal_both_ways_is_silent() => SilentAsync(Series + """
        [Model(typeof(Series))]
        public sealed partial class Net
        {
            [Conv1d(32, Kernel = 5, Padding = 2), BatchNorm1d, Relu] Layer conv1;
            [Conv1d(32, Kernel = 5, Padding = 2), LayerNorm(Dimensions = 2), Relu] Layer conv2;
            [GlobalAvgPool1d, Linear(5)] Layer head;
        }
        """);

    /// <summary>A sigmoid output for a probability regressed with mean squared error (a float label): not cross-entropy.</summary>
    [Fact]
    public Task Sigmoid_for_a_regressed_probability_is_silent() => SilentAsync(Tabular.Replace("[Label(Classes = 2)] public required int Malignant", "[Label] public required float Risk") + """
        [Model(typeof(Patient))]
        public sealed partial class Net
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1), Sigmoid] Layer output;
        }
        """);
}
