using MlDsl.Analysis;
using MlDsl.Data;
using MlDsl.Examples.Mnist;
using MlDsl.Training;

namespace MlDsl.Tests.Labels;

/// <summary>A real digit with the set of traits it has: several labels per row, none exclusive.</summary>
[Dataset]
public sealed partial record DigitTraits
{
    public static readonly string[] Names = { "even", "large", "prime", "loop" };

    [Feature, Shape(1, 28, 28)] public required float[] Pixels { get; init; }
    [Label(Names = new[] { "even", "large", "prime", "loop" })] public required string[] Traits { get; init; }

    public static DigitTraits Of(Digit digit) => new()
    {
        Pixels = digit.Pixels,
        Traits = new[]
        {
            digit.Value % 2 == 0 ? "even" : null,
            digit.Value >= 5 ? "large" : null,
            digit.Value is 2 or 3 or 5 or 7 ? "prime" : null,
            digit.Value is 0 or 6 or 8 or 9 ? "loop" : null,
        }.OfType<string>().ToArray(),
    };
}

[Model(typeof(DigitTraits))]
public sealed partial class TraitNet
{
    [Flatten, Linear(128), Relu] Layer hidden;
    [Linear(4)] Layer traits;
}

/// <summary>An int[] or string[] label makes a multi-label model: binary cross-entropy per label, a bool per label from Predict.</summary>
public sealed class MultiLabelTests
{
    [Fact]
    public void A_multi_label_model_learns_the_traits_of_real_digits()
    {
        Digit[] digits = MnistDigits.Load().ToArray();
        new Random(11).Shuffle(digits); // the package stores digits sorted by value
        DigitTraits[] rows = digits[..4000].Select(DigitTraits.Of).ToArray();
        using var model = new TraitNet(seed: 11);

        FitReport fit = model.Fit(rows[..3000], options: new FitOptions { Epochs = 3, Seed = 11 });
        DigitTraits[] test = rows[3000..];
        MultiLabelReport report = MultiLabelReport.Compute(test, model.Predict(test), DigitTraits.Names);

        Assert.True(report.LabelAccuracy > 0.9, report.ToString());
        Assert.True(report.MicroF1 > 0.85, report.ToString());
        Assert.True(report.SubsetAccuracy > 0.7, report.ToString());
        Assert.True(fit.Last.TrainAccuracy > fit.BaselineAccuracy, $"{fit.Last} vs baseline {fit.BaselineAccuracy}");
        Assert.Equal(DigitTraits.Names, report.Labels.Select(label => label.Name));
        Assert.Equal(4, model.Predict(test[0]).Length);
        Assert.All(model.PredictProbabilities(test[..5]).SelectMany(p => p), probability => Assert.InRange(probability, 0f, 1f));
    }

    [Fact]
    public void Multi_label_metrics_match_a_hand_computed_example()
    {
        DigitTraits Row(params string[] traits) => new() { Pixels = new float[784], Traits = traits };
        var rows = new[] { Row("even", "loop"), Row("prime"), Row() };
        var predicted = new[]
        {
            new[] { true, false, false, true },   // exact
            new[] { false, false, true, true },   // one false positive (loop)
            new[] { false, false, false, false }, // exact
        };

        MultiLabelReport report = MultiLabelReport.Compute(rows, predicted, DigitTraits.Names);

        // 3 true positives, 1 false positive, 0 false negatives: micro F1 = 6/7; 11 of 12 decisions right.
        Assert.Equal(2.0 / 3, report.SubsetAccuracy, 9);
        Assert.Equal(11.0 / 12, report.LabelAccuracy, 9);
        Assert.Equal(6.0 / 7, report.MicroF1, 9);
        Assert.Equal(0.5, report.Labels[3].Precision, 9);
        Assert.Equal(1, report.Labels[3].Support);
    }

    [Fact]
    public void An_unknown_label_name_is_refused_with_its_row()
    {
        var rows = new[]
        {
            new DigitTraits { Pixels = new float[784], Traits = new[] { "even" } },
            new DigitTraits { Pixels = new float[784], Traits = new[] { "odd" } },
        };

        var problem = Assert.Throws<RowDataException>(() => BatchCollator.Collate(rows, 0, 2));

        Assert.Equal("DigitTraits row 1: Traits should be label names, each one of even, large, prime, loop but is odd", problem.Message);
    }
}
