using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Joins inside a [Block] (DenseNet layers, U-Net-style skips): a member joins earlier members of the same
/// block or the block's input. A join of shapes that do not fit is reported where the block is used (the
/// shapes depend on the use), naming the join's path and both shapes; a name the block does not have is
/// reported on the block.
/// </summary>
public sealed class BlockJoinRuleTests
{
    private const string Skip = """
        [Block]
        public sealed partial class Skip
        {
            [BlockArgument] public const int Padding = 1;

            [Conv2d(4, Kernel = 3, Padding = 1), Relu] Layer down;
            [Conv2d(4, Kernel = 3, Padding = Padding)] Layer up;
            [Add(nameof(down), nameof(up)), Relu] Layer merge;
        }

        [Block]
        public sealed partial class Grow
        {
            [BatchNorm2d, Relu, Conv2d(2, Kernel = 3, Padding = 1)] Layer conv;
            [Concatenate(BlockAttribute.Input, nameof(conv))] Layer both;
        }

        """;

    private static string Net(string stage2) => Models.Digit + Skip + $$"""
        [Model(typeof(Digit))]
        public sealed partial class SkipNet
        {
            [Conv2d(4, Kernel = 3, Padding = 1)] Layer stem;
            Grow grow;
            {{stage2}}
            [Flatten, Linear(10)] Layer head;
        }
        """;

    [Fact]
    public Task A_dense_layer_concatenating_its_input_and_a_skip_add_inside_blocks_are_silent() => AnalyzerAsync(Net("[Arguments(1)] Skip stage2;"));

    [Fact]
    public Task A_join_inside_a_block_of_shapes_that_differ_names_the_block_path_and_both_shapes_at_the_use() => AnalyzerAsync(
        Net("[Arguments(0)] Skip {|#0:stage2|};"),
        Diagnostic("MLDSL0039").WithLocation(0).WithMessage(
            "Add 'stage2.merge' adds 'stage2.down' (4, 28, 28) and 'stage2.up' (4, 26, 26); adding needs equal shapes: project the branches to one shape first (e.g. Linear to the same width)"));

    [Fact]
    public Task A_join_inside_a_block_naming_a_member_the_block_lacks_is_reported_on_the_block() => AnalyzerAsync(Models.Digit + """
        [Block]
        public sealed partial class Grow
        {
            [Conv2d(2, Kernel = 3, Padding = 1)] Layer conv;
            [{|#0:Concatenate("x", nameof(conv))|}] Layer both;
        }
        """,
        Diagnostic("MLDSL0038").WithLocation(0).WithMessage(
            "Concatenate 'both' joins 'x', which is no earlier member of Grow; a join reads members declared before it (conv) or the block's input (BlockAttribute.Input)"));
}
