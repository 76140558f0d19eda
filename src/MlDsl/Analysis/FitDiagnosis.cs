using System.Globalization;
using MlDsl.Training;

namespace MlDsl.Analysis;

/// <summary>What the learning curves say about a run.</summary>
public enum FitVerdict
{
    /// <summary>Training and validation agree and beat the baseline.</summary>
    GoodFit,
    /// <summary>Training is much better than validation, or validation loss rose from its best while training loss kept falling.</summary>
    Overfitting,
    /// <summary>Even the training split is barely better than always predicting the majority class (or the mean, for regression).</summary>
    Underfitting,
    /// <summary>No validation split to judge by.</summary>
    Unknown,
}

/// <summary>Over/underfitting verdicts from a fit's learning curves, with the numbers behind them.</summary>
public static class FitDiagnosis
{
    public static (FitVerdict Verdict, string Reason) Diagnose(FitReport report, double gapTolerance = 0.05, double baselineMargin = 0.05)
    {
        // Judge the epoch whose weights the model kept (the best one when early stopping watched validation).
        EpochReport last = report.BestEpoch is { } best ? report.Epochs.First(epoch => epoch.Epoch == best) : report.Epochs[^1];
        if (!double.IsNaN(report.BaselineMeanAbsoluteError)) return DiagnoseRegression(report, last, gapTolerance, baselineMargin);
        string Percent(double value) => string.Create(CultureInfo.InvariantCulture, $"{value * 100:F2}%");
        if (last.TrainAccuracy < report.BaselineAccuracy + baselineMargin)
            return (FitVerdict.Underfitting, $"training accuracy {Percent(last.TrainAccuracy)} is within {Percent(baselineMargin)} of the majority baseline {Percent(report.BaselineAccuracy)}: a bigger model, more epochs or a higher learning rate");
        if (last.Validation is not { } validation)
            return (FitVerdict.Unknown, "no validation split");
        double gap = last.TrainAccuracy - validation.Accuracy;
        if (gap > gapTolerance)
            return (FitVerdict.Overfitting, $"training accuracy {Percent(last.TrainAccuracy)} exceeds validation {Percent(validation.Accuracy)} by {Percent(gap)}: more data, augmentation, dropout or weight decay");
        double bestValidationLoss = report.Epochs.Where(epoch => epoch.Epoch <= last.Epoch).Min(epoch => epoch.Validation!.Loss);
        if (validation.Loss > bestValidationLoss * 1.5 && last.TrainLoss < report.Epochs[0].TrainLoss)
            return (FitVerdict.Overfitting, string.Create(CultureInfo.InvariantCulture,
                $"validation loss rose to {validation.Loss:F4} from its best {bestValidationLoss:F4} while training loss fell: stop earlier (EarlyStoppingPatience)"));
        return (FitVerdict.GoodFit, $"training {Percent(last.TrainAccuracy)} and validation {Percent(validation.Accuracy)} agree and beat the baseline {Percent(report.BaselineAccuracy)}");
    }

    // Errors have no natural scale, so regression is judged relative to the mean predictor's error.
    private static (FitVerdict, string) DiagnoseRegression(FitReport report, EpochReport last, double gapTolerance, double baselineMargin)
    {
        string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
        double baseline = report.BaselineMeanAbsoluteError, train = last.TrainMeanAbsoluteError;
        if (train > baseline * (1 - 2 * baselineMargin))
            return (FitVerdict.Underfitting, $"training MAE {Number(train)} is barely below the mean predictor's {Number(baseline)}: a bigger model, more epochs or a higher learning rate");
        if (last.Validation is not { } validation)
            return (FitVerdict.Unknown, "no validation split");
        double gap = (validation.MeanAbsoluteError - train) / baseline;
        if (gap > gapTolerance * 2)
            return (FitVerdict.Overfitting, $"validation MAE {Number(validation.MeanAbsoluteError)} exceeds training MAE {Number(train)} by {Number(gap * 100)}% of the mean predictor's error: more data, dropout or weight decay");
        return (FitVerdict.GoodFit, $"training MAE {Number(train)} and validation MAE {Number(validation.MeanAbsoluteError)} agree and beat the mean predictor's {Number(baseline)}");
    }
}
