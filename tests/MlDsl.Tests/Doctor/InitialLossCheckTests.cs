using MlDsl.Doctor;
using MlDsl.Tests.Labels;

namespace MlDsl.Tests.Doctor;

public sealed class InitialLossCheckTests
{
    [Fact]
    public void A_fresh_classifier_starts_at_ln_of_its_class_count()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.InitialLoss, BrokenModels.Healthy, DoctorData.Points());

        Assert.Equal(DoctorVerdict.Pass, finding.Verdict);
        Assert.Contains("ln 3 = 1.0986", finding.Measured);
    }

    [Fact]
    public void An_output_bias_that_starts_confident_of_one_class_fails_and_names_the_layer()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.InitialLoss, BrokenModels.WrongInit, DoctorData.Points());

        Assert.Equal(DoctorVerdict.Fail, finding.Verdict);
        Assert.Equal(new[] { "output" }, finding.Layers);
        Assert.Contains("initialise output smaller", finding.Advice);
    }

    [Fact]
    public void A_fresh_regressor_starts_near_the_variance_of_its_standardized_target()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.InitialLoss, seed => new FlatPrice(seed), Flat.Make(200, seed: 4));

        Assert.NotEqual(DoctorVerdict.Fail, finding.Verdict);
        Assert.Contains("variance of the standardized targets", finding.Measured);
    }

    [Fact]
    public void Imbalanced_classes_expect_the_class_prior_entropy_not_ln_C()
    {
        // 83% of one class: a uniform start (ln 3) is far above the prior entropy the bias could start at.
        List<Point> rows = DoctorData.Points(600).Where((point, i) => point.Cluster == 0 || i % 30 is 1 or 2).ToList();

        DoctorFinding finding = Examination.Finding(DoctorCheck.InitialLoss, BrokenModels.Healthy, rows);

        Assert.Contains("class-prior entropy", finding.Measured);
        Assert.Equal(DoctorVerdict.Fail, finding.Verdict);
        Assert.Contains("log class priors", finding.Advice);
    }
}
