using MathNet.Numerics.LinearAlgebra;
using MlDsl.Analysis;
using MlDsl.Data;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Data.Validation;
using MlDsl.Examples.BreastCancer;
using MlDsl.Training;

namespace MlDsl.Tests.Labels;

/// <summary>A float label makes a regression model: mean squared error, MAE/RMSE/R², a number from Predict.</summary>
public sealed class RegressionTests
{
    [Fact]
    public void A_regression_model_predicts_real_diabetes_progression_as_well_as_least_squares()
    {
        DataSplit<DiabetesPatient> split = ProgressionPipeline.Definition.Ingest().Split(new SplitOptions { Validation = 0.15, Test = 0.2, Seed = 4 });
        Standardizer scaler = Standardizer.Fit(split);
        DiabetesPatient[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation), test = scaler.Apply(split.Test);
        using var model = new ProgressionMlp(seed: 4);

        FitReport fit = model.Fit(train, validation, new FitOptions { Epochs = 200, BatchSize = 32, LearningRate = 1e-2, Seed = 4, EarlyStoppingPatience = 15 });
        RegressionReport report = RegressionReport.Compute(test, model.Predict(test));

        double meanPredictorError = test.Average(row => Math.Abs(row.Progression - train.Average(r => r.Progression)));
        double linear = LeastSquaresRSquared(split.Train, split.Test);
        // Measured: R² 0.568 against least squares' 0.563. "As well as" allows 0.02 below the peer, room for
        // float sums that round differently with the thread count, not for a model that fits worse.
        Assert.True(report.RSquared > 0.3 && report.RSquared >= linear - 0.02, $"R² {report.RSquared:F3} vs least squares {linear:F3}\n{report}");
        Assert.True(report.MeanAbsoluteError < 0.85 * meanPredictorError, $"MAE {report.MeanAbsoluteError} vs the mean's {meanPredictorError}");
        Assert.True(fit.Last.TrainMeanAbsoluteError < fit.BaselineMeanAbsoluteError, $"{fit.Last} vs baseline {fit.BaselineMeanAbsoluteError}");
        Assert.True(double.IsNaN(fit.Last.TrainAccuracy));
        Assert.Equal(new[] { "1", "2" }, report.Slices.Select(slice => slice.Value));
        Assert.Equal(Math.Abs(report.Slices[0].MeanAbsoluteError - report.Slices[1].MeanAbsoluteError), report.BiasGap, 9);
        Assert.Contains("MAE", fit.Last.ToString());
    }

    /// <summary>The peer: ordinary least squares (MathNet's QR solve) on the raw features, scored on the test rows.</summary>
    private static double LeastSquaresRSquared(IReadOnlyList<DiabetesPatient> train, IReadOnlyList<DiabetesPatient> test)
    {
        Matrix<double> Design(IReadOnlyList<DiabetesPatient> rows) =>
            Matrix<double>.Build.DenseOfRows(rows.Select(row => row.Measurements.Select(value => (double)value).Append(1.0)));
        Vector<double> Targets(IReadOnlyList<DiabetesPatient> rows) => Vector<double>.Build.DenseOfEnumerable(rows.Select(row => (double)row.Progression));
        Vector<double> weights = Design(train).QR().Solve(Targets(train));
        Vector<double> actual = Targets(test), errors = Design(test) * weights - actual;
        return 1 - errors.DotProduct(errors) / (actual - actual.Average()).DotProduct(actual - actual.Average());
    }

    [Fact]
    public void A_target_in_the_hundreds_of_thousands_trains_through_its_standardized_scale()
    {
        List<Flat> train = Flat.Make(512, seed: 1), test = Flat.Make(200, seed: 2);
        using var model = new FlatPrice(seed: 1);

        model.Fit(train, options: new FitOptions { Epochs = 30, BatchSize = 32, LearningRate = 1e-2, Seed = 1 });
        RegressionReport report = RegressionReport.Compute(test, model.Predict(test));

        double mean = train.Average(row => row.Price);
        double deviation = Math.Sqrt(train.Sum(row => (row.Price - mean) * (row.Price - mean)) / (train.Count - 1));
        Assert.Equal(mean, model.TargetScaling.Shift, mean * 1e-6);
        Assert.Equal(deviation, model.TargetScaling.Scale, deviation * 1e-4);
        // Prices spread by about 100,000: predictions within a few thousand mean the model learned the line.
        Assert.True(report.MeanAbsoluteError < 0.05 * deviation, report.ToString());
        Assert.True(report.RSquared > 0.99, report.ToString());
    }

