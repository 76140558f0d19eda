using static MlDsl.Analyzers.Tests.Infrastructure.ShapeCaseHarness;

namespace MlDsl.Analyzers.Tests;

/// <summary>Legal but unusual models that look like the mistakes above and must stay silent.</summary>
public sealed partial class FreshShapeCasesV
{
    /// <summary>The HAR windows turned channels-first by a Permute: (128, 9) -> (9, 128), then a Conv1d declaring its 9 in-channels.</summary>
    [Fact]
    public Task Har_windows_permuted_channels_first() => SilentAsync(Activity + """
        [Model(typeof(Window))]
        public sealed partial class Net
        {
            [Permute(1, 0), Conv1d(64, Kernel = 3, InChannels = 9), Relu, GlobalAvgPool1d] Layer conv;
            [Linear(6)] Layer fc;
        }
        """);

    /// <summary>The heartbeat permuted into 187 steps of one feature for an LSTM declaring input_size 1.</summary>
    [Fact]
    public Task Ecg_permuted_into_steps_for_an_lstm() => SilentAsync(Heartbeat + """
        [Model(typeof(Beat))]
        public sealed partial class Net
        {
            [Permute(1, 0), Lstm(64, InputSize = 1)] Layer lstm;
            [Linear(5)] Layer fc;
        }
        """);

    /// <summary>The ECG CNN with the in_features counted right (32 × 91).</summary>
    [Fact]
    public Task Ecg_cnn_in_features_counted_right() => SilentAsync(Heartbeat + """
        [Model(typeof(Beat))]
        public sealed partial class Net
        {
            [Conv1d(32, Kernel = 5), Relu, MaxPool1d(2), Flatten] Layer conv;
            [Linear(64, InFeatures = 2912), Relu] Layer fc1;
            [Linear(5)] Layer fc2;
        }
        """);

    /// <summary>A text CNN: the embeddings permuted to (100, 200) before a Conv1d that declares 100 in-channels.</summary>
    [Fact]
    public Task Text_cnn_with_the_permute() => SilentAsync(Movie + """
        [Model(typeof(Movie))]
        public sealed partial class Net
        {
            [Embedding(10000, 100, PaddingIndex = 0), Permute(1, 0)] Layer embedding;
            [Conv1d(64, Kernel = 5, InChannels = 100), BatchNorm1d, Relu, GlobalMaxPool1d] Layer conv;
            [Linear(2)] Layer fc;
        }
        """);

    /// <summary>An embedding table larger than the vocabulary (room for tokens added later).</summary>
    [Fact]
    public Task Embedding_table_larger_than_the_vocabulary() => SilentAsync(Sentence + """
        [Model(typeof(Sentence))]
        public sealed partial class Net
        {
            [Embedding(25000, 128)] Layer embedding;
            [Gru(64)] Layer gru;
            [Linear(5)] Layer fc;
        }
        """);

    /// <summary>A small Transformer classifier: width 128 over 8 heads, the width declared and right, the first step kept.</summary>
    [Fact]
    public Task Transformer_with_a_width_the_heads_divide() => SilentAsync(Sentence + """
        [Model(typeof(Sentence))]
        public sealed partial class Net
        {
            [Embedding(20000, 128), PositionalEncoding] Layer embedding;
            [TransformerEncoder(8, ModelWidth = 128, FeedForward = 256, NumLayers = 2)] Layer encoder;
            [LayerNorm, SelectStep(0), Linear(5)] Layer fc;
        }
        """);

    /// <summary>A bidirectional LSTM with the head sized for both directions, and a stacked second LSTM reading 200 features.</summary>
    [Fact]
    public Task Bilstm_widths_counted_for_both_directions() => SilentAsync(Sentence + """
        [Model(typeof(Sentence))]
        public sealed partial class Net
        {
            [Embedding(20000, 128)] Layer embedding;
            [Lstm(100, Bidirectional = true, ReturnSequences = true), LayerNorm] Layer lstm1;
            [Lstm(50, InputSize = 200, Bidirectional = true)] Layer lstm2;
            [Linear(5, InFeatures = 100)] Layer fc;
        }
        """);

