using System.Text.Json;
using MlDsl.Data.Selection;
using MlDsl.Data.Splits;
using MlDsl.Data.Steps;
using MlDsl.Examples.BreastCancer;
using static MlDsl.Tests.Data.Steps.SklearnReference;

namespace MlDsl.Tests.Data.Steps;

public sealed class SelectKBestTests() : TemporaryFolder("mldsl-select")
{
    private static readonly JsonElement Classification = Get("selection", "small_classification");
    private static readonly JsonElement Regression = Get("selection", "small_regression");

    private static Sample[] ClassRows => StepRows.Samples(Classification.GetProperty("x").Matrix(), Classification.GetProperty("y").Doubles());

    private static Measured[] RegressionRows => StepRows.Measurements(Regression.GetProperty("x").Matrix(), Regression.GetProperty("y").Doubles());

    [Theory]
    [InlineData("f_classif", ScoreFunction.AnovaF)]
    [InlineData("chi2", ScoreFunction.ChiSquare)]
    [InlineData("mutual_info_classif", ScoreFunction.MutualInformation)]
    public void Class_scores_and_choice_match_scikit_learn(string name, ScoreFunction function)
    {
        JsonElement expected = Classification.GetProperty(name);

        SelectKBest selector = SelectKBest.Fit(ClassRows, function, Classification.GetProperty("k").GetInt32());

        Close(expected.GetProperty("scores").Doubles(), selector.Scores, what: "scores");
        if (expected.TryGetProperty("pvalues", out JsonElement pValues)) Close(pValues.Doubles(), selector.PValues, what: "p-values");
        else Assert.All(selector.PValues, p => Assert.True(double.IsNaN(p)));
        Assert.Equal(expected.GetProperty("selected").Ints(), selector.Selected);
    }

    [Fact]
    public void Regression_scores_match_f_regression_and_r_regression()
    {
        JsonElement f = Regression.GetProperty("f_regression");

        SelectKBest byF = SelectKBest.Fit(RegressionRows, ScoreFunction.FRegression, 2);
        SelectKBest byCorrelation = SelectKBest.Fit(RegressionRows, ScoreFunction.AbsoluteCorrelation, 2);

        Close(f.GetProperty("scores").Doubles(), byF.Scores, what: "F");
        Close(f.GetProperty("pvalues").Doubles(), byF.PValues, what: "p");
        Assert.Equal(f.GetProperty("selected").Ints(), byF.Selected);
        Close(Regression.GetProperty("r_regression").GetProperty("scores").Doubles().Select(Math.Abs).ToArray(), byCorrelation.Scores, what: "|r|");
        Assert.Equal(byF.Selected, byCorrelation.Selected); // F is monotone in |r|
    }

    [Theory]
    [InlineData("f_classif", ScoreFunction.AnovaF)]
    [InlineData("chi2", ScoreFunction.ChiSquare)]
    public void Scores_on_the_real_breast_cancer_csv_match_scikit_learn(string name, ScoreFunction function)
    {
        JsonElement expected = Get("selection", "breast_cancer", name);

        SelectKBest selector = SelectKBest.Fit(BreastCancerRows.Load(), function, Get("selection", "breast_cancer", "k").GetInt32());

        Close(expected.GetProperty("scores").Doubles(), selector.Scores, relative: 1e-6, what: "scores");
        // p-values reach 1e-200 and below; the tail is computed directly, so they keep their relative precision.
        Close(expected.GetProperty("pvalues").Doubles(), selector.PValues, relative: 1e-5, absolute: 1e-300, what: "p-values");
        Assert.Equal(expected.GetProperty("selected").Ints(), selector.Selected);
    }

