using MlDsl.Doctor;

namespace MlDsl.Tests.Doctor;

public sealed class LearningRateRangeCheckTests() : TemporaryFolder("mldsl-doctor-range")
{
    [Fact]
    public void A_sensible_rate_passes_and_the_loss_against_rate_plot_is_written()
    {
        DoctorReport report = ModelDoctor.Examine(BrokenModels.Healthy, DoctorData.Overlapping(), Examination.Options(DoctorCheck.LearningRateRange, 1e-2, Root));

        DoctorFinding finding = Assert.Single(report.Findings);
        Assert.Equal(DoctorVerdict.Pass, finding.Verdict);
        RangeTestResult curve = report.RangeTest!;
        Assert.InRange(curve.Suggested, 1e-3, 1);
        Assert.False(curve.StillFalling);
        Assert.Equal(curve.LearningRates.Order(), curve.LearningRates);
        PngFiles.AssertPicture(Assert.Single(finding.Files), 800, 500, minimumColouredShare: 0.002);
    }

    [Fact]
    public void A_rate_where_the_loss_explodes_fails_with_a_suggestion()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.LearningRateRange, BrokenModels.Healthy, DoctorData.Overlapping(), learningRate: 5);

        Assert.Equal(DoctorVerdict.Fail, finding.Verdict);
        Assert.Contains("far too high", finding.Advice);
    }

    [Fact]
    public void A_loss_still_falling_at_the_highest_rate_tried_passes_any_rate_in_the_sweep()
    {
        DoctorReport report = ModelDoctor.Examine(BrokenModels.Healthy, DoctorData.Points(), Examination.Options(DoctorCheck.LearningRateRange, learningRate: 5));

        Assert.True(report.RangeTest!.StillFalling);
        Assert.Equal(DoctorVerdict.Pass, Assert.Single(report.Findings).Verdict);
    }

    [Fact]
    public void A_rate_far_below_the_suggestion_warns()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.LearningRateRange, BrokenModels.Healthy, DoctorData.Overlapping(), learningRate: 1e-7);

        Assert.Equal(DoctorVerdict.Warn, finding.Verdict);
    }
}
