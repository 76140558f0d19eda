using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// The shape rules on sequence models: each mistake fires on the layer with a precise message, and the
/// look-alike that is right stays silent.
/// </summary>
public sealed class SequenceRuleTests
{
    private const string Review = """
        using MlDsl;

        [Dataset]
        public sealed partial record Review
        {
            [Feature, Shape(60), Vocabulary(5000)] public required int[] Tokens { get; init; }
            [Label(Classes = 2)] public int Positive { get; init; }
        }

        """;

    private const string Frames = """
        using MlDsl;

        [Dataset]
        public sealed partial record Utterance
        {
            [Feature, Shape(100, 40)] public required float[] Mels { get; init; }
            [Label(Classes = 3)] public int Speaker { get; init; }
        }

        """;

    private const string Flat = """
        using MlDsl;

        [Dataset]
        public sealed partial record Reading
        {
            [Feature, Shape(40)] public required float[] Values { get; init; }
            [Label(Classes = 3)] public int Kind { get; init; }
        }

        """;

    private static string Model(string dataset, string layers) =>
        $"[Model(typeof({dataset}))]\npublic sealed partial class Net\n{{\n{layers}\n}}\n";

    private const string ReviewLstm = """
            [Embedding(5000, 32, PaddingIndex = 0)] Layer embed;
            [Lstm(64)] Layer lstm;
            [Linear(2)] Layer head;
        """;

    [Fact]
    public Task An_embedding_lstm_over_declared_tokens_is_silent() => AnalyzerAsync(Review + Model("Review", ReviewLstm));

    [Fact]
    public Task An_embedding_smaller_than_the_feature_vocabulary_is_reported_on_the_embedding() => AnalyzerAsync(
        Review + Model("Review", ReviewLstm.Replace("[Embedding(5000, 32, PaddingIndex = 0)]", "[{|#0:Embedding(1000, 32)|}]")),
        Diagnostic("MLDSL0033").WithLocation(0).WithMessage(
            "'embed' (Embedding) has 1000 rows but receives token ids (60) (vocabulary 5000); ids 1000 to 4999 have no row (set NumEmbeddings to at least 5000)"));

    [Fact]
    public Task An_embedding_larger_than_the_feature_vocabulary_is_silent() =>
        AnalyzerAsync(Review + Model("Review", ReviewLstm.Replace("Embedding(5000, 32, PaddingIndex = 0)", "Embedding(6000, 32)")));

    [Fact]
    public Task An_embedding_fed_floats_is_reported() => AnalyzerAsync(
        Flat + Model("Reading", "[{|#0:Embedding(100, 8)|}, Lstm(4)] Layer embed;\n[Linear(3)] Layer head;"),
        Diagnostic("MLDSL0033").WithLocation(0).WithMessage(
            "'embed' (Embedding) looks up integer token ids (steps) but receives floats (40); feed it an int[] feature declared with [Shape(steps), Vocabulary(n)], as the model's first layer"));

    [Fact]
    public Task A_padding_index_outside_the_table_is_reported() => AnalyzerAsync(
        Review + Model("Review", ReviewLstm.Replace("Embedding(5000, 32, PaddingIndex = 0)", "{|#0:Embedding(5000, 32, PaddingIndex = 5000)|}")),
        Diagnostic("MLDSL0006").WithLocation(0));

    [Fact]
    public Task A_recurrent_layer_fed_a_flat_vector_is_a_rank_mismatch() => AnalyzerAsync(
        Flat + Model("Reading", "[{|#0:Lstm(16)|}] Layer lstm;\n[Linear(3)] Layer head;"),
        Diagnostic("MLDSL0002").WithLocation(0).WithMessage(
            "'lstm' (Lstm) expects a sequence (steps, features) but receives (40), a rank-1 tensor; LSTM reads one vector per step: "
            + "declare the feature as [Shape(steps, features)], put [Embedding] before it for token ids, or [Reshape(steps, features)]"));

    [Fact]
    public Task A_recurrent_layer_fed_frames_is_silent() =>
        AnalyzerAsync(Frames + Model("Utterance", "[Gru(16, Bidirectional = true)] Layer gru;\n[Linear(3)] Layer head;"));

    [Fact]
    public Task A_recurrent_layer_fed_a_spectrogram_map_is_told_how_to_make_frames() => AnalyzerAsync(
        Frames + Model("Utterance", "[Unsqueeze(0)] Layer channel;\n[{|#0:Lstm(16)|}] Layer lstm;\n[Linear(3)] Layer head;"),
        Diagnostic("MLDSL0002").WithLocation(0).WithMessage(
            "'lstm' (Lstm) expects a sequence (steps, features) but receives (1, 100, 40), a rank-3 tensor; "
            + "a spectrogram (1, frequency, time) becomes a sequence of frames with [Squeeze(0), Permute(1, 0)]"));

    [Fact]
    public Task An_lstm_input_size_that_is_not_the_feature_width_is_reported_with_both() => AnalyzerAsync(
        Frames + Model("Utterance", "[{|#0:Lstm(16, InputSize = 32)|}] Layer lstm;\n[Linear(3)] Layer head;"),
        Diagnostic("MLDSL0001").WithLocation(0).WithMessage("'lstm' (Lstm) declares 32 input features per step but receives (100, 40), which has 40"));

