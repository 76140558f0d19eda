using MlDsl.CodeFixes;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// MultiheadAttention (PyTorch's nn.MultiheadAttention, batch first): self-attention over the member's input, and
/// cross-attention whose keys and values come from the member its KeyValue names. Each mistake fires on the attribute
/// with both sizes; the right declaration and the look-alikes stay silent.
/// </summary>
public sealed class AttentionRuleTests
{
    private const string Qa = """
        using MlDsl;

        [Dataset]
        public sealed partial record Qa
        {
            [Feature, Shape(30), Vocabulary(5000)] public required int[] Question { get; init; }
            [Feature, Shape(20), Vocabulary(5000)] public required int[] Answer { get; init; }
            [Label(Classes = 2)] public required int Relevant { get; init; }
        }

        [Model(typeof(Qa))]
        public sealed partial class Net
        {
            [Input(nameof(Qa.Question)), Embedding(5000, 64)] Layer question;
            [Input(nameof(Qa.Answer)), Embedding(5000, ANSWER)] Layer answer;
            [From(nameof(question)), ATTEND] Layer attend;
            [SelectStep(0), Linear(2)] Layer head;
        }
        """;

    private static string Cross(string attend, int answerWidth = 32) => Qa.Replace("ATTEND", attend).Replace("ANSWER", answerWidth.ToString());

    private const string Review = """
        using MlDsl;

        [Dataset]
        public sealed partial record Review
        {
            [Feature, Shape(60), Vocabulary(5000)] public required int[] Tokens { get; init; }
            [Label(Classes = 2)] public int Positive { get; init; }
        }

        [Model(typeof(Review))]
        public sealed partial class Net
        {
            [Embedding(5000, 32)] Layer embed;
            [ATTEND] Layer attend;
            [SelectStep, Linear(2)] Layer head;
        }
        """;

    private static string Self(string attend) => Review.Replace("ATTEND", attend);

    [Fact]
    public Task Self_attention_over_an_embedded_sequence_is_silent() => AnalyzerAsync(Self("MultiheadAttention(32, 4, Dropout = 0.1)"));

    [Fact]
    public Task Keys_of_another_width_with_kdim_left_at_the_embedding_width_are_reported_on_the_attention() => AnalyzerAsync(
        Cross("{|#0:MultiheadAttention(64, 8, KeyValue = nameof(answer))|}"),
        Diagnostic("MLDSL0039").WithLocation(0).WithMessage(
            "'attend' (MultiheadAttention) attends from a sequence (30, 64) (steps, features) over keys and values from 'answer', a sequence (20, 32) (steps, features): "
            + "the key width (KeyDim, PyTorch's kdim) defaults to the embedding width 64, not 32; declare KeyDim = 32 and ValueDim = 32, "
            + "or project 'answer' to 64 features with [Linear(64)]"));

    [Fact]
    public Task Declared_key_and_value_widths_of_the_answer_are_silent() =>
        AnalyzerAsync(Cross("MultiheadAttention(64, 8, KeyValue = nameof(answer), KeyDim = 32, ValueDim = 32)"));

    [Fact]
    public Task An_answer_as_wide_as_the_question_needs_no_declared_widths() =>
        AnalyzerAsync(Cross("MultiheadAttention(64, 8, KeyValue = nameof(answer))", answerWidth: 64));

    [Fact]
    public Task A_declared_key_width_that_is_not_the_answers_is_a_size_mismatch() => AnalyzerAsync(
        Cross("{|#0:MultiheadAttention(64, 8, KeyValue = nameof(answer), KeyDim = 48, ValueDim = 32)|}"),
        Diagnostic("MLDSL0001").WithLocation(0).WithMessage(
            "'attend' (MultiheadAttention) declares KeyDim = 48 but its keys and values come from 'answer', a sequence (20, 32) (steps, features), which has 32 features per step"));

