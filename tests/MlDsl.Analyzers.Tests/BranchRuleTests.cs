using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Several inputs: a spectrogram and metadata read through [Input] branches joined before the head.
/// Each branch is inferred from its features and the join is checked; a branch reading a feature that
/// is not there, a join of shapes that do not fit (naming both branches and shapes) and features or
/// branch outputs nothing reads are reported, and their correct twins stay silent.
/// </summary>
public sealed class BranchRuleTests
{
    private const string Clip = """
        using MlDsl;

        [Dataset]
        public sealed partial record Clip
        {
            [Feature, Shape(1, 8, 12)] public required float[] Spectrogram { get; init; }
            [Feature, Categories("digits", "letters", "phrases")] public required string Prompt { get; init; }
            [Feature] public float Duration { get; init; }
            [Label(Classes = 3)] public int Language { get; init; }
        }

        """;

    private const string ClipNet = """
        [Model(typeof(Clip))]
        public sealed partial class ClipNet
        {
            [Input(nameof(Clip.Spectrogram)), Conv2d(4, Kernel = 3), Relu, GlobalAvgPool2d] Layer audio;
            [Input(nameof(Clip.Prompt), nameof(Clip.Duration)), Linear(8), Relu] Layer meta;
            [Concatenate(nameof(audio), nameof(meta))] Layer join;
            [Linear(3)] Layer head;
        }
        """;

    private static DiagnosticResult Warning(string id) => new(id, DiagnosticSeverity.Warning);

    private static string Net(string from, string to) => Clip + ClipNet.Replace(from, to, StringComparison.Ordinal);

    [Fact]
    public Task A_spectrogram_branch_and_a_metadata_branch_concatenated_before_the_head_are_silent() => AnalyzerAsync(Clip + ClipNet);

    [Fact]
    public Task Branches_of_equal_width_added_are_silent() => AnalyzerAsync(Net("Linear(8), Relu] Layer meta;", "Linear(4), Relu] Layer meta;")
        .Replace("[Concatenate(", "[Add(", StringComparison.Ordinal));

    [Fact]
    public Task A_branch_that_reads_a_feature_the_dataset_lacks_is_reported_with_the_features_it_has() => AnalyzerAsync(
        Net("[Input(nameof(Clip.Prompt), nameof(Clip.Duration))", "[{|#0:Input(\"Prompts\", nameof(Clip.Duration))|}"),
        Diagnostic("MLDSL0038").WithLocation(0).WithMessage(
            "Branch 'meta' reads 'Prompts', which is not a [Feature] of Clip; its features are Spectrogram, Prompt, Duration"));

    [Fact]
    public Task A_join_that_names_a_member_declared_after_it_is_reported() => AnalyzerAsync(
        Net("[Concatenate(nameof(audio), nameof(meta))] Layer join;\n    [Linear(3)] Layer head;",
            "[{|#0:Concatenate(nameof(audio), nameof(head))|}] Layer join;\n    [Linear(3)] Layer head;"),
        Diagnostic("MLDSL0038").WithLocation(0).WithMessage(
            "Concatenate 'join' joins 'head', which is no earlier member of ClipNet; a join reads members declared before it (audio, meta)"));

    [Fact]
    public Task A_branch_that_reads_a_spectrogram_together_with_numbers_is_reported() => AnalyzerAsync(
        Net("[Input(nameof(Clip.Prompt), nameof(Clip.Duration))", "[{|#0:Input(nameof(Clip.Spectrogram), nameof(Clip.Duration))|}"),
        Diagnostic("MLDSL0038").WithLocation(0).WithMessage(
            "Branch 'meta' reads Spectrogram (1, 8, 12) together with other features; a branch reads one shaped feature (an image, a spectrogram, token ids) " +
            "or several numbers and categories, which are concatenated: give Spectrogram a branch of its own"));

    [Fact]
    public Task A_first_member_without_an_input_in_a_model_with_branches_is_reported() => AnalyzerAsync(Clip + """
        [Model(typeof(Clip))]
        public sealed partial class ClipNet
        {
            [Conv2d(4, Kernel = 3), Relu, GlobalAvgPool2d] Layer {|#0:audio|};
            [Input(nameof(Clip.Prompt), nameof(Clip.Duration)), Linear(8), Relu] Layer meta;
            [Concatenate(nameof(audio), nameof(meta))] Layer join;
            [Linear(3)] Layer head;
        }
        """,
        Diagnostic("MLDSL0038").WithLocation(0).WithMessage(
            "Member 'audio' is the first member of ClipNet, which reads its features through [Input] branches, but it has no [Input]; start it with [Input(nameof(...))] to say which features it reads"));

    [Fact]
    public Task Concatenating_an_unpooled_map_with_a_vector_names_both_branches_and_shapes() => AnalyzerAsync(
        Net("Relu, GlobalAvgPool2d] Layer audio;", "Relu] Layer audio;").Replace("[Concatenate(nameof(audio), nameof(meta))]", "[{|#0:Concatenate(nameof(audio), nameof(meta))|}]", StringComparison.Ordinal),
        Diagnostic("MLDSL0039").WithLocation(0).WithMessage(
            "Concatenate 'join' concatenates 'audio' (4, 6, 10) and 'meta' (8); concatenating along the channels (axis 0) needs the same rank and equal sizes on every other axis: " +
            "Flatten the maps (or pool them) before joining them with vectors"));

