using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Parallel paths: [From] makes a member read an earlier member's output (or, in a block, the block's input) instead of
/// the member before it, as an Inception block's paths all read its input. A name that is not there or comes later is
/// MLDSL0038 (on the block, for a block), a join of paths that do not fit is MLDSL0039 at the block's use naming each
/// path and shape, and a path whose output nothing reads is MLDSL0040's warning at that path.
/// </summary>
public sealed class PathRuleTests
{
    private static DiagnosticResult Warning(string id) => new(id, DiagnosticSeverity.Warning);

    private const string Inception = """
        [Block]
        public sealed partial class Inception
        {
            [BlockArgument] public const int Padding = 1;

            [Conv2d(4, Kernel = 1), Relu] Layer p1;
            [From(BlockAttribute.Input), Conv2d(2, Kernel = 1), Relu] Layer p2Reduce;
            [Conv2d(4, Kernel = 3, Padding = Padding), Relu] Layer p2;
            [From(BlockAttribute.Input), MaxPool2d(3, Stride = 1, Padding = 1)] Layer p3Pool;
            [Conv2d(4, Kernel = 1), Relu] Layer p3;
            [Concatenate(nameof(p1), nameof(p2), nameof(p3))] Layer merge;
        }

        """;

    private static string Net(string mixed) => Models.Digit + Inception + $$"""
        [Model(typeof(Digit))]
        public sealed partial class InceptionNet
        {
            [Conv2d(8, Kernel = 3, Padding = 1), Relu] Layer stem;
            {{mixed}}
            [GlobalAvgPool2d, Linear(10)] Layer head;
        }
        """;

    private static string Block(string members) => Models.Digit + $$"""
        [Block]
        public sealed partial class Paths
        {
        {{members}}
        }
        """;

    [Fact]
    public Task An_inception_block_whose_paths_read_its_input_and_are_concatenated_is_silent() => AnalyzerAsync(Net("Inception mixed;"));

    [Fact]
    public Task A_fork_from_a_models_stem_joined_before_the_head_is_silent() => AnalyzerAsync(Models.Digit + """
        [Model(typeof(Digit))]
        public sealed partial class ForkNet
        {
            [Conv2d(8, Kernel = 3, Padding = 1), Relu] Layer stem;
            [Conv2d(8, Kernel = 3, Padding = 1), Relu, GlobalAvgPool2d] Layer deep;
            [From(nameof(stem)), GlobalMaxPool2d] Layer peak;
            [Concatenate(nameof(deep), nameof(peak)), Linear(10)] Layer head;
        }
        """);

    [Fact]
    public Task A_path_that_is_a_block_of_its_own_and_a_residual_block_of_paths_are_silent() => AnalyzerAsync(Models.Digit + """
        [Block]
        public sealed partial class Reduced
        {
            [BlockArgument] public const int Width = 4;
            [Conv2d(2, Kernel = 1), Relu] Layer reduce;
            [Conv2d(Width, Kernel = 5, Padding = 2), Relu] Layer conv;
        }

        [Block, Residual]
        public sealed partial class Unit
        {
            [BlockArgument] public const int Channels = 8;
            [Conv2d(4, Kernel = 1), Relu] Layer narrow;
            [From(BlockAttribute.Input), Arguments(4)] Reduced wide;
            [Concatenate(nameof(narrow), nameof(wide)), Conv2d(Channels, Kernel = 1)] Layer mix;
        }

        [Model(typeof(Digit))]
        public sealed partial class UnitNet
        {
            [Conv2d(8, Kernel = 3, Padding = 1), Relu] Layer stem;
            Unit unit;
            [Arguments(12)] Unit wider;
            [GlobalAvgPool2d, Linear(10)] Layer head;
        }
        """);

    [Fact]
    public Task Paths_of_a_block_whose_sizes_differ_are_reported_at_the_use_naming_each_path_and_shape() => AnalyzerAsync(
        Net("[Arguments(0)] Inception {|#0:mixed|};"),
        Diagnostic("MLDSL0039").WithLocation(0).WithMessage(
            "Concatenate 'mixed.merge' concatenates 'mixed.p1' (4, 28, 28) and 'mixed.p2' (4, 26, 26) and 'mixed.p3' (4, 28, 28); " +
            "concatenating along the channels (axis 0) needs the same rank and equal sizes on every other axis: Flatten the maps (or pool them) before joining them with vectors"));

    [Fact]
    public Task A_path_that_names_a_member_declared_after_it_is_reported_on_the_block() => AnalyzerAsync(Block("""
            [Conv2d(4, Kernel = 1)] Layer p1;
            [{|#0:From(nameof(p3))|}, Conv2d(4, Kernel = 1)] Layer p2;
            [Conv2d(4, Kernel = 1)] Layer p3;
            [Concatenate(nameof(p1), nameof(p2), nameof(p3))] Layer merge;
        """),
        Diagnostic("MLDSL0038").WithLocation(0).WithMessage(
            "Path 'p2' reads 'p3', which is no earlier member of Paths; [From] names a member declared before it (p1) or the block's input (BlockAttribute.Input)"));

