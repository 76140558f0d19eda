using static MlDsl.Analyzers.Tests.Infrastructure.ShapeCaseHarness;

namespace MlDsl.Analyzers.Tests;

/// <summary>Mistakes from bug reports in the 1-D, sequence, embedding, attention and normalisation families.</summary>
public sealed partial class FreshShapeCasesV
{
    /// <summary>"mat1 and mat2 shapes cannot be multiplied (64x2912 and 2976x64)": an ECG CNN's in_features counted as 32 * 187 / 2, forgetting the kernel's trim.</summary>
    [Fact]
    public Task Ecg_cnn_in_features_counted_without_the_conv_trim() => ReportsAsync(Heartbeat + """
        [Model(typeof(Beat))]
        public sealed partial class Net
        {
            [Conv1d(32, Kernel = 5), Relu, MaxPool1d(2), Flatten] Layer conv;
            [Linear(64, InFeatures = 2976), Relu] Layer fc1;
            [Linear(5)] Layer fc2;
        }
        """, new Expect("MLDSL0001", "Layer fc1;", "2976", "2912"));

    /// <summary>"Given groups=1, weight of size [64, 9, 3], expected input[32, 128, 9] to have 9 channels, but got 128 channels instead": HAR windows kept as (steps, channels).</summary>
    [Fact]
    public Task Har_windows_read_as_128_channels() => ReportsAsync(Activity + """
        [Model(typeof(Window))]
        public sealed partial class Net
        {
            [Conv1d(64, Kernel = 3, InChannels = 9), Relu, GlobalAvgPool1d] Layer conv;
            [Linear(6)] Layer fc;
        }
        """, new Expect("MLDSL0001", "Layer conv;", "9", "128"));

    /// <summary>"Calculated padded input size per channel: (9). Kernel size: (11). Kernel size can't be greater than actual input size": the same windows, a wide kernel sliding along the 9 channels.</summary>
    [Fact]
    public Task Har_wide_kernel_slides_along_the_nine_channels() => ReportsAsync(Activity + """
        [Model(typeof(Window))]
        public sealed partial class Net
        {
            [Conv1d(64, Kernel = 11), Relu, GlobalAvgPool1d] Layer conv;
            [Linear(6)] Layer fc;
        }
        """, new Expect("MLDSL0004", "Layer conv;", "(128, 9)"));

    /// <summary>"input.size(-1) must be equal to input_size. Expected 1, got 187": a heartbeat (1, 187) fed to an LSTM as one step of 187 features.</summary>
    [Fact]
    public Task Ecg_lstm_reads_one_step_of_187_features() => ReportsAsync(Heartbeat + """
        [Model(typeof(Beat))]
        public sealed partial class Net
        {
            [Lstm(64, InputSize = 1)] Layer lstm;
            [Linear(5)] Layer fc;
        }
        """, new Expect("MLDSL0001", "Layer lstm;", "1", "187"));

    /// <summary>A 1-D CNN on a raw heartbeat with no channel axis: "Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: [32, 187]".</summary>
    [Fact]
    public Task Ecg_flat_beat_into_conv1d() => ReportsAsync(Heartbeat.Replace("Shape(1, 187)", "Shape(187)") + """
        [Model(typeof(Beat))]
        public sealed partial class Net
        {
            [Conv1d(16, Kernel = 5), Relu, GlobalAvgPool1d] Layer conv;
            [Linear(5)] Layer fc;
        }
        """, new Expect("MLDSL0002", "Layer conv;", "(187)", "Unsqueeze"));

    /// <summary>BatchNorm1d on LSTM outputs (batch, steps, hidden): "running_mean should contain 200 elements not 128" — it normalises the steps.</summary>
    [Fact]
    public Task Batchnorm1d_on_lstm_sequence_outputs() => ReportsAsync(Movie + """
        [Model(typeof(Movie))]
        public sealed partial class Net
        {
            [Embedding(10000, 100)] Layer embedding;
            [Lstm(128, ReturnSequences = true), BatchNorm1d] Layer lstm;
            [SelectStep(-1), Linear(2)] Layer fc;
        }
        """, new Expect("MLDSL0002", "Layer lstm;", "(200, 128)"));

