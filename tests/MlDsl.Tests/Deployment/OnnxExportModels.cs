using MlDsl;
using MlDsl.Tests.Layers;

namespace MlDsl.Tests.Deployment;

/// <summary>The final state of two stacked bidirectional LSTM layers (the parity models return an LSTM's sequence).</summary>
[Model(typeof(FrameSequence))]
public sealed partial class FrameLstmState
{
    [Lstm(8, NumLayers = 2, Bidirectional = true)] Layer lstm;
    [Linear(3)] Layer head;
}

/// <summary>Two GRU layers returning every step, Linear and GELU per step, a step counted from the end.</summary>
[Model(typeof(FrameSequence))]
public sealed partial class FrameGruSequence
{
    [Gru(8, NumLayers = 2, ReturnSequences = true)] Layer gru;
    [Linear(4), Gelu] Layer perStep;
    [SelectStep(-2)] Layer step;
    [Linear(3)] Layer head;
}

/// <summary>Conv1d, BatchNorm1d and ReLU, added to the block's input.</summary>
[Block, Residual]
public sealed partial class SignalUnit
{
    [BlockArgument] public const int Channels = 8;

    [Conv1d(Channels, Kernel = 3, Padding = 1), BatchNorm1d, Relu] Layer conv;
}

/// <summary>A 1-D residual unit with a Conv1d projection (1 to 8 channels), then one with the identity.</summary>
[Model(typeof(Pulse))]
public sealed partial class PulseResNet
{
    [Arguments(8)] SignalUnit widen;
    SignalUnit keep;
    [GlobalAvgPool1d] Layer gap;
    [Linear(3)] Layer head;
}

/// <summary>
/// torchvision's ResNet habit in 2-D, 1-D and dense form: a convolution with <c>Bias = false</c> before BatchNorm,
/// a bias-free Linear, then an ordinary head. ONNX gets Conv and Gemm without their bias inputs.
/// </summary>
[Model(typeof(Patch))]
public sealed partial class BiasFreePatchNet
{
    [Conv2d(8, Kernel = 3, Padding = 1, Bias = false), BatchNorm2d, Relu] Layer conv;
    [GlobalAvgPool2d, Linear(8, Bias = false), Relu] Layer fc;
    [Linear(4)] Layer head;
}

/// <summary>A bias-free Conv1d before BatchNorm1d, and a bias-free Linear applied per step of a GRU's sequence (MatMul without Add).</summary>
[Model(typeof(Pulse))]
public sealed partial class BiasFreePulseNet
{
    [Conv1d(8, Kernel = 3, Padding = 1, Bias = false), BatchNorm1d, Relu] Layer conv;
    [Permute(1, 0), Gru(8, ReturnSequences = true), Linear(4, Bias = false), Gelu] Layer perStep;
    [SelectStep(-1), Linear(3)] Layer head;
}
