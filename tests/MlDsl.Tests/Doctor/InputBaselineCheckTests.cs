using MlDsl.Doctor;

namespace MlDsl.Tests.Doctor;

public sealed class InputBaselineCheckTests
{
    [Fact]
    public void A_model_that_uses_its_input_beats_its_zeroed_twin()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.InputBaseline, BrokenModels.Healthy, DoctorData.Points());

        Assert.Equal(DoctorVerdict.Pass, finding.Verdict);
    }

    [Fact]
    public void A_model_whose_forward_overwrites_the_input_fails()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.InputBaseline, BrokenModels.InputIgnored, DoctorData.Points());

        Assert.Equal(DoctorVerdict.Fail, finding.Verdict);
        Assert.Contains("ignores the input", finding.Advice);
    }

    [Fact]
    public void Shuffled_labels_make_the_input_useless_and_fail()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.InputBaseline, BrokenModels.Healthy, DoctorData.ShuffledLabels());

        Assert.Equal(DoctorVerdict.Fail, finding.Verdict);
    }
}