    /// <summary>"Expected tensor for argument #1 'indices' to have scalar type Long; but got torch.FloatTensor": an Embedding fed float features.</summary>
    [Fact]
    public Task Embedding_fed_float_measurements() => ReportsAsync(Wine + """
        [Model(typeof(Wine))]
        public sealed partial class Net
        {
            [Embedding(1000, 16)] Layer embedding;
            [SelectStep(-1), Linear(3)] Layer fc;
        }
        """, new Expect("MLDSL0033", "Layer embedding;", "floats", "(20)"));

    /// <summary>The Embedding placed after a dense layer (a Keras model reordered): it would look up floats.</summary>
    [Fact]
    public Task Embedding_after_a_dense_layer() => ReportsAsync(Wine + """
        [Model(typeof(Wine))]
        public sealed partial class Net
        {
            [Linear(32), Relu] Layer dense;
            [Embedding(1000, 16)] Layer embedding;
            [SelectStep(-1), Linear(3)] Layer fc;
        }
        """, new Expect("MLDSL0033", "Layer embedding;", "Embedding"));

    /// <summary>"IndexError: index out of range in self": num_embeddings=10000 while the tokenizer kept 20000 words.</summary>
    [Fact]
    public Task Embedding_table_smaller_than_the_vocabulary() => ReportsAsync(Sentence + """
        [Model(typeof(Sentence))]
        public sealed partial class Net
        {
            [Embedding(10000, 128)] Layer embedding;
            [Lstm(64)] Layer lstm;
            [Linear(5)] Layer fc;
        }
        """, new Expect("MLDSL0033", "Layer embedding;", "20000", "10000"));

    /// <summary>"embed_dim must be divisible by num_heads": 300-d GloVe vectors into an 8-head encoder.</summary>
    [Fact]
    public Task Glove_width_not_divisible_by_eight_heads() => ReportsAsync(Sentence + """
        [Model(typeof(Sentence))]
        public sealed partial class Net
        {
            [Embedding(20000, 300), PositionalEncoding] Layer embedding;
            [TransformerEncoder(8, FeedForward = 512)] Layer encoder;
            [SelectStep(0), Linear(5)] Layer fc;
        }
        """, new Expect("MLDSL0006", "Layer encoder;", "300", "8"));

    /// <summary>"was expecting embedding dimension of 512, but got 256": d_model copied from the paper, the embedding made smaller.</summary>
    [Fact]
    public Task Transformer_d_model_copied_from_the_paper() => ReportsAsync(Sentence + """
        [Model(typeof(Sentence))]
        public sealed partial class Net
        {
            [Embedding(20000, 256), PositionalEncoding] Layer embedding;
            [TransformerEncoder(8, ModelWidth = 512, FeedForward = 1024)] Layer encoder;
            [SelectStep(0), Linear(5)] Layer fc;
        }
        """, new Expect("MLDSL0001", "Layer encoder;", "512", "256"));

    /// <summary>A ViT patch embedding without <c>flatten(2).transpose(1, 2)</c>: the encoder gets the (64, 8, 8) patch map.</summary>
    [Fact]
    public Task Vit_patch_map_into_the_encoder_without_flattening() => ReportsAsync(Snapshot + """
        [Model(typeof(Snapshot))]
        public sealed partial class Net
        {
            [Conv2d(64, Kernel = 4, Stride = 4)] Layer patches;
            [TransformerEncoder(8, FeedForward = 256)] Layer encoder;
            [Flatten, Linear(10)] Layer fc;
        }
        """, new Expect("MLDSL0002", "Layer encoder;", "(64, 8, 8)"));

    /// <summary>LayerNorm over [C, H, W] copied onto a (steps, width) sequence: three trailing axes on a rank-2 tensor.</summary>
    [Fact]
    public Task Layernorm_over_three_axes_of_a_sequence() => ReportsAsync(Movie + """
        [Model(typeof(Movie))]
        public sealed partial class Net
        {
            [Embedding(10000, 100), LayerNorm(Dimensions = 3)] Layer embedding;
            [Lstm(64)] Layer lstm;
            [Linear(2)] Layer fc;
        }
        """, new Expect("MLDSL0006", "Layer embedding;", "3", "(200, 100)"));

    /// <summary>"Expected number of channels in input to be divisible by num_groups": GroupNorm dropped into an MLP, where LayerNorm was meant.</summary>
    [Fact]
    public Task Groupnorm_in_an_mlp() => ReportsAsync(Wine + """
        [Model(typeof(Wine))]
        public sealed partial class Net
        {
            [Linear(64), GroupNorm(8), Relu] Layer hidden;
            [Linear(3)] Layer output;
        }
        """, new Expect("MLDSL0002", "Layer hidden;", "(64)", "LayerNorm"));

