using MlDsl.Doctor;

namespace MlDsl.Tests.Doctor;

public sealed class OverfitBatchCheckTests
{
    [Fact]
    public void A_healthy_model_memorises_one_batch()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.OverfitBatch, BrokenModels.Healthy, DoctorData.Points());

        Assert.Equal(DoctorVerdict.Pass, finding.Verdict);
    }

    [Fact]
    public void Shuffled_labels_are_still_memorised_because_the_check_is_about_the_machinery()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.OverfitBatch, BrokenModels.Healthy, DoctorData.ShuffledLabels());

        Assert.Equal(DoctorVerdict.Pass, finding.Verdict);
    }

    [Fact]
    public void A_model_with_every_layer_frozen_fails_and_says_so()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.OverfitBatch, BrokenModels.AllFrozen, DoctorData.Points());

        Assert.Equal(DoctorVerdict.Fail, finding.Verdict);
        Assert.Contains("frozen", finding.Advice);
    }

    [Fact]
    public void A_detached_output_fails_without_reaching_libtorch_backward()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.OverfitBatch, BrokenModels.OutputDetached, DoctorData.Points());

        Assert.Equal(DoctorVerdict.Fail, finding.Verdict);
        Assert.Contains("detach", finding.Advice);
        Assert.Contains("inner.output.weight", finding.Layers);
    }

    [Fact]
    public void A_learning_rate_far_too_high_fails()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.OverfitBatch, BrokenModels.Healthy, DoctorData.Points(), learningRate: 50);

        Assert.Equal(DoctorVerdict.Fail, finding.Verdict);
    }
}
