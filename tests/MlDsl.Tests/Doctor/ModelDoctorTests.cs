using MlDsl.Doctor;
using MlDsl.Training;

namespace MlDsl.Tests.Doctor;

public sealed class ModelDoctorTests() : TemporaryFolder("mldsl-doctor")
{
    [Fact]
    public void A_healthy_model_passes_every_check_and_the_report_is_written()
    {
        DoctorReport report = ModelDoctor.Examine(BrokenModels.Healthy, DoctorData.Points(), Examination.Options(DoctorCheck.All, learningRate: 1e-2, directory: Root));

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(7, report.Findings.Count);
        Assert.All(report.Findings, finding => Assert.Equal(DoctorVerdict.Pass, finding.Verdict));
        string written = File.ReadAllText(Path.Combine(Root, "doctor.md"));
        Assert.Contains("| overfit one batch | PASS |", written);
        Assert.Contains("![lr-range-test](lr-range-test.png)", written);
    }

    [Fact]
    public void The_examination_leaves_no_tensor_alive()
    {
        // Warm up, so lazily created tensors of libtorch's own do not count.
        ModelDoctor.Examine(BrokenModels.Healthy, DoctorData.Points(60), Examination.Options(DoctorCheck.All & ~DoctorCheck.LabelQuality));
        long before = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        ModelDoctor.Examine(BrokenModels.Healthy, DoctorData.Points(60), Examination.Options(DoctorCheck.All & ~DoctorCheck.LabelQuality));

        Assert.Equal(before, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Theory]
    [InlineData(nameof(DoctorOptions.Folds))]
    [InlineData(nameof(DoctorOptions.RangeTestSteps))]
    [InlineData(nameof(DoctorOptions.OverfitRows))]
    public void An_option_out_of_range_is_refused_by_name_before_any_training(string option)
    {
        DoctorOptions options = option switch
        {
            nameof(DoctorOptions.Folds) => new DoctorOptions { Folds = 1 },
            nameof(DoctorOptions.RangeTestSteps) => new DoctorOptions { RangeTestSteps = 3 },
            _ => new DoctorOptions { OverfitRows = 0 },
        };

        var error = Assert.Throws<DoctorException>(() => ModelDoctor.Examine(BrokenModels.Healthy, DoctorData.Points(30), options));

        Assert.Equal(option, error.Option);
        Assert.Contains(option, error.Message);
    }

    [Fact]
    public void A_label_outside_the_classes_is_refused_naming_the_row()
    {
        List<Point> rows = DoctorData.Points(30);
        rows[4] = rows[4] with { Cluster = 7 };

        var error = Assert.Throws<MlDsl.Data.RowDataException>(() => ModelDoctor.Examine(BrokenModels.Healthy, rows, new DoctorOptions { Training = new FitOptions() }));

        Assert.Contains("7", error.Message);
        Assert.Equal(4, error.RowIndex);
    }
}
