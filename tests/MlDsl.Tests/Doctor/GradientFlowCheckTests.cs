using MlDsl.Doctor;

namespace MlDsl.Tests.Doctor;

public sealed class GradientFlowCheckTests
{
    [Fact]
    public void Every_layer_of_a_healthy_model_gets_a_finite_gradient_and_no_relu_is_dead()
    {
        DoctorReport report = ModelDoctor.Examine(BrokenModels.Healthy, DoctorData.Points(), Examination.Options(DoctorCheck.GradientFlow, learningRate: 1e-3));

        Assert.Equal(DoctorVerdict.Pass, Assert.Single(report.Findings).Verdict);
        Assert.Equal(new[] { "hidden.weight", "hidden.bias", "narrow.weight", "narrow.bias", "output.weight", "output.bias" }.Order(), report.GradientFlow.Select(layer => layer.Parameter).Order());
        Assert.All(report.GradientFlow, layer => Assert.True(layer.GradientNorm > 0, layer.ToString()));
        ReluActivity relu = Assert.Single(report.Relus);
        Assert.Equal("hiddenRelu", relu.Layer);
        Assert.Equal(32, relu.Units);
    }

    [Fact]
    public void A_frozen_layer_fails_and_is_named()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.GradientFlow, BrokenModels.HiddenFrozen, DoctorData.Points(), learningRate: 1e-3);

        Assert.Equal(DoctorVerdict.Fail, finding.Verdict);
        Assert.Equal(new[] { "hidden" }, finding.Layers);
        Assert.Contains("hidden.weight, hidden.bias are frozen", finding.Advice);
    }

    [Fact]
    public void A_detach_in_forward_names_the_layer_after_which_the_gradient_stops()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.GradientFlow, BrokenModels.DetachedInTheMiddle, DoctorData.Points(), learningRate: 1e-3);

        Assert.Equal(DoctorVerdict.Fail, finding.Verdict);
        Assert.Contains("no gradient reaches first.weight, first.bias: it stops after first", finding.Advice);
    }

    [Fact]
    public void A_relu_that_never_fires_fails_and_is_named()
    {
        DoctorReport report = ModelDoctor.Examine(BrokenModels.DeadRelu, DoctorData.Points(), Examination.Options(DoctorCheck.GradientFlow, learningRate: 1e-3));

        DoctorFinding finding = Assert.Single(report.Findings);
        Assert.Equal(DoctorVerdict.Fail, finding.Verdict);
        Assert.Contains("hiddenRelu", finding.Layers);
        Assert.Equal(1.0, Assert.Single(report.Relus).DeadShare);
    }

    [Fact]
    public void A_learning_rate_far_too_high_makes_updates_larger_than_the_weights()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.GradientFlow, BrokenModels.Healthy, DoctorData.Points(), learningRate: 10);

        Assert.Equal(DoctorVerdict.Fail, finding.Verdict);
        Assert.Contains("exploding", finding.Advice);
    }
}