    [Fact]
    public void A_second_fit_continues_in_the_units_of_the_first()
    {
        using var model = new FlatPrice(seed: 3);
        model.Fit(Flat.Make(64, seed: 1), options: new FitOptions { Epochs = 1 });
        double shift = model.TargetScaling.Shift;

        model.Fit(Flat.Make(64, seed: 9).Select(row => row with { Price = row.Price * 10 }).ToList(), options: new FitOptions { Epochs = 1 });

        Assert.Equal(shift, model.TargetScaling.Shift);
    }

    [Fact]
    public void Regression_metrics_match_a_hand_computed_example()
    {
        DiabetesPatient Row(float target, string sex) => new() { Measurements = new float[10], Progression = target, Sex = sex };
        var rows = new[] { Row(1, "1"), Row(2, "1"), Row(3, "2"), Row(4, "2") };

        RegressionReport report = RegressionReport.Compute(rows, new[] { 1f, 3f, 3f, 2.5f });

        // Errors 0, 1, 0, -1.5: MAE 2.5/4, RMSE sqrt(3.25/4); the targets' total sum of squares is 5, so R² = 1 - 3.25/5.
        Assert.Equal(0.625, report.MeanAbsoluteError, 9);
        Assert.Equal(Math.Sqrt(0.8125), report.RootMeanSquaredError, 9);
        Assert.Equal(0.35, report.RSquared, 9);
        Assert.Equal(0.5, report.Slices.Single(slice => slice.Value == "1").MeanAbsoluteError, 9);
        Assert.Equal(0.75, report.Slices.Single(slice => slice.Value == "2").MeanAbsoluteError, 9);
        Assert.Equal(0.25, report.BiasGap, 9);
    }

    [Fact]
    public void A_missing_target_is_refused_with_its_row()
    {
        var rows = new[]
        {
            new DiabetesPatient { Measurements = new float[10], Progression = 1, Sex = "1" },
            new DiabetesPatient { Measurements = new float[10], Progression = float.NaN, Sex = "2" },
        };
        using var model = new ProgressionMlp(seed: 1);

        var problem = Assert.Throws<RowDataException>(() => model.Fit(rows, options: new FitOptions { Epochs = 1 }));

        Assert.Equal("DiabetesPatient row 1: label should be a finite number but is NaN", problem.Message);
    }

    [Fact]
    public void The_data_report_describes_a_regression_target_and_its_shift()
    {
        List<Flat> rows = Flat.Make(400, seed: 4);
        // Validation rows are the most expensive flats: the target shifts, the report must say so.
        List<Flat> sorted = rows.OrderBy(row => row.Price).ToList();
        var split = new DataSplit<Flat>(sorted[..300], sorted[300..], Array.Empty<Flat>(), new SplitOptions());

        DataReport report = DataReport.Analyze(split);
        DataReport strict = DataReport.Analyze(split, new ValidationRules { FailOnShift = true });

        Assert.Equal(sorted[..300].Average(row => row.Price), report.Target!.Mean, 1e-2);
        Assert.Equal(sorted[299].Price, report.Target.Max, 0.1); // floats: the target is collated as a float
        Assert.Empty(report.ClassCounts);
        Assert.Contains(report.Warnings, warning => warning.StartsWith("the target Price is distributed differently", StringComparison.Ordinal));
        Assert.Contains(strict.Failures, failure => failure.StartsWith("the target Price", StringComparison.Ordinal));
        Assert.Contains("target (train): min ", report.ToString());
    }

    [Fact]
    public void A_stratified_split_of_a_regression_label_is_refused_with_the_reason()
    {
        // MLDSL0025 reports this line at compile time; the runtime check is for options built where the analyzer cannot see.
#pragma warning disable MLDSL0025
        var problem = Assert.Throws<SplitException>(() => ProgressionPipeline.Definition.Ingest().Split(new SplitOptions { Kind = SplitKind.Stratified }));
#pragma warning restore MLDSL0025

        Assert.Contains("DiabetesPatient.Progression is a Regression label", problem.Message);
    }

    [Fact]
    public void A_saved_regression_model_predicts_the_same_values_after_loading()
    {
        IReadOnlyList<DiabetesPatient> rows = ProgressionPipeline.Definition.Ingest().Take(64).ToList();
        using var model = new ProgressionMlp(seed: 5);
        model.Fit(rows, options: new FitOptions { Epochs = 2 });
        string path = Path.Combine(Path.GetTempPath(), $"progression-{Guid.NewGuid():N}.mldsl");

        model.Save(path);
        using var loaded = ProgressionMlp.Load(path);
        File.Delete(path);

        Assert.Equal(model.Predict(rows), loaded.Predict(rows));
        Assert.Equal(model.Predict(rows[0]), loaded.Predict(rows[0]));
    }
}
