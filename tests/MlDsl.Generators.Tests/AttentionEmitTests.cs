using Microsoft.CodeAnalysis;
using MlDsl.Generators.Tests.Infrastructure;

namespace MlDsl.Generators.Tests;

/// <summary>
/// What the generator writes for cross-attention: the forward gives the attention the query and the kept keys, in a model
/// and in a block; the ONNX export keeps the named member's output for it; the PyTorch source passes it, and is refused
/// (naming the layer) for cross-attention inside a block. The generated code compiles without warnings.
/// </summary>
public sealed class AttentionEmitTests
{
    private const string Qa = """
        using MlDsl;

        namespace Samples;

        [Dataset]
        public sealed partial record Qa
        {
            [Feature, Shape(30), Vocabulary(5000)] public required int[] Question { get; init; }
            [Feature, Shape(20), Vocabulary(5000)] public required int[] Answer { get; init; }
            [Label(Classes = 2)] public required int Relevant { get; init; }
        }

        [Model(typeof(Qa))]
        public sealed partial class QaNet
        {
            [Input(nameof(Qa.Question)), Embedding(5000, 64)] Layer question;
            [Input(nameof(Qa.Answer)), Embedding(5000, 32)] Layer answer;
            [From(nameof(question)), MultiheadAttention(64, 8, KeyValue = nameof(answer), KeyDim = 32, ValueDim = 32)] Layer attend;
            [SelectStep(0), Linear(2)] Layer head;
        }

        [Block]
        public sealed partial class Mixer
        {
            [Linear(16), Relu] Layer project;
            [From(BlockAttribute.Input), MultiheadAttention(64, 4, KeyValue = nameof(project), KeyDim = 16, ValueDim = 16)] Layer attend;
        }

        [Model(typeof(Qa))]
        public sealed partial class MixedQaNet
        {
            [Input(nameof(Qa.Question)), Embedding(5000, 64)] Layer question;
            Mixer mix;
            [SelectStep, Linear(2)] Layer head;
        }
        """;

    [Fact]
    public void Cross_attention_is_given_the_query_and_the_named_members_output_in_the_forward_the_onnx_graph_and_the_pytorch_source()
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(Qa);
        string model = GeneratorHarness.GeneratedSource(result, "Samples.QaNet.Model.g.cs");

        Assert.Contains("attend = new global::MlDsl.Layers.MultiheadAttentionModule(64, 8, keyDim: 32, valueDim: 32); // (30, 64) -> (30, 64)", model);
        Assert.Contains("using var attendOutput = ((global::MlDsl.Layers.MultiheadAttentionModule)attend).forward(questionOutput, answerOutput);", model);
        Assert.Contains("string answerOnnx = x;", model);
        Assert.Contains("x = graph.MultiheadAttention(x, answerOnnx, attend, width: 64, heads: 8, bias: true);", model);
        Assert.Contains("x = self.attend(x, answer)  # keys and values from 'answer'", model);
        Assert.Contains("self.attend = MultiheadAttentionModule(64, 8, keyDim=32, valueDim=32)", model);
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning && !diagnostic.Id.StartsWith("MLDSL", StringComparison.Ordinal)));
    }

    [Fact]
    public void Cross_attention_inside_a_block_reads_the_blocks_own_member_and_has_no_pytorch_source()
    {
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(Qa);
        string block = GeneratorHarness.GeneratedSource(result, "Samples.Mixer.Block.g.cs");
        string model = GeneratorHarness.GeneratedSource(result, "Samples.MixedQaNet.Model.g.cs");

        Assert.Contains("((global::MlDsl.Layers.MultiheadAttentionModule)attend).forward(input, projectReluOutput)", block);
        Assert.Contains("string mix_projectOnnx = x;", model);
        Assert.Contains("x = graph.MultiheadAttention(x, mix_projectOnnx, global::MlDsl.Deployment.Onnx.OnnxGraph.Submodule(this, \"mix.attend\")", model);
        Assert.Contains("no PyTorch equivalent is emitted for 'mix.attend' (MultiheadAttention over another member, inside block 'mix' (Mixer))", model);
    }
}