    [Fact]
    public Task A_wrong_declared_key_width_is_replaced_by_the_answers() => CodeFixAsync<InputSizeCodeFix>(
        Cross("{|MLDSL0001:MultiheadAttention(64, 8, KeyValue = nameof(answer), KeyDim = 48, ValueDim = 32)|}"),
        Cross("MultiheadAttention(64, 8, KeyValue = nameof(answer), KeyDim = 32, ValueDim = 32)"));

    [Fact]
    public Task An_embedding_width_that_is_not_the_querys_is_a_size_mismatch() => AnalyzerAsync(
        Self("{|#0:MultiheadAttention(64, 8)|}"),
        Diagnostic("MLDSL0001").WithLocation(0).WithMessage(
            "'attend' (MultiheadAttention) declares an embedding width of 64 but its query is a sequence (60, 32) (steps, features), which has 32 features per step; "
            + "set the width to 32 or project the query with [Linear(64)] first"));

    [Fact]
    public Task Heads_that_do_not_divide_the_width_are_reported() => AnalyzerAsync(
        Self("{|#0:MultiheadAttention(32, 5)|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'attend' (MultiheadAttention) has 5 heads but an embedding width of 32: 32 is not divisible by 5; each head attends over width/heads features, so choose heads that divide 32"));

    [Fact]
    public Task Keys_and_values_from_a_later_member_are_a_branch_that_does_not_exist() => AnalyzerAsync(
        Cross("{|#0:MultiheadAttention(64, 8, KeyValue = nameof(head))|}"),
        Diagnostic("MLDSL0038").WithLocation(0).WithMessage(
            "'attend' (MultiheadAttention) reads KeyValue from 'head', which is no earlier member of Net; KeyValue names a member declared before it (question, answer)"));

    [Fact]
    public Task Keys_and_values_from_the_member_itself_are_refused() => AnalyzerAsync(
        Cross("{|#0:MultiheadAttention(64, 8, KeyValue = nameof(attend))|}"),
        Diagnostic("MLDSL0038").WithLocation(0).WithMessage(
            "'attend' (MultiheadAttention) reads KeyValue from itself; KeyValue names a member declared before it (question, answer)"));

    [Fact]
    public Task A_flat_query_asks_for_a_sequence() => AnalyzerAsync(
        Review.Replace("[Embedding(5000, 32)] Layer embed;", "[Embedding(5000, 32), Flatten] Layer embed;").Replace("ATTEND", "{|#0:MultiheadAttention(32, 4)|}"),
        Diagnostic("MLDSL0002").WithLocation(0).WithMessage(
            "'attend' (MultiheadAttention) expects a sequence (steps, features) but receives (1920), a rank-1 tensor; attention reads one vector per step: "
            + "declare the feature as [Shape(steps, features)], put [Embedding] before it for token ids, or [Reshape(steps, features)]"));

    [Fact]
    public Task Keys_from_a_branch_that_kept_only_its_last_step_are_a_rank_mismatch() => AnalyzerAsync(
        Cross("{|#0:MultiheadAttention(64, 8, KeyValue = nameof(answer), KeyDim = 32, ValueDim = 32)|}").Replace("Embedding(5000, 32)] Layer answer;", "Embedding(5000, 32), Lstm(32)] Layer answer;"),
        Diagnostic("MLDSL0002").WithLocation(0).WithMessage(
            "'attend' (MultiheadAttention) reads its keys and values from 'answer', which gives (32), a rank-1 tensor; "
            + "keys and values are a sequence (steps, features): keep every step (ReturnSequences = true, no SelectStep or pooling before it)"));

    [Fact]
    public Task Keys_from_a_branch_that_keeps_every_step_are_silent() => AnalyzerAsync(
        Cross("MultiheadAttention(64, 8, KeyValue = nameof(answer), KeyDim = 32, ValueDim = 32)").Replace("Embedding(5000, 32)] Layer answer;", "Embedding(5000, 16), Lstm(16, Bidirectional = true, ReturnSequences = true)] Layer answer;"));
}