    [Fact]
    public void Apply_zeroes_the_unselected_features_and_keeps_the_rest()
    {
        Sample[] rows = ClassRows;
        SelectKBest selector = SelectKBest.Fit(rows, ScoreFunction.AnovaF, 2);

        Sample[] masked = selector.Apply(rows);
        float[][] reduced = selector.Reduce(rows);

        Assert.Equal(new[] { "X[0]", "X[1]" }, selector.SelectedNames);
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(new[] { rows[i].X[0], rows[i].X[1], 0f, 0f }, masked[i].X);
            Assert.Equal(new[] { rows[i].X[0], rows[i].X[1] }, reduced[i]);
        }
    }

    [Fact]
    public void Validation_and_test_rows_never_change_the_choice()
    {
        Sample[] train = ClassRows;
        // Validation rows in which feature 3 predicts the class perfectly: fitting on them would pick it.
        Sample[] tempting = Enumerable.Range(0, 30).Select(i => new Sample { X = [0, 0, 0, i % 3 * 10], Y = i % 3 }).ToArray();
        var split = new DataSplit<Sample>(train, tempting, tempting, new SplitOptions());

        SelectKBest fromSplit = SelectKBest.Fit(split, ScoreFunction.AnovaF, 2);
        SelectKBest fromEverything = SelectKBest.Fit(train.Concat(tempting).ToArray(), ScoreFunction.AnovaF, 2);

        Assert.Equal(new[] { 0, 1 }, fromSplit.Selected);
        Assert.Contains(3, fromEverything.Selected);
    }

    [Fact]
    public void A_constant_feature_scores_NaN_and_ranks_below_every_other()
    {
        Sample[] rows = ClassRows.Select(row => row with { X = [row.X[0], row.X[1], 7, row.X[3]] }).ToArray();

        SelectKBest selector = SelectKBest.Fit(rows, ScoreFunction.AnovaF, 3);

        Assert.True(double.IsNaN(selector.Scores[2]));
        Assert.Equal(new[] { 0, 1, 3 }, selector.Selected);
    }

    [Fact]
    public void A_saved_selector_loads_and_masks_identically()
    {
        SelectKBest selector = SelectKBest.Fit(ClassRows, ScoreFunction.MutualInformation, 3);
        string path = Path.Combine(Root, "select.json");

        selector.Save(path);
        SelectKBest loaded = SelectKBest.Load(path);

        Assert.Equal(selector.Selected, loaded.Selected);
        Assert.Equal(selector.Scores, loaded.Scores);
        Assert.Equal(selector.Apply(ClassRows).Select(row => row.X), loaded.Apply(ClassRows).Select(row => row.X));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void K_outside_the_feature_count_is_refused(int k)
    {
        var error = Assert.Throws<DataStepException>(() => SelectKBest.Fit(ClassRows, ScoreFunction.AnovaF, k));

        Assert.Equal("k", error.Option);
        Assert.Equal($"SelectKBest: k = {k} but Sample has 4 features; expected 1 to 4 (Parameter 'k')", error.Message);
    }

    [Fact]
    public void Chi_squared_on_a_negative_feature_names_the_row_and_feature()
    {
        Sample[] rows = ClassRows;
        rows[4] = rows[4] with { X = [1, 2, -0.5f, 3] };

        var error = Assert.Throws<DataStepException>(() => SelectKBest.Fit(rows, ScoreFunction.ChiSquare, 2));

        Assert.Contains("ChiSquare needs non-negative features", error.Message);
        Assert.Contains("Sample row 4 has X[2] = -0.5", error.Message);
    }

    [Fact]
    public void Wrong_label_kind_missing_values_and_empty_rows_are_refused()
    {
        Sample[] withMissing = ClassRows;
        withMissing[2] = withMissing[2] with { X = [1, float.NaN, 1, 1] };

        Assert.Contains("expected a regression label", Assert.Throws<DataStepException>(() => SelectKBest.Fit(ClassRows, ScoreFunction.FRegression, 2)).Message);
        Assert.Contains("needs a class label, but Measured.Y is a Regression label",
            Assert.Throws<DataStepException>(() => SelectKBest.Fit(RegressionRows, ScoreFunction.AnovaF, 2)).Message);
        Assert.Contains("Sample row 2: X[1] is missing (NaN)", Assert.Throws<DataStepException>(() => SelectKBest.Fit(withMissing, ScoreFunction.AnovaF, 2)).Message);
        Assert.Contains("holds no Sample rows", Assert.Throws<DataStepException>(() => SelectKBest.Fit(Array.Empty<Sample>(), ScoreFunction.AnovaF, 2)).Message);
    }
}
