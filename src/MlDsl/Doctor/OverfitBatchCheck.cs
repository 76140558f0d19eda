using System.Globalization;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Doctor;

/// <summary>
/// Overfit one batch (Karpathy's "overfit one batch"): a handful of rows, trained on again and again,
/// must reach near-zero loss within a bounded number of steps. A healthy model, loss and data
/// pipeline memorise them easily; when they are not memorised, something is broken, and the finding
/// names the parameters the gradient never reaches (frozen, or cut off by a detach).
/// </summary>
internal static class OverfitBatchCheck
{
    public const string Name = "overfit one batch";

    /// <summary>Reached when the batch's loss (eval mode) falls below this share of its initial loss.</summary>
    public const double TargetShare = 0.05;

    public static DoctorFinding Run(DoctorSession session)
    {
        using Module<Tensor, Tensor> model = session.NewModel(salt: 2);
        var objective = session.Objective(model);
        using var criterion = objective.Criterion(null);
        using var optimizer = session.Optimizer(model);
        using var order = session.Shuffled(2);
        using var batch = order.narrow(0, 0, Math.Min(session.Options.OverfitRows, session.Count));
        using var inputs = session.Data.Features.index_select(0, batch);
        using var targets = session.Data.Labels.index_select(0, batch);

        double initial = session.MeanLoss(model, objective, criterion, batch), loss = initial;
        int steps = 0;
        GradientReach? reach = null;
        try
        {
            while (steps < session.Options.OverfitSteps && !(loss <= TargetShare * initial) && double.IsFinite(loss))
            {
                session.Step(model, objective, criterion, optimizer, inputs, targets);
                reach ??= GradientReach.Of(model);
                if (++steps % 10 == 0 || steps == session.Options.OverfitSteps) loss = session.MeanLoss(model, objective, criterion, batch);
            }
        }
        catch (LossWithoutGradientException missing)
        {
            return new DoctorFinding(Name, DoctorVerdict.Fail, missing.Message, missing.Advice) { Layers = missing.Trainable };
        }
        string measured = string.Create(CultureInfo.InvariantCulture, $"loss of {batch.shape[0]} rows {initial:F4} -> {loss:F4} in {steps} steps (target below {TargetShare * initial:F4})");
        string? stops = reach?.Describe();
        if (loss <= TargetShare * initial)
            return stops is null
                ? new DoctorFinding(Name, DoctorVerdict.Pass, measured, "model, loss and data pipeline can learn")
                : new DoctorFinding(Name, DoctorVerdict.Warn, measured, $"memorised, but {stops}") { Layers = reach!.Layers };
        string advice = !double.IsFinite(loss)
            ? "the loss diverged: the learning rate is far too high (see the learning-rate range test)"
            : stops is not null
                ? $"the batch is not memorised: {stops}"
                : "the batch is not memorised although every parameter gets a gradient: the learning rate may be far too high or too low (see the range test), or the loss does not fit the label";
        return new DoctorFinding(Name, DoctorVerdict.Fail, measured, advice) { Layers = reach?.Layers ?? Array.Empty<string>() };
    }
}
