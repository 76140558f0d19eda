using static TorchSharp.torch;

namespace MlDsl.Training;

/// <summary>
/// One training step's rows on this rank: inputs (Size, features...) and targets. <see cref="GlobalSize"/> is the
/// step's size over all ranks (equal to Size on one rank); a rank's share can be empty on a short last batch.
/// </summary>
internal sealed record StepBatch(Tensor Inputs, Tensor Targets, long Size, long GlobalSize) : IDisposable
{
    public void Dispose()
    {
        Inputs.Dispose();
        Targets.Dispose();
    }
}
