using MlDsl.Doctor;

namespace MlDsl.Tests.Doctor;

public sealed class DataViewCheckTests() : TemporaryFolder("mldsl-doctor-data")
{
    [Fact]
    public void Balanced_finite_points_pass_and_a_batch_is_drawn_as_a_heatmap()
    {
        DoctorReport report = ModelDoctor.Examine(BrokenModels.Healthy, DoctorData.Points(), Examination.Options(DoctorCheck.DataView, directory: Root));

        DoctorFinding finding = Assert.Single(report.Findings);
        Assert.Equal(DoctorVerdict.Pass, finding.Verdict);
        Assert.Contains("class balance 0 33.3%, 1 33.3%, 2 33.3%", finding.Measured);
        PngFiles.AssertPicture(Assert.Single(finding.Files), 1000, 500, minimumColouredShare: 0.05);
    }

    [Fact]
    public void Image_rows_are_drawn_as_a_grid_of_images()
    {
        DoctorReport report = ModelDoctor.Examine(seed => new PatchNet(seed), SyntheticData.Patches(20, seed: 1), Examination.Options(DoctorCheck.DataView, directory: Root));

        // 16 tiles of 200 x 210 pixels, four by four; grayscale, so no coloured share is asked of it.
        PngFiles.AssertPicture(Assert.Single(Assert.Single(report.Findings).Files), 800, 840, minimumColouredShare: 0);
    }

    [Fact]
    public void A_dominant_class_warns_that_accuracy_would_lie_and_names_the_metrics_that_do_not()
    {
        List<Point> rows = DoctorData.Points(600).Where((point, i) => point.Cluster == 0 || i % 30 is 1 or 2).ToList();

        DoctorFinding finding = Examination.Finding(DoctorCheck.DataView, BrokenModels.Healthy, rows);

        Assert.Equal(DoctorVerdict.Warn, finding.Verdict);
        Assert.Contains("accuracy would lie: always answering 0 scores 83.3%", finding.Advice);
        Assert.Contains("balanced_accuracy", finding.Advice);
    }

    [Fact]
    public void Non_finite_features_fail()
    {
        List<Point> rows = DoctorData.Points();
        rows[7] = rows[7] with { X = float.NaN };

        DoctorFinding finding = Examination.Finding(DoctorCheck.DataView, BrokenModels.Healthy, rows);

        Assert.Equal(DoctorVerdict.Fail, finding.Verdict);
        Assert.Contains("1 feature values are NaN or infinite", finding.Advice);
    }

    [Fact]
    public void Features_that_never_change_fail()
    {
        List<Point> rows = DoctorData.Points().Select(point => point with { X = 1, Y = 2, Extra = new[] { 0f, 0f } }).ToList();

        DoctorFinding finding = Examination.Finding(DoctorCheck.DataView, BrokenModels.Healthy, rows);

        Assert.Equal(DoctorVerdict.Fail, finding.Verdict);
        Assert.Contains("every feature has the same value in every row", finding.Advice);
    }

    [Fact]
    public void Features_far_from_unit_scale_warn()
    {
        List<Point> rows = DoctorData.Points().Select(point => point with { X = point.X * 5000 }).ToList();

        DoctorFinding finding = Examination.Finding(DoctorCheck.DataView, BrokenModels.Healthy, rows);

        Assert.Equal(DoctorVerdict.Warn, finding.Verdict);
        Assert.Contains("standardize", finding.Advice);
    }
}
