using System.Globalization;
using MlDsl.Data;
using MlDsl.Runtime;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Doctor;

/// <summary>
/// Loss at initialisation (Karpathy's "verify loss @ init"): a fresh model's loss on every row must be
/// close to what the objective implies before any learning. A loss far above it means the last
/// layer starts with large, confident outputs (a wrong initialisation, a missing output scaling); the
/// finding names that layer and the spread of its outputs.
/// </summary>
internal static class InitialLossCheck
{
    public const string Name = "loss at initialisation";

    /// <summary>Beyond this relative distance from the expected loss the check fails; beyond a third of it, it warns.</summary>
    public const double Tolerance = 0.5;

    public static DoctorFinding Run(DoctorSession session)
    {
        using Module<Tensor, Tensor> model = session.NewModel();
        var objective = session.Objective(model);
        using var criterion = objective.Criterion(null);
        using var all = HeldScalars.Arange(session.Count, device: session.Device);
        double loss = session.MeanLoss(model, objective, criterion, all);
        (double expected, string why) = ExpectedInitialLoss.Of(session.Kind, session.Data.Labels, session.Outputs);
        double spread = OutputSpread(session, model);
        string last = LayerOrder.LastWeighted(model);
        string measured = string.Create(CultureInfo.InvariantCulture, $"loss {loss:F4} on {session.Count} rows, expected {why}; outputs' standard deviation {spread:F3}");
        double distance = Math.Abs(loss - expected) / Math.Max(expected, 1e-6);
        if (!double.IsFinite(loss))
            return new DoctorFinding(Name, DoctorVerdict.Fail, measured, $"the untrained model's loss is not finite: check the input for NaN/∞ and the initialisation of {last}") { Layers = new[] { last } };
        if (distance > Tolerance)
        {
            string advice = loss > expected
                ? $"the untrained model is confidently wrong: its last layer {last} starts with outputs spread {spread:F2} where near 0 is expected; initialise {last} smaller (default or zero weights)"
                  + (session.Kind == LabelKind.Class ? " and its bias to the log class priors" : session.Kind == LabelKind.Regression ? " and its bias to 0 (targets are standardized)" : "")
                : "the untrained model already scores better than the objective allows: a label may leak into the features, or the loss is not the one the label needs";
            return new DoctorFinding(Name, DoctorVerdict.Fail, measured, advice) { Layers = new[] { last } };
        }
        if (distance > Tolerance / 3)
            return new DoctorFinding(Name, DoctorVerdict.Warn, measured, $"close to expected but off by {distance * 100:F0}%: the first steps will be spent undoing the initialisation of {last}") { Layers = new[] { last } };
        return new DoctorFinding(Name, DoctorVerdict.Pass, measured, "the model starts knowing nothing, as it should");
    }

    private static double OutputSpread(DoctorSession session, Module<Tensor, Tensor> model)
    {
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        model.eval();
        long rows = Math.Min(256, session.Count);
        return model.forward(session.Data.Features.narrow(0, 0, rows)).to(float64).std().item<double>();
    }
}
