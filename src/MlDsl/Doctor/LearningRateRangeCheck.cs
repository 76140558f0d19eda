using System.Globalization;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Doctor;

/// <summary>
/// Learning-rate range test: a fresh model takes one step at each learning rate of an exponential
/// sweep; the loss against the rate (plotted) falls, flattens and explodes. The suggested rate is a
/// tenth of the rate at the lowest smoothed loss (Lightning/fastai's "minimum / 10"). The configured
/// rate fails when it is where the loss already explodes or ten times above the suggestion, and warns
/// when it is a hundred times below it (training will crawl).
/// </summary>
internal static class LearningRateRangeCheck
{
    public const string Name = "learning-rate range test";

    /// <summary>Exponential smoothing of the per-step loss, bias-corrected as fastai does.</summary>
    private const double Smoothing = 0.9;

    public static (DoctorFinding Finding, RangeTestResult? Result) Run(DoctorSession session)
    {
        RangeTestResult result;
        try
        {
            result = Sweep(session);
        }
        catch (LossWithoutGradientException missing)
        {
            return (new DoctorFinding(Name, DoctorVerdict.Fail, missing.Message, missing.Advice) { Layers = missing.Trainable }, null);
        }
        double configured = session.Training.LearningRate;
        DoctorOptions options = session.Options;
        string measured = string.Create(CultureInfo.InvariantCulture,
            $"suggested {result.Suggested:0.0e+0} (lowest loss at {result.Suggested * 10:0.0e+0}), diverges from {(result.Diverged is { } d ? d.ToString("0.0e+0", CultureInfo.InvariantCulture) : "beyond the sweep")}; configured {configured:0.0e+0}");
        string? plot = session.Options.OutputDirectory is { } directory ? DoctorPlots.RangeTest(result, configured, directory) : null;
        DoctorFinding finding = result.StillFalling
            ? configured > options.HighestLearningRate
                ? new DoctorFinding(Name, DoctorVerdict.Warn, measured, "the configured rate is above every rate tried; widen the sweep (HighestLearningRate)")
                : new DoctorFinding(Name, DoctorVerdict.Pass, measured + "; the loss still falls at the highest rate tried", "no rate in the sweep is too high for this problem, the configured one included")
            : configured >= result.Diverged
            ? new DoctorFinding(Name, DoctorVerdict.Fail, measured, string.Create(CultureInfo.InvariantCulture, $"the configured learning rate is far too high: the loss explodes there; use about {result.Suggested:0.0e+0}"))
            : configured > 10 * result.Suggested
            ? new DoctorFinding(Name, DoctorVerdict.Fail, measured, string.Create(CultureInfo.InvariantCulture, $"the configured learning rate is far too high: past the sweep's lowest loss, where steps overshoot; use about {result.Suggested:0.0e+0}"))
            : configured < result.Suggested / 100
                ? new DoctorFinding(Name, DoctorVerdict.Warn, measured, string.Create(CultureInfo.InvariantCulture, $"the configured learning rate is far below the suggestion: training will be slow; try about {result.Suggested:0.0e+0}"))
                : new DoctorFinding(Name, DoctorVerdict.Pass, measured, "the configured learning rate is in the range where the loss falls");
        return (finding with { Files = plot is null ? Array.Empty<string>() : new[] { plot } }, result);
    }

    private static RangeTestResult Sweep(DoctorSession session)
    {
        using Module<Tensor, Tensor> model = session.NewModel(salt: 4);
        var objective = session.Objective(model);
        using var criterion = objective.Criterion(null);
        DoctorOptions options = session.Options;
        using var optimizer = session.Optimizer(model, options.LowestLearningRate);
        using var order = session.Shuffled(4);
        long batch = Math.Min(session.Training.BatchSize, session.Count);
        int steps = options.RangeTestSteps;
        double growth = Math.Pow(options.HighestLearningRate / options.LowestLearningRate, 1.0 / (steps - 1));
        var rates = new List<double>();
        var losses = new List<double>();
        double average = 0, best = double.PositiveInfinity;
        double? diverged = null;
        for (int step = 0; step < steps; step++)
        {
            double rate = options.LowestLearningRate * Math.Pow(growth, step);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
            using var scope = NewDisposeScope();
            long start = step * batch % session.Count;
            Tensor indices = order.narrow(0, start, Math.Min(batch, session.Count - start));
            double loss = session.Step(model, objective, criterion, optimizer, session.Data.Features.index_select(0, indices), session.Data.Labels.index_select(0, indices));
            average = Smoothing * average + (1 - Smoothing) * loss;
            double smoothed = average / (1 - Math.Pow(Smoothing, step + 1));
            if (!double.IsFinite(smoothed) || (step > 5 && smoothed > 4 * best))
            {
                diverged = rate;
                break;
            }
            rates.Add(rate);
            losses.Add(smoothed);
            // The first steps' smoothing has too little history to call a minimum.
            if (step >= 5 && smoothed < best) best = smoothed;
        }
        if (losses.Count == 0) return new RangeTestResult(rates, losses, options.LowestLearningRate, diverged);
        int lowest = Enumerable.Range(0, losses.Count).Where(i => i >= Math.Min(5, losses.Count - 1)).MinBy(i => losses[i]);
        // Lowest at the very end of an undiverged sweep: the valley lies beyond the rates tried.
        return new RangeTestResult(rates, losses, rates[lowest] / 10, diverged) { StillFalling = diverged is null && lowest >= losses.Count - 3 };
    }
}