    [Fact]
    public Task An_lstm_input_size_equal_to_the_feature_width_is_silent() =>
        AnalyzerAsync(Frames + Model("Utterance", "[Lstm(16, InputSize = 40)] Layer lstm;\n[Linear(3)] Layer head;"));

    [Fact]
    public Task Attention_width_not_divisible_by_the_heads_is_reported() => AnalyzerAsync(
        Review + Model("Review", "[Embedding(5000, 30), PositionalEncoding] Layer embed;\n[{|#0:TransformerEncoder(4, FeedForward = 64)|}, SelectStep] Layer encoder;\n[Linear(2)] Layer head;"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'encoder' (TransformerEncoder) has 4 heads but receives a sequence (60, 30) (steps, features): the width 30 is not divisible by 4; "
            + "each head attends over width/heads features, so choose heads that divide 30 or project the width with [Linear] first"));

    [Fact]
    public Task Attention_width_divisible_by_the_heads_is_silent() => AnalyzerAsync(
        Review + Model("Review", "[Embedding(5000, 30), PositionalEncoding] Layer embed;\n[TransformerEncoder(5, FeedForward = 64), SelectStep] Layer encoder;\n[Linear(2)] Layer head;"));

    [Fact]
    public Task Linear_on_a_sequence_applies_per_position_and_is_silent() => AnalyzerAsync(
        Review + Model("Review", "[Embedding(5000, 32)] Layer embed;\n[Linear(16), Relu] Layer perToken;\n[SelectStep(0), Linear(2)] Layer head;"));

    [Fact]
    public Task Linear_on_frames_permuted_out_of_a_spectrogram_is_silent() => AnalyzerAsync(
        Frames + Model("Utterance", "[Permute(1, 0)] Layer frames;\n[Linear(8)] Layer perFrame;\n[SelectStep, Linear(3)] Layer head;"));

    [Fact]
    public Task Linear_on_a_rank_two_feature_not_known_to_be_a_sequence_still_asks_for_flatten() => AnalyzerAsync(
        Frames + Model("Utterance", "[{|#0:Linear(8)|}] Layer first;\n[Linear(3)] Layer head;"),
        Diagnostic("MLDSL0003").WithLocation(0).WithMessage(
            "'first' (Linear) expects a flat (features) tensor but receives (100, 40), a feature map; add [Flatten] before it "
            + "(Linear applies per position only to a sequence (steps, features) made by Embedding, Lstm or Gru with ReturnSequences, TransformerEncoder, PositionalEncoding or Permute)"));

    [Fact]
    public Task Linear_on_token_ids_is_told_to_look_them_up_with_an_embedding() => AnalyzerAsync(
        Review + Model("Review", "[{|#0:Linear(2)|}] Layer head;"),
        Diagnostic("MLDSL0033").WithLocation(0).WithMessage(
            "'head' (Linear) receives token ids (60) (vocabulary 5000); ids are indices, not quantities: look them up with [Embedding(5000, width)] first"));

    [Fact]
    public Task A_select_step_beyond_the_sequence_is_reported() => AnalyzerAsync(
        Frames + Model("Utterance", "[Lstm(8, ReturnSequences = true)] Layer lstm;\n[{|#0:SelectStep(100)|}, Linear(3)] Layer head;"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage("'head' (SelectStep) selects step 100 of a sequence (100, 8) (steps, features); it must lie in [-100, 99]"));

    [Fact]
    public Task A_permute_that_names_an_axis_twice_is_reported() => AnalyzerAsync(
        Frames + Model("Utterance", "[{|#0:Permute(0, 0)|}, Lstm(8)] Layer frames;\n[Linear(3)] Layer head;"),
        Diagnostic("MLDSL0006").WithLocation(0));

    [Fact]
    public Task A_reshape_to_another_element_count_is_reported() => AnalyzerAsync(
        Flat + Model("Reading", "[{|#0:Reshape(8, 6)|}, Lstm(8)] Layer frames;\n[Linear(3)] Layer head;"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage("'frames' (Reshape) cannot reshape (40) (40 values) to (8, 6) (48 values)"));

    [Fact]
    public Task A_reshape_to_steps_and_features_feeds_a_recurrent_layer() =>
        AnalyzerAsync(Flat + Model("Reading", "[Reshape(8, -1), Lstm(8)] Layer frames;\n[Linear(3)] Layer head;"));

    [Fact]
    public Task A_token_feature_without_a_vocabulary_is_reported() => AnalyzerAsync(
        Review.Replace(", Vocabulary(5000)] public required int[] Tokens", "] public required int[] {|#0:Tokens|}") + Model("Review", ReviewLstm),
        Diagnostic("MLDSL0009").WithLocation(0).WithMessage(
            "Feature 'Review.Tokens' is an int[] of token ids without a positive [Vocabulary]; declare how many distinct ids there are, e.g. [Vocabulary(5000)]"));

    [Fact]
    public Task A_vocabulary_beyond_what_a_float_holds_exactly_is_reported() => AnalyzerAsync(
        Review.Replace("Vocabulary(5000)] public required int[] Tokens", "Vocabulary(20000000)] public required int[] {|#0:Tokens|}") + Model("Review", ReviewLstm),
        Diagnostic("MLDSL0009").WithLocation(0));
}