    [Fact]
    public Task Adding_branches_of_different_widths_names_both_branches_and_shapes() => AnalyzerAsync(
        Net("[Concatenate(nameof(audio), nameof(meta))]", "[{|#0:Add(nameof(audio), nameof(meta))|}]"),
        Diagnostic("MLDSL0039").WithLocation(0).WithMessage(
            "Add 'join' adds 'audio' (4) and 'meta' (8); adding needs equal shapes: project the branches to one shape first (e.g. Linear to the same width)"));

    [Fact]
    public Task A_feature_no_branch_reads_is_a_warning_at_the_model() => AnalyzerAsync(
        Net("nameof(Clip.Prompt), nameof(Clip.Duration)", "nameof(Clip.Prompt)").Replace("partial class ClipNet", "partial class {|#0:ClipNet|}", StringComparison.Ordinal),
        Warning("MLDSL0040").WithLocation(0).WithMessage(
            "No branch of ClipNet reads Duration of Clip; read it with [Input(nameof(Clip.Duration))] on a branch joined before the head, " +
            "or leave it out of the dataset (suppress this warning to leave it out on purpose)"));

    [Fact]
    public Task A_branch_whose_output_no_join_names_is_a_warning_at_the_branch() => AnalyzerAsync(
        Net("    [Concatenate(nameof(audio), nameof(meta))] Layer join;",
            "    [{|#0:Input(nameof(Clip.Duration))|}, Linear(4)] Layer extra;\n    [Concatenate(nameof(audio), nameof(meta))] Layer join;"),
        Warning("MLDSL0040").WithLocation(0).WithMessage(
            "Branch output 'extra' of ClipNet is read by nothing: the next member starts another branch or joins others; name it in the [Concatenate] or [Add] before the head, or remove the branch"));

    [Fact]
    public Task A_model_without_inputs_on_a_row_that_is_no_single_tensor_is_reported_at_the_model() => AnalyzerAsync(Clip + """
        [{|#0:Model(typeof(Clip))|}]
        public sealed partial class Flat
        {
            [Flatten, Linear(3)] Layer head;
        }
        """,
        Diagnostic("MLDSL0009").WithLocation(0).WithMessage(
            "Feature 'Clip.Spectrogram' has shape (1, 8, 12), which cannot be concatenated with the other features; Flat reads the row as one tensor: " +
            "read each feature in a branch of its own with [Input(nameof(Clip.Spectrogram))] and join the branches with [Concatenate] before the head, or give it a dataset of its own"));

    [Fact]
    public Task A_shape_mistake_inside_a_branch_is_reported_at_its_layer() => AnalyzerAsync(
        Net("Linear(8), Relu] Layer meta;", "{|#0:Conv2d(8, Kernel = 3)|}, Relu] Layer meta;"),
        Diagnostic("MLDSL0002").WithLocation(0));

    [Fact]
    public Task A_skip_connection_concatenating_two_members_of_one_line_is_silent() => AnalyzerAsync(Models.Digit + """
        [Model(typeof(Digit))]
        public sealed partial class DenseNet
        {
            [Flatten, Linear(32), Relu] Layer first;
            [Linear(32), Relu] Layer second;
            [Concatenate(nameof(first), nameof(second)), Linear(10)] Layer head;
        }
        """);

    [Fact]
    public Task An_input_inside_a_block_is_reported_on_the_block() => AnalyzerAsync(Clip + """
        [Block]
        public sealed partial class Branch
        {
            [{|#0:Input(nameof(Clip.Spectrogram))|}, Conv2d(4, Kernel = 3)] Layer conv;
        }
        """,
        Diagnostic("MLDSL0038").WithLocation(0).WithMessage(
            "Member 'conv' of block 'Branch' has [Input]; a block reads only the tensor it is given, never the dataset's features: " +
            "put [Input] on the model member that uses the block (a join inside the block may name BlockAttribute.Input, the block's input)"));

    [Fact]
    public Task A_member_that_both_starts_a_branch_and_joins_is_reported() => AnalyzerAsync(
        Net("[Concatenate(nameof(audio), nameof(meta))] Layer join;", "[{|#0:Input(nameof(Clip.Duration))|}, Concatenate(nameof(audio), nameof(meta))] Layer join;"),
        Diagnostic("MLDSL0038").WithLocation(0).WithMessage(
            "Member 'join' has more than one of [Input], [Concatenate], [Add] and [From]; a member either starts a branch, starts a path from an earlier member or joins branches"));

    [Fact]
    public Task A_join_without_layers_and_an_input_without_layers_are_silent() => AnalyzerAsync(
        Net("[Input(nameof(Clip.Prompt), nameof(Clip.Duration)), Linear(8), Relu] Layer meta;", "[Input(nameof(Clip.Prompt), nameof(Clip.Duration))] Layer meta;"));
}