    /// <summary>GroupNorm(4, 64) kept after the conv was narrowed to 32 channels.</summary>
    [Fact]
    public Task Groupnorm_channel_count_kept_after_narrowing_the_conv() => ReportsAsync(Motion + """
        [Model(typeof(Gesture))]
        public sealed partial class Net
        {
            [Conv1d(32, Kernel = 3, Padding = 1), GroupNorm(4, NumChannels = 64), Relu] Layer conv;
            [GlobalAvgPool1d, Linear(4)] Layer fc;
        }
        """, new Expect("MLDSL0001", "Layer conv;", "64", "32"));

    /// <summary>"Given input size: (64x3). Calculated output size: (64x0). Output size is too small": three pools of 4 on 50 samples.</summary>
    [Fact]
    public Task Maxpool1d_shrinks_a_short_recording_to_nothing() => ReportsAsync(Motion + """
        [Model(typeof(Gesture))]
        public sealed partial class Net
        {
            [Conv1d(32, Kernel = 3, Padding = 1), Relu, MaxPool1d(4)] Layer b1;
            [Conv1d(64, Kernel = 3, Padding = 1), Relu, MaxPool1d(4)] Layer b2;
            [Conv1d(64, Kernel = 3, Padding = 1), Relu, MaxPool1d(4)] Layer b3;
            [GlobalAvgPool1d, Linear(4)] Layer fc;
        }
        """, new Expect("MLDSL0004", "Layer b3;", "(64, 3)"));

    /// <summary>A ConvTranspose1d whose padding trims more than it grows a length-1 code: output length -1.</summary>
    [Fact]
    public Task Convtranspose1d_padding_larger_than_its_growth() => ReportsAsync(Motion + """
        [Model(typeof(Gesture))]
        public sealed partial class Net
        {
            [Conv1d(16, Kernel = 3), AdaptiveAvgPool1d(1)] Layer encode;
            [ConvTranspose1d(8, Kernel = 3, Padding = 2)] Layer decode;
            [Flatten, Linear(4)] Layer fc;
        }
        """, new Expect("MLDSL0004", "Layer decode;", "(16, 1)"));

    /// <summary>"Got 3D input, but bilinear mode needs 4D input": image upsampling copied into a 1-D model.</summary>
    [Fact]
    public Task Bilinear_upsample_on_a_signal() => ReportsAsync(Motion + """
        [Model(typeof(Gesture))]
        public sealed partial class Net
        {
            [Conv1d(16, Kernel = 3, Padding = 1), Upsample(2, Mode = "bilinear")] Layer up;
            [GlobalAvgPool1d, Linear(4)] Layer fc;
        }
        """, new Expect("MLDSL0006", "Layer up;", "bilinear"));

    /// <summary>"padding='same' is not supported for strided convolutions".</summary>
    [Fact]
    public Task Same_padding_with_stride_two() => ReportsAsync(Motion + """
        [Model(typeof(Gesture))]
        public sealed partial class Net
        {
            [Conv1d(32, Kernel = 3, Stride = 2, Padding = "same"), Relu] Layer conv;
            [GlobalAvgPool1d, Linear(4)] Layer fc;
        }
        """, new Expect("MLDSL0006", "Layer conv;", "same"));

    /// <summary>A bidirectional LSTM's classifier sized for one direction: "mat1 and mat2 shapes cannot be multiplied (32x200 and 100x5)".</summary>
    [Fact]
    public Task Bilstm_head_sized_for_one_direction() => ReportsAsync(Sentence + """
        [Model(typeof(Sentence))]
        public sealed partial class Net
        {
            [Embedding(20000, 128)] Layer embedding;
            [Lstm(100, Bidirectional = true)] Layer lstm;
            [Linear(5, InFeatures = 100)] Layer fc;
        }
        """, new Expect("MLDSL0001", "Layer fc;", "100", "200"));

    /// <summary>The second LSTM of a stack sized for one direction of the bidirectional first: "Expected 100, got 200".</summary>
    [Fact]
    public Task Stacked_lstm_input_size_for_one_direction() => ReportsAsync(Sentence + """
        [Model(typeof(Sentence))]
        public sealed partial class Net
        {
            [Embedding(20000, 128)] Layer embedding;
            [Lstm(100, Bidirectional = true, ReturnSequences = true)] Layer lstm1;
            [Lstm(50, InputSize = 100)] Layer lstm2;
            [Linear(5)] Layer fc;
        }
        """, new Expect("MLDSL0001", "Layer lstm2;", "100", "200"));

