using MlDsl.Data.Splits;
using MlDsl.Data.Validation;
using MlDsl.Examples.BreastCancer;

namespace MlDsl.Tests.Data;

public sealed class DataReportTests
{
    private static DataSplit<Visit> Split(IReadOnlyList<Visit> train, IReadOnlyList<Visit> validation) =>
        new(train, validation, Array.Empty<Visit>(), new SplitOptions());

    [Fact]
    public void The_real_breast_cancer_split_passes_and_prints_every_feature()
    {
        DataReport report = DataReport.Analyze(BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified }));

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(30, report.Features.Count);
        Assert.Contains("Measurements[29]", report.ToString());
        Assert.Equal(report.TrainRows, report.ClassCounts.Sum());
    }

    [Fact]
    public void A_wide_row_prints_its_first_features_and_every_one_with_a_finding()
    {
        var digits = MlDsl.Examples.Mnist.MnistDigits.Load().Take(600).ToList();
        digits[5] = digits[5] with { Pixels = digits[5].Pixels.Select((value, i) => i == 700 ? float.NaN : value).ToArray() };

        DataReport report = DataReport.Analyze(digits.Split(new SplitOptions { Seed = 1 }));
        string[] lines = report.ToString().Split('\n');

        Assert.Equal(784, report.Features.Count);
        Assert.True(lines.Length < 40, $"{lines.Length} lines");
        Assert.Contains(lines, line => line.StartsWith("Pixels[700] ", StringComparison.Ordinal));
        Assert.Contains("... 763 more of 784 features without missing values or shift", lines);
    }

    [Fact]
    public void Missing_values_fail_validation_with_the_feature_named()
    {
        List<Visit> visits = Visits.Make();
        visits[3] = visits[3] with { Age = float.NaN };

        DataReport report = DataReport.Analyze(Split(visits, visits.Take(10).ToList()));

        Assert.Contains("Age: 1 missing values in the training split", report.Failures);
        Assert.Throws<InvalidDataException>(report.ThrowIfFailed);
    }

    [Fact]
    public void Validation_rules_decide_which_findings_stop_the_pipeline()
    {
        List<Visit> visits = Visits.Make();
        visits[3] = visits[3] with { Age = float.NaN };
        DataSplit<Visit> split = Split(visits, visits.Take(10).ToList());

        DataReport lenient = DataReport.Analyze(split, new ValidationRules { FailOnMissing = false, FailOnOverlap = false });
        DataReport strict = DataReport.Analyze(split, new ValidationRules { MinTrainRows = visits.Count + 1, MaxMajorityShare = 0.1 });

        Assert.True(lenient.Passed, lenient.ToString());
        Assert.Contains("Age: 1 missing values in the training split", lenient.Warnings);
        Assert.Contains($"the training split has {visits.Count} rows; at least {visits.Count + 1} are required", strict.Failures);
        Assert.Contains(strict.Failures, failure => failure.EndsWith("of the training rows; at most 10.0% is allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_shared_between_splits_fail_as_overlap_leakage()
    {
        List<Visit> visits = Visits.Make();

        DataReport report = DataReport.Analyze(Split(visits, visits.Take(4).ToList()));

        Assert.Contains("4 validation/test rows also appear in the training split (overlap leakage)", report.Failures);
    }

    [Fact]
    public void A_dominant_class_warns_that_accuracy_would_lie()
    {
        List<Visit> visits = Visits.Make().Select((row, i) => row with { Sick = i % 10 == 0 ? 1 : 0 }).ToList();

        DataSplit<Visit> split = visits.Split(new SplitOptions { Kind = SplitKind.Grouped });
        int share = (int)Math.Round(100.0 * split.Train.Count(row => row.Sick == 0) / split.Train.Count);

        DataReport report = DataReport.Analyze(split);

        Assert.InRange(share, 80, 95);
        Assert.Contains($"class 0 is {share}% of the training rows: always predicting it scores {share}% accuracy, so accuracy would lie; look at per-class recall", report.Warnings);
    }

    [Fact]
    public void A_shifted_validation_feature_is_flagged()
    {
        List<Visit> visits = Visits.Make();
        List<Visit> shifted = visits.Take(80).Select(row => row with { Heart = row.Heart + 40 }).ToList();

        DataReport report = DataReport.Analyze(Split(visits.Skip(80).ToList(), shifted));

        Assert.Contains(report.Warnings, warning => warning.StartsWith("Heart is distributed differently in validation", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Warnings, warning => warning.StartsWith("Age", StringComparison.Ordinal));
    }
}
