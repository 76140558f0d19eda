using System.Globalization;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Doctor;

/// <summary>
/// Input-independent baseline (Karpathy's "input-independent baseline"): the same model, from the same
/// initial weights, trained for the same steps once on the real inputs and once on inputs set to zero.
/// On held-out rows the real model must do clearly better; when it does not, the model is not using
/// its input (it is ignored, overwritten, or carries no signal about the label).
/// </summary>
internal static class InputBaselineCheck
{
    public const string Name = "input-independent baseline";

    /// <summary>The real-input model's held-out loss must be below this share of the zeroed-input model's.</summary>
    public const double FailRatio = 0.95, WarnRatio = 0.8;

    public static DoctorFinding Run(DoctorSession session)
    {
        if (session.Count < 10)
            return new DoctorFinding(Name, DoctorVerdict.Skipped, $"{session.Count} rows", "needs at least 10 rows to hold some out");
        using var order = session.Shuffled(1);
        long held = Math.Max(2, session.Count / 5);
        using var heldOut = order.narrow(0, 0, held);
        using var trainOn = order.narrow(0, held, session.Count - held);
        double real, zeroed;
        try
        {
            real = TrainAndJudge(session, trainOn, heldOut, zero: false);
            zeroed = TrainAndJudge(session, trainOn, heldOut, zero: true);
        }
        catch (LossWithoutGradientException missing)
        {
            return new DoctorFinding(Name, DoctorVerdict.Fail, missing.Message, missing.Advice) { Layers = missing.Trainable };
        }
        double ratio = real / zeroed;
        string measured = string.Create(CultureInfo.InvariantCulture,
            $"held-out loss {real:F4} on real inputs vs {zeroed:F4} on zeroed inputs ({ratio * 100:F0}%) after {session.Options.BaselineSteps} steps on {trainOn.shape[0]} rows");
        if (!double.IsFinite(real) || !double.IsFinite(zeroed))
            return new DoctorFinding(Name, DoctorVerdict.Fail, measured, "training diverged: see the learning-rate range test");
        if (ratio >= FailRatio)
            return new DoctorFinding(Name, DoctorVerdict.Fail, measured,
                "the model does no better with its input than without: it ignores the input (overwritten or disconnected in forward), or the labels carry no signal the features explain (shuffled or misaligned labels)");
        if (ratio >= WarnRatio)
            return new DoctorFinding(Name, DoctorVerdict.Warn, measured, "the input helps only a little so far: check the features reach the model as intended (see the data view)");
        return new DoctorFinding(Name, DoctorVerdict.Pass, measured, "the model learns from its input");
    }

    private static double TrainAndJudge(DoctorSession session, Tensor trainOn, Tensor heldOut, bool zero)
    {
        using Module<Tensor, Tensor> model = session.NewModel(salt: 1);
        var objective = session.Objective(model);
        using var criterion = objective.Criterion(null);
        using var optimizer = session.Optimizer(model);
        long rows = trainOn.shape[0], batch = Math.Min(session.Training.BatchSize, rows);
        for (int step = 0; step < session.Options.BaselineSteps; step++)
        {
            using var scope = NewDisposeScope();
            Tensor indices = trainOn.narrow(0, step * batch % rows, Math.Min(batch, rows - step * batch % rows));
            Tensor inputs = session.Data.Features.index_select(0, indices);
            session.Step(model, objective, criterion, optimizer, zero ? zeros_like(inputs) : inputs, session.Data.Labels.index_select(0, indices));
        }
        return session.MeanLoss(model, objective, criterion, heldOut, zero ? features => zeros_like(features) : null);
    }
}