    [Fact]
    public Task A_path_that_names_itself_is_reported() => AnalyzerAsync(Block("""
            [Conv2d(4, Kernel = 1)] Layer p1;
            [{|#0:From("p2")|}, Conv2d(4, Kernel = 1)] Layer p2;
            [Concatenate(nameof(p1), nameof(p2))] Layer merge;
        """),
        Diagnostic("MLDSL0038").WithLocation(0).WithMessage(
            "Path 'p2' reads itself; [From] names a member declared before it (p1) or the block's input (BlockAttribute.Input)"));

    [Fact]
    public Task A_models_path_from_a_block_input_is_reported_with_how_a_model_starts_a_path() => AnalyzerAsync(Models.Digit + """
        [Model(typeof(Digit))]
        public sealed partial class ForkNet
        {
            [Conv2d(8, Kernel = 3, Padding = 1), Relu, GlobalAvgPool2d] Layer deep;
            [{|#0:From(BlockAttribute.Input)|}, GlobalMaxPool2d] Layer peak;
            [Concatenate(nameof(deep), nameof(peak)), Linear(10)] Layer head;
        }
        """,
        Diagnostic("MLDSL0038").WithLocation(0).WithMessage(
            "Path 'peak' reads 'input', a block's input (BlockAttribute.Input), but ForkNet is a model: start a model's path from its features with [Input(nameof(...))] " +
            "or from a member declared before it (deep)"));

    [Fact]
    public Task A_path_without_layers_is_reported() => AnalyzerAsync(Block("""
            [Conv2d(4, Kernel = 1)] Layer p1;
            [{|#0:From(BlockAttribute.Input)|}] Layer p2;
            [Concatenate(nameof(p1), nameof(p2))] Layer merge;
        """),
        Diagnostic("MLDSL0038").WithLocation(0).WithMessage(
            "Path 'p2' reads 'input' but has no layers; give it layers (or a block), or name that member in the join directly"));

    [Fact]
    public Task A_member_that_both_starts_a_path_and_joins_is_reported() => AnalyzerAsync(Block("""
            [Conv2d(4, Kernel = 1)] Layer p1;
            [From(BlockAttribute.Input), {|#0:Concatenate(BlockAttribute.Input, nameof(p1))|}] Layer p2;
        """),
        Diagnostic("MLDSL0038").WithLocation(0).WithMessage(
            "Member 'p2' has more than one of [Input], [Concatenate], [Add] and [From]; a member either starts a branch, starts a path from an earlier member or joins branches"));

    [Fact]
    public Task A_path_whose_output_no_join_reads_is_a_warning_at_that_path_in_a_block() => AnalyzerAsync(Block("""
            [Conv2d(4, Kernel = 1)] Layer p1;
            [Conv2d(4, Kernel = 3, Padding = 1)] Layer {|#0:p2|};
            [From(BlockAttribute.Input), Conv2d(4, Kernel = 1)] Layer p3;
            [Concatenate(nameof(p1), nameof(p3))] Layer merge;
        """),
        Warning("MLDSL0040").WithLocation(0).WithMessage(
            "Path output 'p2' of Paths is read by nothing: the next member 'p3' starts a path from 'input' ([From]); " +
            "name 'p2' in the [Concatenate] or [Add] that joins the paths, or remove it"));

    [Fact]
    public Task A_fork_whose_other_path_no_join_reads_is_a_warning_in_a_model() => AnalyzerAsync(Models.Digit + """
        [Model(typeof(Digit))]
        public sealed partial class ForkNet
        {
            [Conv2d(8, Kernel = 3, Padding = 1), Relu] Layer stem;
            [Conv2d(8, Kernel = 3, Padding = 1), Relu, GlobalAvgPool2d] Layer {|#0:deep|};
            [From(nameof(stem)), GlobalMaxPool2d, Linear(10)] Layer head;
        }
        """,
        Warning("MLDSL0040").WithLocation(0).WithMessage(
            "Path output 'deep' of ForkNet is read by nothing: the next member 'head' starts a path from 'stem' ([From]); " +
            "name 'deep' in the [Concatenate] or [Add] that joins the paths, or remove it"));

    [Fact]
    public Task A_path_whose_output_a_later_path_reads_is_silent() => AnalyzerAsync(Block("""
            [Conv2d(4, Kernel = 1)] Layer p1;
            [From(BlockAttribute.Input), Conv2d(4, Kernel = 1)] Layer p2;
            [From(nameof(p1)), Conv2d(4, Kernel = 1)] Layer p3;
            [Concatenate(nameof(p2), nameof(p3))] Layer merge;
        """));

    [Fact]
    public Task A_member_that_a_join_inside_one_line_skips_is_a_warning() => AnalyzerAsync(Models.Digit + """
        [Model(typeof(Digit))]
        public sealed partial class SkipNet
        {
            [Flatten, Linear(32)] Layer zero;
            [Linear(32), Relu] Layer first;
            [Linear(32), Relu] Layer {|#0:second|};
            [Concatenate(nameof(zero), nameof(first)), Linear(10)] Layer head;
        }
        """,
        Warning("MLDSL0040").WithLocation(0).WithMessage(
            "Output of 'second' of SkipNet is read by nothing: the next member 'head' joins others without it; name it in that [Concatenate] or [Add], or remove it"));
}
