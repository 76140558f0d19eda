using System.Globalization;

namespace MlDsl.Training;

/// <summary>Loss and accuracy of a model on a set of rows.</summary>
public sealed record Evaluation(double Loss, double Accuracy, int Count);

/// <summary>One epoch of training: the training split's running loss/accuracy and the validation split's, if given.</summary>
public sealed record EpochReport(int Epoch, int Epochs, double TrainLoss, double TrainAccuracy, Evaluation? Validation, TimeSpan Duration, double LearningRate = double.NaN)
{
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"epoch {Epoch}/{Epochs}  loss {TrainLoss:F4}  accuracy {TrainAccuracy * 100:F2}%");
        if (Validation is { } validation)
            text += string.Create(CultureInfo.InvariantCulture,
                $"  val_loss {validation.Loss:F4}  val_accuracy {validation.Accuracy * 100:F2}%");
        return text + string.Create(CultureInfo.InvariantCulture, $"  {Duration.TotalSeconds:F1}s");
    }
}

/// <summary>
/// Everything <c>Fit</c> measured: one report per epoch, whether early stopping ended the run (and
/// which epoch's weights were kept), and the accuracy of always predicting the training split's
/// most common class, on the validation split (else the training split) — the score to beat.
/// </summary>
public sealed record FitReport(IReadOnlyList<EpochReport> Epochs, double BaselineAccuracy, int? StoppedEarlyAt = null, int? BestEpoch = null)
{
    public EpochReport Last => Epochs[^1];
}
