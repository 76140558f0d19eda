using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Training;

/// <summary>
/// Watches validation loss; stops after <c>patience</c> epochs without improvement. At the end the
/// best epoch's weights are restored, whether the run stopped early or ran out of epochs after it.
/// </summary>
internal sealed class EarlyStopping(int patience) : IDisposable
{
    private double bestLoss = double.PositiveInfinity;
    private int sinceBest;
    private Dictionary<string, Tensor>? bestWeights;

    public int? BestEpoch { get; private set; }
    public bool Stopped { get; private set; }

    public void Observe(EpochReport report, nn.Module model)
    {
        double loss = report.Validation!.Loss;
        if (loss < bestLoss)
        {
            bestLoss = loss;
            BestEpoch = report.Epoch;
            sinceBest = 0;
            Dispose();
            bestWeights = model.state_dict().ToDictionary(pair => pair.Key, pair => pair.Value.detach().clone());
        }
        else if (++sinceBest >= patience)
        {
            Stopped = true;
        }
    }

    /// <summary>After a resume: the best epoch so far is known from the reports (its weights are not; the run keeps the latest).</summary>
    public void Replay(IReadOnlyList<EpochReport> reports)
    {
        foreach (EpochReport report in reports)
        {
            if (report.Validation!.Loss < bestLoss) { bestLoss = report.Validation.Loss; BestEpoch = report.Epoch; sinceBest = 0; }
            else if (++sinceBest >= patience) Stopped = true;
        }
    }

    public void RestoreBest(nn.Module model)
    {
        if (bestWeights is not null)
            model.load_state_dict(bestWeights);
        Dispose();
    }

    public void Dispose()
    {
        if (bestWeights is null) return;
        foreach (Tensor weight in bestWeights.Values) weight.Dispose();
        bestWeights = null;
    }
}
