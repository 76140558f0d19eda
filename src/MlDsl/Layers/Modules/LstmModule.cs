using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Layers;

/// <summary>
/// <c>[Lstm]</c> at run time: TorchSharp's batch-first <c>LSTM</c>, which returns (output, h_n, c_n), as a
/// <c>Module&lt;Tensor, Tensor&gt;</c>. Input (N, steps, inputSize); output (N, steps, hidden × directions) with
/// <c>returnSequences</c>, else the last layer's final state (N, hidden × directions). Weights are
/// registered as <c>lstm.weight_ih_l0</c>, ... as PyTorch names them.
/// </summary>
public sealed class LstmModule : Module<Tensor, Tensor>
{
    private readonly LSTM lstm;
    private readonly long directions;
    private readonly bool returnSequences;

    public LstmModule(long inputSize, long hiddenSize, long numLayers = 1, bool bidirectional = false, double dropout = 0, bool returnSequences = false)
        : base(nameof(LstmModule))
    {
        lstm = LSTM(inputSize, hiddenSize, numLayers, batchFirst: true, dropout: dropout, bidirectional: bidirectional);
        directions = bidirectional ? 2 : 1;
        this.returnSequences = returnSequences;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        (Tensor output, Tensor hidden, Tensor cell) = lstm.forward(input);
        cell.Dispose();
        return RecurrentState.Select(output, hidden, directions, returnSequences);
    }
}
