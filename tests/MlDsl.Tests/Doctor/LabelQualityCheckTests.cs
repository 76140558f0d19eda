using MlDsl.Doctor;
using MlDsl.Tests.Labels;

namespace MlDsl.Tests.Doctor;

public sealed class LabelQualityCheckTests() : TemporaryFolder("mldsl-doctor-labels")
{
    [Fact]
    public void Clean_labels_pass()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.LabelQuality, BrokenModels.Healthy, DoctorData.Points());

        Assert.Equal(DoctorVerdict.Pass, finding.Verdict);
    }

    [Fact]
    public void Flipped_labels_are_flagged_with_their_rows_and_pictured()
    {
        (List<Point> rows, HashSet<int> flipped) = DoctorData.Mislabelled(450, every: 25);

        DoctorReport report = ModelDoctor.Examine(BrokenModels.Healthy, rows, Examination.Options(DoctorCheck.LabelQuality, directory: Root));

        DoctorFinding finding = Assert.Single(report.Findings);
        Assert.Equal(DoctorVerdict.Warn, finding.Verdict);
        int[] flagged = report.LabelQuality!.Suspects.Select(suspect => suspect.Row).ToArray();
        int found = flagged.Count(flipped.Contains);
        Assert.True(found >= 0.9 * flipped.Count, $"recall {found} of {flipped.Count}: {string.Join(", ", flagged)}");
        Assert.True(found >= 0.9 * flagged.Length, $"precision {found} of {flagged.Length}: {string.Join(", ", flagged)}");
        LabelSuspect first = report.LabelQuality.Suspects[0];
        Assert.Equal(rows[first.Row].Cluster, first.Given);
        Assert.Equal((first.Given + 2) % 3, first.Suggested); // the flip moved it to the next class
        Assert.Contains($"row {first.Row}", finding.Measured);
        PngFiles.AssertPicture(Assert.Single(finding.Files), 1000, 500, minimumColouredShare: 0.05);
    }

    [Fact]
    public void Shuffled_labels_fail()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.LabelQuality, BrokenModels.Healthy, DoctorData.ShuffledLabels());

        Assert.Equal(DoctorVerdict.Fail, finding.Verdict);
        Assert.Contains("aligned", finding.Advice);
    }

    [Fact]
    public void A_regression_target_is_skipped_with_the_reason()
    {
        DoctorFinding finding = Examination.Finding(DoctorCheck.LabelQuality, seed => new FlatPrice(seed), Flat.Make(60, seed: 2));

        Assert.Equal(DoctorVerdict.Skipped, finding.Verdict);
        Assert.Contains("class labels", finding.Advice);
    }
}