    /// <summary>Dense layers applied per step to LSTM outputs, then the last step: Linear on a sequence is legal.</summary>
    [Fact]
    public Task Per_step_dense_layers_then_the_last_step() => SilentAsync(Movie + """
        [Model(typeof(Movie))]
        public sealed partial class Net
        {
            [Embedding(10000, 64)] Layer embedding;
            [Lstm(64, ReturnSequences = true), Linear(32), Gelu, Dropout(0.2)] Layer lstm;
            [SelectStep(-1), Linear(2)] Layer fc;
        }
        """);

    /// <summary>A softmax inside the network (attention-style weights) is not a softmax before the loss.</summary>
    [Fact]
    public Task Softmax_in_a_hidden_layer() => SilentAsync(Wine + """
        [Model(typeof(Wine))]
        public sealed partial class Net
        {
            [Linear(32), Softmax] Layer gate;
            [Linear(16), Relu] Layer hidden;
            [Linear(3)] Layer output;
        }
        """);

    /// <summary>GroupNorm on a (32, 50) signal with 8 groups, and BatchNorm1d declaring the right 64 channels.</summary>
    [Fact]
    public Task Norms_on_signals_with_the_right_counts() => SilentAsync(Motion + """
        [Model(typeof(Gesture))]
        public sealed partial class Net
        {
            [Conv1d(32, Kernel = 3, Padding = 1), GroupNorm(8, NumChannels = 32), Relu] Layer conv1;
            [Conv1d(64, Kernel = 3, Padding = 1), BatchNorm1d(NumFeatures = 64), Relu] Layer conv2;
            [GlobalAvgPool1d, Linear(4)] Layer fc;
        }
        """);

    /// <summary>Pools that bring 50 samples down to exactly one (50 -> 12 -> 3 -> 1 with a pool of 3) and no further.</summary>
    [Fact]
    public Task Pooling_down_to_exactly_one_sample() => SilentAsync(Motion + """
        [Model(typeof(Gesture))]
        public sealed partial class Net
        {
            [Conv1d(32, Kernel = 3, Padding = 1), Relu, MaxPool1d(4)] Layer b1;
            [Conv1d(64, Kernel = 3, Padding = 1), Relu, MaxPool1d(4)] Layer b2;
            [Conv1d(64, Kernel = 3, Padding = 1), Relu, MaxPool1d(3)] Layer b3;
            [Flatten, Linear(4, InFeatures = 64)] Layer fc;
        }
        """);

    /// <summary>A kernel exactly as long as the 50-sample recording reaches it whole: length 1, legal.</summary>
    [Fact]
    public Task Kernel_exactly_as_long_as_the_input() => SilentAsync(Motion + """
        [Model(typeof(Gesture))]
        public sealed partial class Net
        {
            [Conv1d(64, Kernel = 50), Relu, Flatten] Layer conv;
            [Linear(4, InFeatures = 64)] Layer fc;
        }
        """);

    /// <summary>A TCN unit with dilation 4 and padding 4 keeps the length, so its identity shortcut fits.</summary>
    [Fact]
    public Task Dilated_tcn_unit_with_identity_shortcut() => SilentAsync(Motion + """
        [Block, Residual(Shortcut = Shortcut.Identity)]
        public sealed partial class TcnUnit
        {
            [Conv1d(32, Kernel = 3, Dilation = 4, Padding = 4), BatchNorm1d, Relu] Layer conv1;
            [Conv1d(32, Kernel = 3, Padding = "same")] Layer conv2;
        }

        [Model(typeof(Gesture))]
        public sealed partial class Net
        {
            [Conv1d(32, Kernel = 1)] Layer stem;
            TcnUnit unit1;
            [GlobalAvgPool1d, Linear(4)] Layer head;
        }
        """);

