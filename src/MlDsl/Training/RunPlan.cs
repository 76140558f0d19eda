using MlDsl.Data.Streaming;
using TorchSharp;

namespace MlDsl.Training;

/// <summary>The fixed facts of one training run the step loop needs: batch size, clipping, and the learning rate at each step.</summary>
internal sealed class RunPlan(FitOptions options, long rows, int ranks)
{
    private readonly LearningRateSchedule schedule = options.Schedule ?? LearningRateSchedule.Constant;
    private readonly long stepsPerEpoch = BatchBounds.Training((int)rows, options.BatchSize, ranks).Length;

    public int BatchSize { get; } = options.BatchSize;
    public long StepsPerEpoch => stepsPerEpoch;
    public double? ClipNorm { get; } = options.GradientClipNorm;

    public double LearningRate(int epoch, long step) =>
        options.LearningRate * schedule.Factor((epoch - 1) * stepsPerEpoch + step, stepsPerEpoch * options.Epochs, epoch);

    public void SetLearningRate(torch.optim.Optimizer optimizer, int epoch, long step)
    {
        if (ReferenceEquals(schedule, LearningRateSchedule.Constant)) return;
        double rate = LearningRate(epoch, step);
        foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
    }
}
