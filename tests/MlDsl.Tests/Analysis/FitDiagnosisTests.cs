using MlDsl.Analysis;
using MlDsl.Training;

namespace MlDsl.Tests.Analysis;

public sealed class FitDiagnosisTests
{
    private static EpochReport Epoch(int epoch, double trainLoss, double trainAccuracy, double validationLoss, double validationAccuracy) =>
        new(epoch, 3, trainLoss, trainAccuracy, new Evaluation(validationLoss, validationAccuracy, 100), TimeSpan.FromSeconds(1));

    [Fact]
    public void A_large_train_validation_gap_is_overfitting()
    {
        var report = new FitReport(new[] { Epoch(1, 0.9, 0.7, 0.9, 0.68), Epoch(2, 0.1, 0.99, 0.8, 0.80) }, BaselineAccuracy: 0.5);

        (FitVerdict verdict, string reason) = FitDiagnosis.Diagnose(report);

        Assert.Equal(FitVerdict.Overfitting, verdict);
        Assert.StartsWith("training accuracy 99.00% exceeds validation 80.00% by 19.00%", reason);
    }

    [Fact]
    public void Training_no_better_than_the_baseline_is_underfitting()
    {
        var report = new FitReport(new[] { Epoch(1, 1.1, 0.52, 1.1, 0.5) }, BaselineAccuracy: 0.5);

        Assert.Equal(FitVerdict.Underfitting, FitDiagnosis.Diagnose(report).Verdict);
    }

    [Fact]
    public void Agreeing_curves_above_the_baseline_are_a_good_fit()
    {
        var report = new FitReport(new[] { Epoch(1, 0.5, 0.85, 0.5, 0.84), Epoch(2, 0.3, 0.91, 0.32, 0.9) }, BaselineAccuracy: 0.5);

        Assert.Equal(FitVerdict.GoodFit, FitDiagnosis.Diagnose(report).Verdict);
    }

    [Fact]
    public void Rising_validation_loss_with_falling_training_loss_is_overfitting()
    {
        var report = new FitReport(new[] { Epoch(1, 0.6, 0.80, 0.40, 0.80), Epoch(2, 0.3, 0.82, 0.70, 0.80) }, BaselineAccuracy: 0.5);

        (FitVerdict verdict, string reason) = FitDiagnosis.Diagnose(report);

        Assert.Equal(FitVerdict.Overfitting, verdict);
        Assert.StartsWith("validation loss rose to 0.7000 from its best 0.4000", reason);
    }

    [Fact]
    public void The_epoch_whose_weights_were_kept_is_judged()
    {
        var report = new FitReport(new[] { Epoch(1, 0.5, 0.85, 0.4, 0.86), Epoch(2, 0.3, 0.9, 1.9, 0.55) }, BaselineAccuracy: 0.5, BestEpoch: 1);

        Assert.Equal(FitVerdict.GoodFit, FitDiagnosis.Diagnose(report).Verdict);
    }
}
