using MlDsl;

namespace MlDsl.Tests.Layers;

/// <summary>Self-attention over embedded tokens (dropout on the weights, then a bias-free pass), a declared LayerNorm width, the last step.</summary>
[Model(typeof(TokenSentence))]
public sealed partial class TokenSelfAttention
{
    [Embedding(50, 16)] Layer embed;
    [MultiheadAttention(16, 4, Dropout = 0.1), LayerNorm(16)] Layer attend;
    [MultiheadAttention(16, 2, Bias = false)] Layer again;
    [SelectStep] Layer last;
    [Linear(3)] Layer head;
}

/// <summary>A question and an answer as token ids of different lengths.</summary>
[Dataset]
public sealed partial record QuestionAnswer
{
    [Feature, Shape(7), Vocabulary(30)] public required int[] Question { get; init; }
    [Feature, Shape(5), Vocabulary(30)] public required int[] Answer { get; init; }
    [Label(Classes = 2)] public int Relevant { get; init; }
}

/// <summary>Cross-attention: the question (7, 16) attends over the answer (5, 12), whose width is declared as kdim and vdim.</summary>
[Model(typeof(QuestionAnswer))]
public sealed partial class QuestionOverAnswer
{
    [Input(nameof(QuestionAnswer.Question)), Embedding(30, 16)] Layer question;
    [Input(nameof(QuestionAnswer.Answer)), Embedding(30, 12)] Layer answer;
    [From(nameof(question)), MultiheadAttention(16, 4, KeyValue = nameof(answer), KeyDim = 12, ValueDim = 12)] Layer attend;
    [SelectStep(0), Linear(2)] Layer head;
}

/// <summary>Cross-attention inside a block: the block's input attends over its own projection of it.</summary>
[Block]
public sealed partial class AttendOverProjection
{
    [Linear(8), Relu] Layer project;
    [From(BlockAttribute.Input), MultiheadAttention(16, 2, KeyValue = nameof(project), KeyDim = 8, ValueDim = 8)] Layer attend;
}

/// <summary>The block used in a model over token ids.</summary>
[Model(typeof(TokenSentence))]
public sealed partial class TokenBlockAttention
{
    [Embedding(50, 16)] Layer embed;
    AttendOverProjection mix;
    [SelectStep, Linear(3)] Layer head;
}
