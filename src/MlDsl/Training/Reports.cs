using System.Globalization;

namespace MlDsl.Training;

/// <summary>
/// Loss and score of a model on a set of rows: <see cref="Accuracy"/> for class and multi-label labels
/// (label-wise for multi-label), <see cref="MeanAbsoluteError"/> for regression; the other is NaN.
/// </summary>
public sealed record Evaluation(double Loss, double Accuracy, int Count)
{
    public double MeanAbsoluteError { get; init; } = double.NaN;

    /// <summary>"accuracy 97.10%" or "MAE 0.4210", whichever this evaluation measured.</summary>
    public string Score(string prefix = "") => double.IsNaN(MeanAbsoluteError)
        ? string.Create(CultureInfo.InvariantCulture, $"{prefix}accuracy {Accuracy * 100:F2}%")
        : string.Create(CultureInfo.InvariantCulture, $"{prefix}MAE {MeanAbsoluteError:G4}");
}

/// <summary>One training step, for progress displays.</summary>
public sealed record BatchProgress(int Epoch, long Step, long StepsPerEpoch, long RowsSeen, double Loss);

/// <summary>One epoch of training: the training split's running loss and score, and the validation split's, if given.</summary>
public sealed record EpochReport(int Epoch, int Epochs, double TrainLoss, double TrainAccuracy, Evaluation? Validation, TimeSpan Duration, double LearningRate = double.NaN)
{
    /// <summary>The training split's mean absolute error for a regression label; NaN otherwise.</summary>
    public double TrainMeanAbsoluteError { get; init; } = double.NaN;

    /// <summary>The training split's numbers as an evaluation.</summary>
    public Evaluation Train => new(TrainLoss, TrainAccuracy, 0) { MeanAbsoluteError = TrainMeanAbsoluteError };

    internal static EpochReport From(int epoch, int epochs, Evaluation train, Evaluation? validation, TimeSpan duration, double learningRate) =>
        new(epoch, epochs, train.Loss, train.Accuracy, validation, duration, learningRate) { TrainMeanAbsoluteError = train.MeanAbsoluteError };

    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"epoch {Epoch}/{Epochs}  loss {TrainLoss:F4}  {Train.Score()}");
        if (Validation is { } validation)
            text += string.Create(CultureInfo.InvariantCulture, $"  val_loss {validation.Loss:F4}  {validation.Score("val_")}");
        return text + string.Create(CultureInfo.InvariantCulture, $"  {Duration.TotalSeconds:F1}s");
    }
}

/// <summary>
/// Everything <c>Fit</c> measured: one report per epoch, whether early stopping ended the run (and
/// which epoch's weights were kept), and the score of a model that ignores its input — the training
/// split's most common class (per label for multi-label), or its mean for regression — on the
/// validation split (else the training split): the score to beat.
/// </summary>
public sealed record FitReport(IReadOnlyList<EpochReport> Epochs, double BaselineAccuracy, int? StoppedEarlyAt = null, int? BestEpoch = null)
{
    /// <summary>The mean predictor's mean absolute error, for a regression label; NaN otherwise.</summary>
    public double BaselineMeanAbsoluteError { get; init; } = double.NaN;

    /// <summary>"majority baseline 11.31%" or "mean predictor MAE 66.79": the score to beat, in words.</summary>
    public string BaselineDescription => double.IsNaN(BaselineMeanAbsoluteError)
        ? string.Create(CultureInfo.InvariantCulture, $"majority baseline {BaselineAccuracy * 100:F2}%")
        : string.Create(CultureInfo.InvariantCulture, $"mean predictor MAE {BaselineMeanAbsoluteError:G4}");

    /// <summary>The last epoch restored from a checkpoint when the run resumed (its epochs are not trained again); 0 when it started at epoch 1.</summary>
    public int ResumedAfterEpoch { get; init; }

    public EpochReport Last => Epochs[^1];
}
