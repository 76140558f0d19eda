using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>A hand-written TorchSharp module is a layer only with a shape contract the generator can read.</summary>
public sealed class UserModuleRuleTests
{
    private const string Scale = """

        public sealed class ChannelScale : TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>
        {
            public ChannelScale() : base("ChannelScale") { }
            public override TorchSharp.torch.Tensor forward(TorchSharp.torch.Tensor input) => input;
        }

        [Model(typeof(Digit))]
        public sealed partial class ScaledNet
        {
            [Conv2d(32, Kernel = 3)] Layer stem;
            MEMBER
            [Flatten, Linear(10)] Layer head;
        }
        """;

    private static string With(string member) => Models.Digit + Scale.Replace("MEMBER", member);

    [Fact]
    public Task A_module_with_a_contract_is_a_layer_and_silent() =>
        AnalyzerAsync(With("[UserModule(typeof(ChannelScale), \"c, h, w\", Input = \"32, h, w\")] Layer scale;"));

    [Fact]
    public Task A_module_member_without_a_contract_is_reported() => AnalyzerAsync(With("ChannelScale {|#0:scale|};"),
        Diagnostic("MLDSL0037").WithLocation(0).WithMessage(
            "Member 'scale' is a TorchSharp module (ChannelScale) without a shape contract, so inference, the analyzers and Summary cannot go through it; " +
            "declare it as [UserModule(typeof(ChannelScale), \"<output shape>\")] Layer scale;"));

    [Fact]
    public Task A_contract_on_a_type_that_is_no_module_is_reported() => AnalyzerAsync(With("[{|#0:UserModule(typeof(string), \"c, h, w\")|}] Layer scale;"),
        Diagnostic("MLDSL0037").WithLocation(0).WithMessage("[UserModule] on 'scale' names String, which is not a TorchSharp Module<Tensor, Tensor>"));

    [Fact]
    public Task A_contract_naming_no_size_of_the_input_is_an_invalid_argument() => AnalyzerAsync(With("[{|#0:UserModule(typeof(ChannelScale), \"c, q, w\")|}] Layer scale;"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'scale' (UserModule) has Output \"c, q, w\": 'q' names no size of the input (32, 26, 26) (use c, h, w or d0, d1, d2)"));

    [Fact]
    public Task A_contract_whose_input_size_differs_from_what_the_module_receives_is_reported() => AnalyzerAsync(
        With("[{|#0:UserModule(typeof(ChannelScale), \"c, h, w\", Input = \"8, h, w\")|}] Layer scale;"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage("'scale' (UserModule) accepts (8, h, w) but receives (32, 26, 26); size 0 must be 8"));
}