    /// <summary>A depthwise-separable conv: groups equal to the 48 channels, then a pointwise 1×1.</summary>
    [Fact]
    public Task Depthwise_separable_conv() => SilentAsync(Snapshot + """
        [Model(typeof(Snapshot))]
        public sealed partial class Net
        {
            [Conv2d(48, Kernel = 3, Padding = 1), Relu] Layer stem;
            [Conv2d(96, Kernel = 3, Padding = 1, Groups = 48), Conv2d(64, Kernel = 1), Relu] Layer separable;
            [GlobalAvgPool2d, Flatten, Linear(10, InFeatures = 64)] Layer head;
        }
        """);

    /// <summary>A projection shortcut on an odd map: 33 × 33 strided to 17 × 17 and widened, which a 1×1 conv of stride 2 reproduces.</summary>
    [Fact]
    public Task Projection_shortcut_on_an_odd_map() => SilentAsync(Snapshot + """
        [Block, Residual]
        public sealed partial class DownUnit
        {
            [BlockArgument] public const int Channels = 32;

            [Conv2d(Channels, Kernel = 3, Padding = 1, Stride = 2), BatchNorm2d, Relu] Layer conv1;
            [Conv2d(Channels, Kernel = 3, Dilation = 2, Padding = 2), BatchNorm2d] Layer conv2;
        }

        [Model(typeof(Snapshot))]
        public sealed partial class Net
        {
            [Conv2d(16, Kernel = 2, Padding = 1), Relu] Layer stem;
            [Arguments(32)] DownUnit down1;
            [GlobalAvgPool2d, Linear(10)] Layer head;
        }
        """);

    /// <summary>The U-Net on 101 × 101 tiles done right: "same" padding and an Upsample to the skip's size.</summary>
    [Fact]
    public Task Unet_on_odd_tiles_upsampled_to_the_skip_size() => SilentAsync(Salt + """
        [Model(typeof(Tile))]
        public sealed partial class Net
        {
            [Conv2d(16, Kernel = 3, Padding = "same"), Relu] Layer enc;
            [MaxPool2d(2), Conv2d(16, Kernel = 3, Padding = "same"), Relu, Upsample(Size = new[] { 101, 101 }, Mode = "bilinear")] Layer dec;
            [Concatenate(nameof(enc), nameof(dec))] Layer skip;
            [Conv2d(8, Kernel = 1), GlobalAvgPool2d, Linear(2)] Layer head;
        }
        """);

    /// <summary>A transposed conv with padding 1 and output padding 1 brings 8 back to exactly 16 for the skip.</summary>
    [Fact]
    public Task Transposed_conv_with_output_padding_meets_the_skip() => SilentAsync(Snapshot + """
        [Model(typeof(Snapshot))]
        public sealed partial class Net
        {
            [Conv2d(16, Kernel = 3, Padding = 1), Relu, MaxPool2d(2)] Layer enc;
            [MaxPool2d(2), Conv2d(32, Kernel = 3, Padding = 1), Relu] Layer bottom;
            [ConvTranspose2d(16, Kernel = 3, Stride = 2, Padding = 1, OutputPadding = 1)] Layer up;
            [Concatenate(nameof(enc), nameof(up))] Layer skip;
            [GlobalAvgPool2d, Linear(10)] Layer head;
        }
        """);

    /// <summary>The photo pooled to a vector before it meets the metadata.</summary>
    [Fact]
    public Task Metadata_joined_after_global_pooling() => SilentAsync(Product + """
        [Model(typeof(Product))]
        public sealed partial class Net
        {
            [Input(nameof(Product.Photo)), Conv2d(16, Kernel = 3), Relu, MaxPool2d(2), GlobalAvgPool2d] Layer image;
            [Input(nameof(Product.Price), nameof(Product.Category)), Linear(8), Relu] Layer meta;
            [Concatenate(nameof(image), nameof(meta)), Linear(16), Relu] Layer join;
            [Linear(4)] Layer head;
        }
        """);