    /// <summary>"IndexError: too many indices for tensor of dimension 2": <c>out[:, -1, :]</c> on the LSTM's final state, not its outputs.</summary>
    [Fact]
    public Task Last_step_taken_of_the_final_state() => ReportsAsync(Movie + """
        [Model(typeof(Movie))]
        public sealed partial class Net
        {
            [Embedding(10000, 64)] Layer embedding;
            [Lstm(64), SelectStep(-1)] Layer lstm;
            [Linear(2)] Layer fc;
        }
        """, new Expect("MLDSL0002|MLDSL0006", "Layer lstm;", "(64)"));

    /// <summary>PyTorch's <c>x.permute(0, 2, 1)</c> copied with the batch axis into a per-example Permute: three axes for a (200, 100) sequence.</summary>
    [Fact]
    public Task Permute_copied_with_the_batch_axis() => ReportsAsync(Movie + """
        [Model(typeof(Movie))]
        public sealed partial class Net
        {
            [Embedding(10000, 100), Permute(0, 2, 1)] Layer embedding;
            [Conv1d(64, Kernel = 3), Relu, GlobalMaxPool1d] Layer conv;
            [Linear(2)] Layer fc;
        }
        """, new Expect("MLDSL0006|MLDSL0002", "Layer embedding;", "(200, 100)"));

    /// <summary>"Using a target size that is different to the input size" in Keras terms: one sigmoid unit for a four-class gesture label.</summary>
    [Fact]
    public Task One_output_unit_for_four_gestures() => ReportsAsync(Motion + """
        [Model(typeof(Gesture))]
        public sealed partial class Net
        {
            [Conv1d(32, Kernel = 3, Padding = 1), Relu, GlobalAvgPool1d] Layer conv;
            [Linear(1)] Layer output;
        }
        """, new Expect("MLDSL0005", "Layer output;", "(1)", "4"));

    /// <summary>Softmax before nn.CrossEntropyLoss in a sentiment LSTM ("my loss is stuck at 0.69").</summary>
    [Fact]
    public Task Softmax_before_cross_entropy_in_an_lstm_classifier() => ReportsAsync(Movie + """
        [Model(typeof(Movie))]
        public sealed partial class Net
        {
            [Embedding(10000, 64)] Layer embedding;
            [Lstm(64)] Layer lstm;
            [Linear(2), Softmax] Layer fc;
        }
        """, new Expect("MLDSL0014", "Layer fc;", "Softmax"));

    /// <summary>PyTorch's <c>nn.LayerNorm(512)</c>, the paper's width, on a 256-wide sequence ("Given normalized_shape=[512], expected input with shape [*, 512]").</summary>
    [Fact]
    public Task Layernorm_size_kept_from_the_paper() => ReportsAsync(Sentence + """
        [Model(typeof(Sentence))]
        public sealed partial class Net
        {
            [Embedding(20000, 256), LayerNorm(NormalizedShape = 512)] Layer embedding;
            [Lstm(64)] Layer lstm;
            [Linear(5)] Layer fc;
        }
        """, new Expect("MLDSL0001", "Layer embedding;", "512", "256"));

    /// <summary>
    /// Cross-attention between a question and an answer tower with kdim left at embed_dim ("key dimension 64 does not match 32").
    /// Stated as MlDsl declares it: the query is the member's input (here the question, read with [From]), the keys and values
    /// the member KeyValue names, and the layer takes PyTorch's (embed_dim, num_heads); the mark (rule, line, sizes) is the tester's.
    /// </summary>
    [Fact]
    public Task Cross_attention_key_width_left_at_query_width() => ReportsAsync(Qa + """
        [Model(typeof(Qa))]
        public sealed partial class Net
        {
            [Input(nameof(Qa.Question)), Embedding(5000, 64)] Layer question;
            [Input(nameof(Qa.Answer)), Embedding(5000, 32)] Layer answer;
            [From(nameof(question)), MultiheadAttention(64, 8, KeyValue = nameof(answer))] Layer attend;
            [SelectStep(0), Linear(2)] Layer fc;
        }
        """, new Expect("MLDSL0039", "Layer attend;", "64", "32"));
}
