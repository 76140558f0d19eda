using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Blocks: shapes are checked where a block is used and messages name the path; a residual add the
/// shortcut cannot make, a block used with the wrong arguments and a block that cannot be built are
/// reported, and their correct twins stay silent.
/// </summary>
public sealed class BlockRuleTests
{
    private const string Res = """

        [Block, Residual]
        public sealed partial class Res
        {
            [BlockArgument] public const int Channels = 32;

            [Conv2d(Channels, Kernel = 3, Padding = 1), Relu] Layer conv;
        }

        """;

    private const string ResNet = """
        [Model(typeof(Digit))]
        public sealed partial class ResNet
        {
            [Conv2d(32, Kernel = 3)] Layer stem;
            Res same;
            [Arguments(64)] Res wide;
            [MaxPool2d(2), Flatten] Layer pool;
            [Linear(10)] Layer fc;
        }
        """;

    private static string With(string block, string model) => Models.Digit + block + model;

    [Fact]
    public Task A_residual_block_whose_channels_change_gets_a_projection_and_is_silent() => AnalyzerAsync(With(Res, ResNet));

    [Fact]
    public Task A_residual_body_that_changes_the_rank_cannot_be_projected() => AnalyzerAsync(With("""

        [Block, Residual]
        public sealed partial class Flat
        {
            [Flatten, Linear(32)] Layer fc;
        }

        [Model(typeof(Digit))]
        public sealed partial class FlatNet
        {
            [Conv2d(32, Kernel = 3)] Layer stem;
            Flat {|#0:flat|};
            [Linear(10)] Layer fc;
        }
        """, ""),
        Diagnostic("MLDSL0034").WithLocation(0).WithMessage(
            "Residual block 'flat' (Flat) adds its input (32, 26, 26) to its body's output (32); a 1×1 projection keeps the rank (3) but the body makes it 1"));

    [Fact]
    public Task An_identity_shortcut_around_a_body_that_widens_is_reported_with_both_shapes() => AnalyzerAsync(With(
        Res.Replace("[Block, Residual]", "[Block, Residual(Shortcut = Shortcut.Identity)]"),
        ResNet.Replace("[Arguments(64)] Res wide;", "[Arguments(64)] Res {|#0:wide|};")),
        Diagnostic("MLDSL0034").WithLocation(0).WithMessage(
            "Residual block 'wide' (Res) adds its input (32, 26, 26) to its body's output (64, 26, 26); an identity shortcut needs equal shapes: let the shortcut be inferred or make the body keep the shape"));

    [Fact]
    public Task A_pool_that_no_projection_stride_matches_is_reported() => AnalyzerAsync(With(
        Res.Replace("Relu] Layer conv;", "Relu, MaxPool2d(3)] Layer conv;"),
        ResNet.Replace("    Res same;\n", "    Res {|#0:same|};\n").Replace("[Arguments(64)] Res wide;\n", "").Replace("[MaxPool2d(2), Flatten]", "[Flatten]")),
        Diagnostic("MLDSL0034").WithLocation(0).WithMessage(
            "Residual block 'same' (Res) adds its input (32, 26, 26) to its body's output (32, 8, 8); no single stride of a 1×1 projection turns the input's sizes (26, 26) into the body's (8, 8)"));

    [Fact]
    public Task A_pool_that_a_stride_two_projection_matches_is_silent() => AnalyzerAsync(With(
        Res.Replace("Relu] Layer conv;", "Relu, MaxPool2d(2)] Layer conv;"),
        ResNet.Replace("[Arguments(64)] Res wide;\n", "").Replace("[MaxPool2d(2), Flatten]", "[Flatten]")));

    [Fact]
    public Task A_layer_mistake_inside_a_block_names_its_path_at_the_member_using_the_block() => AnalyzerAsync(With("""

        [Block]
        public sealed partial class Head
        {
            [Linear(10)] Layer fc;
        }

        [Model(typeof(Digit))]
        public sealed partial class HeadNet
        {
            [Conv2d(32, Kernel = 3)] Layer stem;
            Head {|#0:head|};
        }
        """, ""),
        Diagnostic("MLDSL0003").WithLocation(0).WithMessage("'head.fc' (Linear) expects a flat (features) tensor but receives (32, 26, 26), a feature map; add [Flatten] before it (Linear applies per position only to a sequence (steps, features) made by Embedding, Lstm or Gru with ReturnSequences, TransformerEncoder, PositionalEncoding or Permute)"));

    [Fact]
    public Task Too_many_block_arguments_are_reported_with_the_blocks_signature() => AnalyzerAsync(With(Res,
        ResNet.Replace("[Arguments(64)]", "[{|#0:Arguments(64, 3)|}]")),
        Diagnostic("MLDSL0035").WithLocation(0).WithMessage("Block member 'wide' gives 2 arguments but block 'Res' takes (int Channels)"));

    [Fact]
    public Task A_block_argument_of_the_wrong_type_is_reported() => AnalyzerAsync(With(Res,
        ResNet.Replace("[Arguments(64)]", "[{|#0:Arguments(\"wide\")|}]")),
        Diagnostic("MLDSL0035").WithLocation(0).WithMessage("Block member 'wide' gives \"wide\" for 'Channels', which is int; block 'Res' takes (int Channels)"));

    [Fact]
    public Task Arguments_of_a_block_passed_through_an_enclosing_blocks_argument_are_silent() => AnalyzerAsync(With(Res + """

        [Block]
        public sealed partial class Stage
        {
            [BlockArgument] public const int Width = 48;

            [Arguments(Width)] Res first;
            [Arguments(Width * 2)] Res second;
        }

        """, """
        [Model(typeof(Digit))]
        public sealed partial class StageNet
        {
            [Conv2d(32, Kernel = 3)] Layer stem;
            [Arguments(16)] Stage stage;
            [MaxPool2d(2), Flatten] Layer pool;
            [Linear(10, InFeatures = 5408)] Layer fc;
        }
        """));

    [Fact]
    public Task A_block_that_holds_itself_is_reported_on_the_member_that_closes_the_cycle() => AnalyzerAsync(Models.Digit + """

        [Block]
        public sealed partial class Loop
        {
            [Relu] Layer act;
            Loop {|#0:inner|};
        }
        """,
        Diagnostic("MLDSL0036").WithLocation(0).WithMessage("Block 'Loop' holds itself through 'inner' (Loop -> Loop); a block cannot contain itself"));

    [Fact]
    public Task A_readonly_block_member_is_reported() => AnalyzerAsync(With(Res,
        ResNet.Replace("    Res same;", "    readonly Res {|#0:same|} = null!;")),
        Diagnostic("MLDSL0036").WithLocation(0).WithMessage("Block member 'same' must be an instance field that is not readonly: Res same;"));
}