    /// <summary>Two towers of equal width made differently: an LSTM of 64 and a bidirectional GRU of 2 × 32, added.</summary>
    [Fact]
    public Task Towers_of_equal_width_made_differently_added() => SilentAsync(Qa + """
        [Model(typeof(Qa))]
        public sealed partial class Net
        {
            [Input(nameof(Qa.Question)), Embedding(5000, 64), Lstm(64)] Layer question;
            [Input(nameof(Qa.Answer)), Embedding(5000, 48), Gru(32, Bidirectional = true)] Layer answer;
            [Add(nameof(question), nameof(answer))] Layer sum;
            [Linear(2)] Layer head;
        }
        """);

    /// <summary>Two sequences of the same 30 steps but different widths concatenated along their features: (30, 64) and (30, 32).</summary>
    [Fact]
    public Task Sequences_of_equal_length_concatenated_along_features() => SilentAsync(Qa + """
        [Model(typeof(Qa))]
        public sealed partial class Net
        {
            [Input(nameof(Qa.Question)), Embedding(5000, 64)] Layer question;
            [Input(nameof(Qa.Answer)), Embedding(5000, 32)] Layer answer;
            [Concatenate(nameof(question), nameof(answer))] Layer both;
            [Lstm(48), Linear(2)] Layer head;
        }
        """);

    /// <summary>A text branch reduced to its last step before it meets the price.</summary>
    [Fact]
    public Task Sequence_reduced_to_its_last_step_then_joined() => SilentAsync(Advert + """
        [Model(typeof(Advert))]
        public sealed partial class Net
        {
            [Input(nameof(Advert.Text)), Embedding(8000, 32), Lstm(64, ReturnSequences = true), SelectStep(-1)] Layer text;
            [Input(nameof(Advert.Price)), Linear(8), Relu] Layer meta;
            [Concatenate(nameof(text), nameof(meta))] Layer join;
            [Linear(3)] Layer head;
        }
        """);

    /// <summary>A DenseNet-style growth inside a 1-D block: the block's input concatenated with its conv along the channels.</summary>
    [Fact]
    public Task Dense_growth_on_a_signal() => SilentAsync(Motion + """
        [Block]
        public sealed partial class Grow1d
        {
            [BlockArgument] public const int Growth = 8;

            [BatchNorm1d, Relu, Conv1d(Growth, Kernel = 3, Padding = 1)] Layer conv;
            [Concatenate(BlockAttribute.Input, nameof(conv))] Layer grow;
        }

        [Model(typeof(Gesture))]
        public sealed partial class Net
        {
            [Conv1d(16, Kernel = 3, Padding = 1)] Layer stem;
            [Arguments(8)] Grow1d grow1;
            [Arguments(12)] Grow1d grow2;
            [GlobalAvgPool1d, Linear(4, InFeatures = 36)] Layer head;
        }
        """);

    /// <summary>The paper's LayerNorm(512) where the width really is 512: the declared size is the sequence's last axis.</summary>
    [Fact]
    public Task Layernorm_size_that_is_the_sequence_width() => SilentAsync(Sentence + """
        [Model(typeof(Sentence))]
        public sealed partial class Net
        {
            [Embedding(20000, 512), LayerNorm(NormalizedShape = 512)] Layer embedding;
            [Lstm(64)] Layer lstm;
            [Linear(5)] Layer fc;
        }
        """);

    /// <summary>Cross-attention between towers of different widths with kdim and vdim declared, as PyTorch needs them.</summary>
    [Fact]
    public Task Cross_attention_with_the_answer_width_declared() => SilentAsync(Qa + """
        [Model(typeof(Qa))]
        public sealed partial class Net
        {
            [Input(nameof(Qa.Question)), Embedding(5000, 64)] Layer question;
            [Input(nameof(Qa.Answer)), Embedding(5000, 32)] Layer answer;
            [From(nameof(question)), MultiheadAttention(64, 8, KeyValue = nameof(answer), KeyDim = 32, ValueDim = 32)] Layer attend;
            [SelectStep(0), Linear(2)] Layer fc;
        }
        """);
}
