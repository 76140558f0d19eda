// These cases cut FreshRow (which has a [GroupKey]) into KFold and stratified folds on purpose, to compare fold membership with scikit-learn.
#pragma warning disable MLDSL0019
using System.Reflection;
using MlDsl.Data;
using MlDsl.Data.Encoding;
using MlDsl.Data.Imputation;
using MlDsl.Data.Resampling;
using MlDsl.Data.Selection;
using MlDsl.Data.Splits;
using MlDsl.Data.Steps;
using MlDsl.Data.Transforms;
using MlDsl.Data.Tuning;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Pipelines;
using MlDsl.Tests.Data;
using static MlDsl.Tests.Adversarial.FreshStepReferences;

namespace MlDsl.Tests.Adversarial;

/// <summary>
/// A demanding scikit-learn user tries the leakage-proof data steps (issue #15 §2): values against
/// Debian's scikit-learn on inputs no other test uses (make_fresh_step_refs.py), bad input as users
/// make it, and whether what is fitted comes from training rows only and survives the artifact.
/// </summary>
public sealed class FreshStepCases() : TemporaryFolder("mldsl-fresh-steps")
{
    private const double Tolerance = 1e-6;

    // ---------------------------------------------------------------- 1. values vs scikit-learn

    private static void Close(double expected, double actual, string what, double tolerance = Tolerance)
    {
        if (double.IsNaN(expected)) { Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual}"); return; }
        if (double.IsInfinity(expected)) { Assert.True(expected == actual, $"{what}: expected {expected}, got {actual}"); return; }
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected}, got {actual}");
    }

    private static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what, double tolerance = Tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++) Close(expected[i], actual[i], $"{what}[{i}]", tolerance);
    }

    private static void ImputerMatches(double[][] train, ImputeStrategy strategy, double[] statistics, int[] indicators, double[][] newOut)
    {
        Imputer imputer = Imputer.Fit(FreshRows.Of(train), new ImputerOptions { Strategy = strategy, FillValue = 7.5f, AddMissingIndicator = true });

        Close(statistics, imputer.Statistics.Select(value => (double)value).ToArray(), "statistics");
        Assert.Equal(indicators, imputer.IndicatorFeatures);
        FreshRow[] rows = FreshRows.Of(ImputeNew);
        FreshRow[] filled = imputer.Apply(rows);
        float[][] flags = imputer.MissingIndicators(rows);
        for (int i = 0; i < rows.Length; i++)
            Close(newOut[i], filled[i].X.Concat(flags[i]).Select(value => (double)value).ToArray(), $"new row {i}");
    }

    [Fact] public void Imputer_mean_with_an_all_missing_column_matches_SimpleImputer() =>
        ImputerMatches(ImputeTrainA, ImputeStrategy.Mean, ImputeMeanAStatistics, ImputeMeanAIndicatorFeatures, ImputeMeanANewOut);

    [Fact] public void Imputer_median_of_an_even_count_matches_SimpleImputer() =>
        ImputerMatches(ImputeTrainA, ImputeStrategy.Median, ImputeMedianAStatistics, ImputeMedianAIndicatorFeatures, ImputeMedianANewOut);

    [Fact] public void Imputer_most_frequent_breaks_ties_to_the_smallest_as_SimpleImputer() =>
        ImputerMatches(ImputeTrainA, ImputeStrategy.MostFrequent, ImputeMostFrequentAStatistics, ImputeMostFrequentAIndicatorFeatures, ImputeMostFrequentANewOut);

    [Fact] public void Imputer_constant_fills_every_column_and_flags_as_SimpleImputer() =>
        ImputerMatches(ImputeTrainA, ImputeStrategy.Constant, ImputeConstantAStatistics, ImputeConstantAIndicatorFeatures, ImputeConstantANewOut);

    [Fact] public void Imputer_mean_with_one_present_value_and_large_values_matches_SimpleImputer() =>
        ImputerMatches(ImputeTrainB, ImputeStrategy.Mean, ImputeMeanBStatistics, ImputeMeanBIndicatorFeatures, ImputeMeanBNewOut);

    [Fact] public void Imputer_median_with_negative_values_matches_SimpleImputer() =>
        ImputerMatches(ImputeTrainB, ImputeStrategy.Median, ImputeMedianBStatistics, ImputeMedianBIndicatorFeatures, ImputeMedianBNewOut);

    [Fact] public void Imputer_most_frequent_tie_between_negative_and_positive_matches_SimpleImputer() =>
        ImputerMatches(ImputeTrainB, ImputeStrategy.MostFrequent, ImputeMostFrequentBStatistics, ImputeMostFrequentBIndicatorFeatures, ImputeMostFrequentBNewOut);

    [Fact] public void Imputer_constant_with_a_constant_column_matches_SimpleImputer() =>
        ImputerMatches(ImputeTrainB, ImputeStrategy.Constant, ImputeConstantBStatistics, ImputeConstantBIndicatorFeatures, ImputeConstantBNewOut);

    private static void SelectionMatches(ScoreFunction function, double[] scores, double[]? pValues, int[] selected2, int[] selected5, double tolerance = Tolerance)
    {
        FreshRow[] rows = FreshRows.Of(SelectX, SelectY);
        foreach ((int k, int[] selected) in new[] { (2, selected2), (5, selected5) })
        {
            SelectKBest selector = SelectKBest.Fit(rows, function, k);
            Close(scores, selector.Scores.ToArray(), $"{function} scores", tolerance);
            if (pValues is not null) Close(pValues, selector.PValues.ToArray(), $"{function} p-values", tolerance);
            Assert.Equal(selected, selector.Selected);
        }
    }

    [Fact] public void AnovaF_with_a_constant_column_and_a_column_without_spread_inside_classes_matches_f_classif() =>
        SelectionMatches(ScoreFunction.AnovaF, AnovaScores, AnovaPValues, AnovaSelected2, AnovaSelected5);

    [Fact] public void ChiSquare_with_a_constant_column_and_k_equal_to_every_feature_matches_chi2() =>
        // The constant column's chi² is 0 up to rounding (scikit-learn: 7e-31): compared absolutely.
        SelectionMatches(ScoreFunction.ChiSquare, ChiScores, ChiPValues, ChiSelected2, ChiSelected5, tolerance: 1e-9);

    [Fact] public void Mutual_information_on_discrete_features_matches_mutual_info_classif() =>
        SelectionMatches(ScoreFunction.MutualInformation, MutualInfoScores, null, MutualInfoSelected2, MutualInfoSelected5);

    private static void FoldsMatch(IReadOnlyList<Fold> folds, int[][] train, int[][] validation)
    {
        Assert.Equal(train.Length, folds.Count);
        for (int f = 0; f < folds.Count; f++)
        {
            Assert.Equal(train[f], folds[f].Train);
            Assert.Equal(validation[f], folds[f].Validation);
        }
    }

    [Fact]
    public void Stratified_folds_with_a_class_of_one_row_match_StratifiedKFold()
    {
        FreshRow[] rows = FreshRows.Blank(StratifiedY.Length, StratifiedY);

        FoldsMatch(Folds.Of(rows, new FoldOptions { Kind = FoldKind.Stratified, Folds = 3 }), Stratified3Train, Stratified3Validation);
    }

    // Was a finding: Folds.Grouped orders integer [GroupKey] values as text ("10" < "2"), so equal-sized groups fall into other folds than GroupKFold's numeric order puts them
    [Fact]
    public void Grouped_folds_with_integer_group_keys_match_GroupKFold()
    {
        // Equal-sized groups 2, 3, 10, 11: GroupKFold orders them by number; ordered as text ("10" < "2") the ties fall differently.
        FreshRow[] rows = FreshRows.Blank(Groups.Length, groups: Groups);

        FoldsMatch(Folds.Of(rows, new FoldOptions { Kind = FoldKind.Grouped, Folds = 3 }), Grouped3Train, Grouped3Validation);
    }

    [Fact]
    public void KFold_of_seven_rows_in_three_folds_matches_KFold() =>
        FoldsMatch(Folds.Of(FreshRows.Blank(7), new FoldOptions { Folds = 3 }), KFold3Of7Train, KFold3Of7Validation);

    [Fact]
    public void Time_series_folds_match_TimeSeriesSplit() =>
        FoldsMatch(Folds.Of(FreshRows.Blank(10), new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 4 }), TimeSeries4Of10Train, TimeSeries4Of10Validation);

    [Fact]
    public void Time_series_folds_with_gap_max_train_size_and_test_size_match_TimeSeriesSplit() =>
        FoldsMatch(Folds.Of(FreshRows.Blank(10), new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 3, Gap = 2, MaxTrainSize = 3, TestSize = 1 }),
            TimeSeriesGapTrain, TimeSeriesGapValidation);

    private static readonly string[] Shops = ["a", "b", "a", "c", "b", "a", "c", "c", "a", "b", "solo", "a", "b", "c", "a", "b"];
    private static readonly int[] Bought = [1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 1];

    private static FreshPurchase[] Purchases() =>
        Shops.Select((shop, i) => new FreshPurchase { Shop = shop, Price = i, Bought = Bought[i] }).ToArray();

    private static readonly CategoricalColumn<FreshPurchase> ShopColumn = new("Shop", row => row.Shop, (row, value) => row with { ShopEncoded = value });

    [Fact]
    public void Target_encoding_with_smooth_zero_is_each_categorys_own_mean_and_unseen_is_the_overall_mean()
    {
        // No scikit-learn reference: Debian's 1.2.1 has no TargetEncoder. With smooth = 0, Micci-Barreca's eq. 7 is the plain category mean.
        TargetEncoding<FreshPurchase> encoding = TargetEncoder.Fit(Purchases(), ShopColumn, new TargetEncoderOptions { Smooth = 0 });

        foreach (string shop in Shops.Distinct())
            Close(Bought.Where((_, i) => Shops[i] == shop).Average(), encoding.Encode(shop), $"shop {shop}");
        Close(Bought.Average(), encoding.Encode("never seen"), "unseen shop");
    }

    [Fact]
    public void Target_encoding_of_training_rows_uses_only_the_other_folds_rows()
    {
        FreshPurchase[] rows = Purchases();
        var options = new TargetEncoderOptions { Smooth = 0, Folds = 4 };

        TargetEncoded<FreshPurchase> encoded = TargetEncoder.FitApply(rows, ShopColumn, options);

        // The cross fitting's folds are scikit-learn's StratifiedKFold(4) on the label (checked against it in FoldsTests).
        FreshRow[] labelled = FreshRows.Blank(rows.Length, Bought);
        foreach (Fold fold in Folds.Of(labelled, new FoldOptions { Kind = FoldKind.Stratified, Folds = 4 }))
            foreach (int i in fold.Validation)
            {
                int[] same = fold.Train.Where(j => Shops[j] == Shops[i]).ToArray();
                double expected = same.Length > 0 ? same.Average(j => (double)Bought[j]) : fold.Train.Average(j => (double)Bought[j]);
                Close(expected, encoded.Train[i].ShopEncoded, $"training row {i} ({Shops[i]})", 1e-6);
            }
    }

    [Fact]
    public void Smote_rows_lie_on_segments_between_same_class_training_neighbours_and_balance_the_classes()
    {
        var random = new Random(3);
        int[] labels = Enumerable.Range(0, 40).Select(i => i < 31 ? 0 : 1).ToArray();
        FreshRow[] train = FreshRows.Of(labels.Select(label => Enumerable.Range(0, 5).Select(_ => random.NextDouble() * 10 + label * 5).ToArray()).ToArray(), labels);
        const int k = 3;

        FreshRow[] result = Oversampler.Smote(train, k, seed: 11);

        Assert.Equal(62, result.Length);
        Assert.Equal(train, result.Take(train.Length));
        FreshRow[] minority = train.Where(row => row.Y == 1).ToArray();
        foreach (FreshRow made in result.Skip(train.Length))
        {
            Assert.Equal(1, made.Y);
            // Some minority row and one of its k nearest minority neighbours hold the new row on the segment between them.
            bool onASegment = minority.Any(from =>
                minority.Where(other => !ReferenceEquals(other, from)).OrderBy(other => Distance(from.X, other.X)).Take(k).Any(to => OnSegment(from.X, to.X, made.X)));
            Assert.True(onASegment, $"synthetic row [{string.Join(", ", made.X)}] is on no segment to a {k}-nearest same-class training neighbour");
        }
    }

    private static double Distance(float[] a, float[] b) => a.Zip(b, (x, y) => (double)(x - y) * (x - y)).Sum();

    private static bool OnSegment(float[] from, float[] to, float[] point)
    {
        int f = Enumerable.Range(0, from.Length).MaxBy(i => Math.Abs(to[i] - from[i]));
        double t = (point[f] - from[f]) / (double)(to[f] - from[f]);
        return t is >= -1e-6 and <= 1 + 1e-6 && Enumerable.Range(0, from.Length).All(i => Math.Abs(from[i] + t * (to[i] - from[i]) - point[i]) <= 1e-4);
    }

    [Fact]
    public void Imputer_most_frequent_counts_minus_zero_and_zero_as_one_value_as_SimpleImputer()
    {
        Imputer imputer = Imputer.Fit(FreshRows.Of(ImputeTrainC), ImputeStrategy.MostFrequent);

        Close(ImputeMostFrequentCStatistics, imputer.Statistics.Select(value => (double)value).ToArray(), "statistics");
    }

    [Fact]
    public void Reduce_gives_the_selected_columns_as_SelectKBest_transform()
    {
        FreshRow[] rows = FreshRows.Of(SelectX, SelectY);

        float[][] reduced = SelectKBest.Fit(rows, ScoreFunction.AnovaF, 2).Reduce(rows);

        for (int i = 0; i < rows.Length; i++)
            Close(AnovaSelected2.Select(f => SelectX[i][f]).ToArray(), reduced[i].Select(value => (double)value).ToArray(), $"row {i}");
    }

    [Fact]
    public void Random_oversampling_copies_a_one_row_class_until_it_matches_the_largest()
    {
        FreshRow[] train = FreshRows.Blank(7, [0, 0, 0, 0, 1, 1, 2]);

        FreshRow[] result = Oversampler.Random(train, seed: 9);

        Assert.Equal(12, result.Length);
        Assert.Equal(train, result.Take(7));
        Assert.Equal(new[] { (0, 4), (1, 4), (2, 4) }, result.GroupBy(row => row.Y).Select(group => (group.Key, group.Count())).OrderBy(pair => pair.Key));
        Assert.All(result.Skip(7), copy => Assert.Contains(copy, train));
        Assert.All(result.Skip(7).Where(copy => copy.Y == 2), copy => Assert.Same(train[6], copy));
    }

    [Fact]
    public void Shuffled_cross_fitting_encodes_each_training_row_from_the_other_folds_only()
    {
        FreshPurchase[] rows = Purchases();
        var options = new TargetEncoderOptions { Smooth = 0, Folds = 4, Shuffle = true, Seed = 17 };

        TargetEncoded<FreshPurchase> encoded = TargetEncoder.FitApply(rows, ShopColumn, options);

        // Shuffled folds are MlDsl's seeded stratified folds with the same options: each row is encoded from the other folds' rows.
        FreshRow[] labelled = FreshRows.Blank(rows.Length, Bought);
        foreach (Fold fold in Folds.Of(labelled, new FoldOptions { Kind = FoldKind.Stratified, Folds = 4, Shuffle = true, Seed = 17 }))
            foreach (int i in fold.Validation)
            {
                Assert.DoesNotContain(i, fold.Train);
                int[] same = fold.Train.Where(j => Shops[j] == Shops[i]).ToArray();
                double expected = same.Length > 0 ? same.Average(j => (double)Bought[j]) : fold.Train.Average(j => (double)Bought[j]);
                Close(expected, encoded.Train[i].ShopEncoded, $"training row {i} ({Shops[i]})", 1e-6);
            }
    }

    // ---------------------------------------------------------------- 2. bad input as users make it

    private static T Refused<T>(Action action, params string[] mentions) where T : Exception
    {
        Exception? thrown = Record.Exception(action);
        Assert.NotNull(thrown);
        Assert.True(thrown is T, $"expected {typeof(T).Name}, got {thrown.GetType().Name}: {thrown.Message}");
        foreach (string mention in mentions) Assert.Contains(mention, thrown.Message);
        return (T)thrown;
    }

    private static FreshRow[] WithValue(FreshRow[] rows, int row, int feature, float value) =>
        rows.Select((r, i) => i != row ? r : r with { X = r.X.Select((v, f) => f == feature ? value : v).ToArray() }).ToArray();

    // Was a finding: Imputer.Fit accepts an infinite training value and learns an infinite mean, which it then writes into every missing value; scikit-learn refuses infinity
    [Fact]
    public void Imputer_refuses_an_infinite_training_value_instead_of_filling_with_infinity()
    {
        FreshRow[] train = WithValue(FreshRows.Of(ImputeTrainA), 1, 2, float.PositiveInfinity);

        DataStepException error = Refused<DataStepException>(() => Imputer.Fit(train, ImputeStrategy.Mean), "row 1", "X");
        Assert.Equal("Imputer", error.Step);
    }

    // Was a finding: ImputerOptions { Strategy = Constant, FillValue = NaN } is accepted and Apply leaves every missing value NaN; Imputer.Fit should refuse a non-finite FillValue
    [Fact]
    public void Imputer_refuses_a_constant_fill_value_that_is_not_a_number()
    {
        FreshRow[] train = FreshRows.Of(ImputeTrainA);

        DataStepException error = Refused<DataStepException>(() => Imputer.Fit(train, new ImputerOptions { Strategy = ImputeStrategy.Constant, FillValue = float.NaN }), "FillValue");
        Assert.Equal("FillValue", error.Option);
    }

    // Was a finding: SelectKBest.Fit accepts an infinite feature, scores it NaN and silently drops it from the choice; scikit-learn refuses infinity in X
    [Fact]
    public void SelectKBest_refuses_an_infinite_feature_instead_of_scoring_NaN()
    {
        FreshRow[] train = WithValue(FreshRows.Of(SelectX, SelectY), 4, 0, float.PositiveInfinity);

        Exception? thrown = Record.Exception(() => SelectKBest.Fit(train, ScoreFunction.AnovaF, 2));
        if (thrown is null)
        {
            SelectKBest fitted = SelectKBest.Fit(train, ScoreFunction.AnovaF, 2);
            Assert.Fail($"no error; feature X[0]'s score is {fitted.Scores[0]} and the choice is [{string.Join(", ", fitted.Selected)}]");
        }
        Assert.IsType<DataStepException>(thrown);
        Assert.Contains("row 4", thrown.Message);
    }

    // Was a finding: Oversampler.Smote accepts an infinite feature and makes synthetic rows holding infinity; StepInput.Features refuses only NaN
    [Fact]
    public void Smote_refuses_an_infinite_feature_instead_of_making_NaN_rows()
    {
        int[] labels = [0, 0, 0, 0, 0, 0, 1, 1, 1];
        FreshRow[] train = WithValue(FreshRows.Of(SelectX.Take(9).ToArray(), labels), 7, 3, float.NegativeInfinity);

        Exception? thrown = Record.Exception(() => Oversampler.Smote(train, k: 2));
        if (thrown is null)
        {
            FreshRow[] made = Oversampler.Smote(train, k: 2).Skip(train.Length).ToArray();
            Assert.Fail($"no error; {made.Count(row => row.X.Any(float.IsNaN))} of {made.Length} synthetic rows hold NaN, {made.Count(row => row.X.Any(float.IsInfinity))} hold ∞");
        }
        Assert.IsType<DataStepException>(thrown);
        Assert.Contains("row 7", thrown.Message);
    }

    // Was a finding: TargetEncoder.Fit accepts a NaN regression target and every encoding and the target mean come out NaN (Load would then refuse the saved file as non-finite)
    [Fact]
    public void Target_encoding_refuses_a_regression_target_that_is_not_a_number()
    {
        FreshSpend[] rows = Shops.Select((shop, i) => new FreshSpend { Shop = shop, Amount = i == 3 ? float.NaN : i }).ToArray();
        var column = new CategoricalColumn<FreshSpend>("Shop", row => row.Shop, (row, value) => row with { ShopEncoded = value });

        Exception? thrown = Record.Exception(() => TargetEncoder.Fit(rows, column));
        if (thrown is null)
        {
            TargetEncoding<FreshSpend> fitted = TargetEncoder.Fit(rows, column);
            Assert.Fail($"no error; target mean {fitted.TargetMean}, encodings {string.Join(", ", fitted.Encodings.Select(pair => $"{pair.Key}={pair.Value}"))}");
        }
        Assert.True(thrown is DataStepException or RowDataException, $"{thrown.GetType().Name}: {thrown.Message}");
        Assert.Contains("row 3", thrown.Message);
    }

    // Was a finding: TargetEncoderOptions.Smooth = +Infinity is accepted and every encoding comes out NaN (inf/inf); TargetEncoder.Read checks only smooth >= 0
    [Fact]
    public void Target_encoding_refuses_an_infinite_smooth_instead_of_encoding_NaN()
    {
        Exception? thrown = Record.Exception(() => TargetEncoder.Fit(Purchases(), ShopColumn, new TargetEncoderOptions { Smooth = double.PositiveInfinity }));
        if (thrown is null)
        {
            TargetEncoding<FreshPurchase> fitted = TargetEncoder.Fit(Purchases(), ShopColumn, new TargetEncoderOptions { Smooth = double.PositiveInfinity });
            // An infinite weight on the overall mean is defensible only if every encoding is that mean.
            foreach ((string shop, double value) in fitted.Encodings) Close(fitted.TargetMean, value, $"shop {shop}");
            return;
        }
        DataStepException error = Assert.IsType<DataStepException>(thrown);
        Assert.Equal("Smooth", error.Option);
    }

    [Fact]
    public void An_empty_training_part_is_refused_naming_train()
    {
        var split = new DataSplit<FreshRow>([], FreshRows.Blank(4), FreshRows.Blank(4), new SplitOptions());

        foreach (Action fit in new Action[]
                 {
                     () => Imputer.Fit(split, ImputeStrategy.Mean),
                     () => SelectKBest.Fit(split, ScoreFunction.AnovaF, 2),
                     () => Oversampler.Smote(split.Train),
                     () => GridSearch.CrossValidate(split.Train, new[] { 1 }, _ => (_, _) => 1),
                 })
            Assert.Equal("train", Refused<DataStepException>(fit, "FreshRow").Option);
    }

    // Was a finding: CrossValidation.Run on an empty training split is refused by Folds as option 'rows', not by CrossValidation as 'train' (Imputer, SelectKBest, Smote and the searches say 'train')
    [Fact]
    public void Cross_validation_of_an_empty_training_part_is_refused_by_cross_validation_naming_train()
    {
        var split = new DataSplit<FreshRow>([], FreshRows.Blank(4), FreshRows.Blank(4), new SplitOptions());

        DataStepException error = Refused<DataStepException>(() => CrossValidation.Run(split, (_, _) => 1), "FreshRow");
        Assert.Equal(("CrossValidation", "train"), (error.Step, error.Option));
    }

    [Fact]
    public void K_larger_than_the_feature_count_is_refused_naming_k_and_the_count()
    {
        DataStepException error = Refused<DataStepException>(() => SelectKBest.Fit(FreshRows.Of(SelectX, SelectY), ScoreFunction.ChiSquare, 6), "k = 6", "5 features");

        Assert.Equal("k", error.Option);
    }

    [Fact]
    public void Stratified_folds_where_no_class_fills_every_fold_are_refused_naming_Folds()
    {
        FreshRow[] rows = FreshRows.Blank(6, [0, 1, 2, 3, 4, 4]);

        DataStepException error = Refused<DataStepException>(() => Folds.Of(rows, new FoldOptions { Kind = FoldKind.Stratified, Folds = 3 }), "Folds = 3");
        Assert.Equal("Folds", error.Option);
    }

    [Fact]
    public void More_folds_than_groups_are_refused_naming_the_group_count()
    {
        FreshRow[] rows = FreshRows.Blank(Groups.Length, groups: Groups);

        DataStepException error = Refused<DataStepException>(() => Folds.Of(rows, new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 }), "Folds = 5", "4 groups");
        Assert.Equal("Folds", error.Option);
    }

    [Fact]
    public void A_constant_column_standardizes_to_zero_not_NaN()
    {
        FreshRow[] train = FreshRows.Of(SelectX, SelectY);

        FreshRow[] scaled = Standardizer.Fit(train).Apply(train);

        Assert.All(scaled, row => Assert.Equal(0f, row.X[1]));
        Assert.DoesNotContain(scaled, row => row.X.Any(value => !float.IsFinite(value)));
    }

    [Fact]
    public void Fitting_twice_gives_independent_steps_and_leaves_the_first_as_it_was()
    {
        FreshRow[] a = FreshRows.Of(ImputeTrainA), b = FreshRows.Of(ImputeTrainB);
        Imputer first = Imputer.Fit(a, ImputeStrategy.Mean);
        float[] before = first.Statistics.ToArray();
        SelectKBest firstSelection = SelectKBest.Fit(FreshRows.Of(SelectX, SelectY), ScoreFunction.AnovaF, 2);

        Imputer second = Imputer.Fit(b, ImputeStrategy.Mean);
        SelectKBest secondSelection = SelectKBest.Fit(FreshRows.Of(SelectX, SelectY.Select(y => (y + 1) % 3).Reverse().ToArray()), ScoreFunction.AnovaF, 2);

        Assert.Equal(before, first.Statistics);
        Assert.NotEqual(first.Statistics, second.Statistics);
        Assert.Equal(AnovaSelected2, firstSelection.Selected);
        Assert.NotEqual(firstSelection.Scores, secondSelection.Scores);
        Assert.Equal(ImputeMeanAStatistics[3], first.Apply(FreshRows.Of(ImputeNew))[0].X[3], 5);
    }

    [Fact]
    public void A_step_cannot_be_made_unfitted_so_it_cannot_transform_before_fitting()
    {
        foreach (Type step in new[] { typeof(Imputer), typeof(SelectKBest), typeof(TargetEncoding<FreshPurchase>), typeof(Standardizer), typeof(MinMaxScaler) })
            Assert.Empty(step.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
    }

    // Was a finding: a row whose X has 3 of 5 values is refused by a RowDataException naming X but no row index (RowIndex null); Imputer.Apply should rethrow it with AtRow(i)
    [Fact]
    public void A_row_of_the_wrong_width_at_transform_time_is_refused_naming_the_member_and_row()
    {
        Imputer imputer = Imputer.Fit(FreshRows.Of(ImputeTrainA), ImputeStrategy.Mean);
        FreshRow[] rows = FreshRows.Of(ImputeNew);
        rows[2] = rows[2] with { X = [1, 2, 3] };

        RowDataException error = Refused<RowDataException>(() => imputer.Apply(rows), "X", "3 values");
        Assert.Equal(2, error.RowIndex);
    }

    [Fact]
    public void A_row_of_the_wrong_width_is_refused_by_the_selector_naming_the_member()
    {
        SelectKBest selector = SelectKBest.Fit(FreshRows.Of(SelectX, SelectY), ScoreFunction.AnovaF, 2);
        FreshRow[] rows = FreshRows.Of(SelectX, SelectY);
        rows[1] = rows[1] with { X = [1, 2, 3, 4, 5, 6] };

        Refused<RowDataException>(() => selector.Apply(rows), "X", "6 values");
    }

    // Was a finding: TimeSeries folds accept Gap = -2 and every fold then trains on its own validation rows (leakage); Folds.TimeSeries should refuse Gap < 0
    [Fact]
    public void A_negative_time_series_gap_is_refused_instead_of_training_on_validation_rows()
    {
        FreshRow[] rows = FreshRows.Blank(10);

        Exception? thrown = Record.Exception(() => Folds.Of(rows, new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 3, Gap = -2 }));
        if (thrown is null)
        {
            Fold leaking = Folds.Of(rows, new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 3, Gap = -2 }).First(fold => fold.Train.Intersect(fold.Validation).Any());
            Assert.Fail($"no error; fold {leaking.Index} trains on its own validation rows [{string.Join(", ", leaking.Train.Intersect(leaking.Validation))}]");
        }
        DataStepException error = Assert.IsType<DataStepException>(thrown);
        Assert.Equal("Gap", error.Option);
    }

    // Was a finding: TimeSeries folds with MaxTrainSize = -1 throw a raw ArgumentOutOfRangeException (Parameter 'length') from a range slice, naming no option
    [Fact]
    public void A_negative_max_train_size_is_refused_naming_it()
    {
        FreshRow[] rows = FreshRows.Blank(10);

        DataStepException error = Refused<DataStepException>(() => Folds.Of(rows, new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 3, MaxTrainSize = -1 }), "MaxTrainSize");
        Assert.Equal("MaxTrainSize", error.Option);
    }

    // Was a finding: TimeSeries folds with MaxTrainSize = 0 silently give every fold an empty training part (scikit-learn treats 0 as no limit); Folds.TimeSeries should refuse MaxTrainSize < 1 naming it
    [Fact]
    public void A_max_train_size_of_zero_never_gives_a_fold_with_no_training_rows()
    {
        FreshRow[] rows = FreshRows.Blank(10);

        Exception? thrown = Record.Exception(() => Folds.Of(rows, new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 3, MaxTrainSize = 0 }));
        if (thrown is not null)
        {
            Assert.Equal("MaxTrainSize", Assert.IsType<DataStepException>(thrown).Option);
            return;
        }
        Assert.All(Folds.Of(rows, new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 3, MaxTrainSize = 0 }), fold => Assert.NotEmpty(fold.Train));
    }

    // Was a finding: a fold score of -Infinity passes CrossValidation.Checked (NaN only) and the result's StandardDeviation is NaN
    [Fact]
    public void An_infinite_fold_score_never_gives_a_NaN_mean_or_deviation()
    {
        FreshRow[] rows = FreshRows.Blank(9);

        Exception? thrown = Record.Exception(() => CrossValidation.Run(rows, (_, validation) => validation[0].X[0] < 1 ? double.NegativeInfinity : 0.5, new FoldOptions { Folds = 3 }));
        if (thrown is not null)
        {
            Assert.IsType<DataStepException>(thrown);
            Assert.Contains("fold 0", thrown.Message);
            return;
        }
        CrossValidationResult result = CrossValidation.Run(rows, (_, validation) => validation[0].X[0] < 1 ? double.NegativeInfinity : 0.5, new FoldOptions { Folds = 3 });
        Assert.False(double.IsNaN(result.Mean) || double.IsNaN(result.StandardDeviation), $"mean {result.Mean}, deviation {result.StandardDeviation}");
    }

    [Fact]
    public void Target_encoding_with_more_folds_than_rows_is_refused_naming_Folds()
    {
        DataStepException error = Refused<DataStepException>(() => TargetEncoder.FitApply(Purchases().Take(3).ToArray(), ShopColumn, new TargetEncoderOptions { Folds = 5 }), "Folds = 5");

        Assert.Equal("Folds", error.Option);
    }

    [Fact]
    public void Stratified_folds_on_a_regression_label_are_refused_naming_the_label()
    {
        FreshSpend[] rows = Shops.Select((shop, i) => new FreshSpend { Shop = shop, Amount = i }).ToArray();

        Refused<DataStepException>(() => Folds.Of(rows, new FoldOptions { Kind = FoldKind.Stratified, Folds = 3 }), "FreshSpend.Amount");
    }

    [Fact]
    public void Grouped_folds_on_a_row_without_a_group_key_are_refused_naming_the_row_type()
    {
        Refused<DataStepException>(() => Folds.Of(Purchases(), new FoldOptions { Kind = FoldKind.Grouped, Folds = 2 }), "FreshPurchase", "[GroupKey]");
    }

    // Was a finding: Imputer.Load accepts a saved imputer whose statistic is "NaN" (StepFile allows named float literals) and then leaves that feature's missing values NaN; TargetEncoder.Load refuses non-finite values, Imputer.FromJson should too
    [Fact]
    public void A_saved_imputer_with_a_statistic_that_is_not_a_number_is_refused_on_load()
    {
        string path = Path.Combine(Root, "edited-imputer.json");
        Imputer.Fit(FreshRows.Of(ImputeTrainA), ImputeStrategy.Mean).Save(path);
        string json = File.ReadAllText(path);
        string edited = System.Text.RegularExpressions.Regex.Replace(json, @"""Statistics"": \[\s*3.5", @"""Statistics"": [ ""NaN""");
        Assert.NotEqual(json, edited);
        File.WriteAllText(path, edited);

        // TargetEncoder.Load refuses a non-finite encoding; a NaN fill value would leave every missing value missing.
        Refused<InvalidDataException>(() => Imputer.Load(path), path);
    }

    [Fact]
    public void MinMaxScaler_on_a_constant_column_gives_finite_values()
    {
        FreshRow[] train = FreshRows.Of(SelectX, SelectY);

        FreshRow[] scaled = MinMaxScaler.Fit(train).Apply(train);

        Assert.DoesNotContain(scaled, row => row.X.Any(value => !float.IsFinite(value)));
        Assert.All(scaled, row => Assert.InRange(row.X[0], 0f, 1f));
    }

    // Was a finding: CrossValidation.Run applies the FitOnFold preparation to the validation fold too, so Oversampler.Random given as preparation adds copies to every validation fold (scored on 4 rows instead of 3); a preparation that changes the validation row count should be refused (or [MultipliesRows] in a FitOnFold flagged)
    [Fact]
    public void Oversampling_given_as_cross_validation_preparation_never_multiplies_the_validation_fold()
    {
        FreshRow[] rows = FreshRows.Blank(12, [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
        var validationSizes = new List<int>();

        Exception? thrown = Record.Exception(() => CrossValidation.Run(rows, (train, validation) =>
        {
            validationSizes.Add(validation.Count);
            return 1;
        }, new FoldOptions { Kind = FoldKind.Stratified, Folds = 4 }, _ => part => Oversampler.Random(part)));

        if (thrown is not null)
        {
            Assert.IsType<DataStepException>(thrown);
            return;
        }
        Assert.Equal(new[] { 3, 3, 3, 3 }, validationSizes);
    }

    [Fact]
    public void A_time_series_test_size_of_zero_is_refused_naming_TestSize()
    {
        DataStepException error = Refused<DataStepException>(() => Folds.Of(FreshRows.Blank(10), new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 3, TestSize = 0 }), "0 rows");

        Assert.Equal("TestSize", error.Option);
    }

    [Fact]
    public void A_random_search_of_no_iterations_is_refused_naming_iterations()
    {
        DataStepException error = Refused<DataStepException>(() => RandomSearch.CrossValidate(FreshRows.Blank(10), random => random.Next(3), 0, 1,
            _ => (_, _) => 1, new FoldOptions { Kind = FoldKind.Grouped, Folds = 2 }), "iterations = 0");

        Assert.Equal("iterations", error.Option);
    }

    // Was a finding: SelectKBest.Fit with FRegression accepts a NaN regression target; Correlations' force-finite turns the NaN r into 0, so a perfectly correlated feature scores F = 0, p = 1 with no error
    [Fact]
    public void SelectKBest_refuses_a_regression_target_that_is_not_a_number_instead_of_scoring_zero()
    {
        FreshSpend[] rows = Enumerable.Range(0, 8).Select(i => new FreshSpend { Shop = "s", ShopEncoded = i, Amount = i == 5 ? float.NaN : 2 * i }).ToArray();

        Exception? thrown = Record.Exception(() => SelectKBest.Fit(rows, ScoreFunction.FRegression, 1));
        if (thrown is null)
        {
            SelectKBest fitted = SelectKBest.Fit(rows, ScoreFunction.FRegression, 1);
            Assert.Fail($"no error; ShopEncoded (r = 1 on the other rows) scores F = {fitted.Scores[0]}, p = {fitted.PValues[0]}");
        }
        Assert.True(thrown is DataStepException or RowDataException, $"{thrown.GetType().Name}: {thrown.Message}");
        Assert.Contains("row 5", thrown.Message);
    }

    // Was a finding: FoldOptions { Kind = Grouped, Shuffle = true } silently gives the unshuffled GroupKFold folds (Shuffle is documented for KFold and Stratified only, but not refused); Folds.Of should refuse Shuffle for Grouped and TimeSeries
    [Fact]
    public void Shuffle_on_grouped_or_time_series_folds_is_refused_rather_than_silently_ignored()
    {
        FreshRow[] rows = FreshRows.Blank(Groups.Length, groups: Groups);

        foreach (FoldKind kind in new[] { FoldKind.Grouped, FoldKind.TimeSeries })
        {
            Exception? thrown = Record.Exception(() => Folds.Of(rows, new FoldOptions { Kind = kind, Folds = 2, Shuffle = true, Seed = 1 }));
            bool same = thrown is null && Folds.Of(rows, new FoldOptions { Kind = kind, Folds = 2, Shuffle = true, Seed = 1 })
                .Zip(Folds.Of(rows, new FoldOptions { Kind = kind, Folds = 2 })).All(pair => pair.First.Validation.SequenceEqual(pair.Second.Validation));
            Assert.False(same, $"{kind} folds with Shuffle = true are the unshuffled folds, and nothing said so");
            if (thrown is not null) Assert.Equal("Shuffle", Assert.IsType<DataStepException>(thrown).Option);
        }
    }

    [Fact]
    public void A_missing_category_at_transform_time_is_refused_naming_the_row_and_column()
    {
        TargetEncoding<FreshPurchase> encoding = TargetEncoder.Fit(Purchases(), ShopColumn);
        FreshPurchase[] rows = Purchases();
        rows[4] = rows[4] with { Shop = null };

        DataStepException error = Refused<DataStepException>(() => encoding.Apply(rows), "row 4", "Shop");
        Assert.Equal("Shop", error.Option);
    }

    [Fact]
    public void A_search_on_an_empty_validation_split_is_refused_naming_validation()
    {
        var split = new DataSplit<FreshRow>(FreshRows.Blank(6), [], FreshRows.Blank(3), new SplitOptions());

        DataStepException error = Refused<DataStepException>(() => GridSearch.OnValidation(split, new[] { 1, 2 }, k => (_, _) => k), "validation");
        Assert.Equal("validation", error.Option);
    }

    // ---------------------------------------------------------------- 2b. the fixed findings' kinds: one more variant each, and look-alikes that keep working

    [Fact]
    public void Infinity_at_transform_time_is_refused_by_the_imputer_and_the_selector_naming_the_row()
    {
        Imputer imputer = Imputer.Fit(FreshRows.Of(ImputeTrainA), ImputeStrategy.Median);
        SelectKBest selector = SelectKBest.Fit(FreshRows.Of(SelectX, SelectY), ScoreFunction.AnovaF, 2);
        FreshRow[] rows = WithValue(FreshRows.Of(ImputeNew), 1, 4, float.NegativeInfinity);

        Assert.Equal("Imputer", Refused<DataStepException>(() => imputer.Apply(rows), "row 1", "X[4]", "-∞").Step);
        Refused<DataStepException>(() => imputer.MissingIndicators(rows), "row 1", "X[4]");
        Refused<DataStepException>(() => selector.Reduce(WithValue(FreshRows.Of(SelectX, SelectY), 3, 0, float.PositiveInfinity)), "row 3", "X[0]");
    }

    [Fact]
    public void Missing_values_and_large_finite_values_are_not_mistaken_for_infinity()
    {
        // Look-alike: NaN is what the imputer fills, and 1e30 is finite; neither is refused.
        FreshRow[] train = WithValue(FreshRows.Of(ImputeTrainA), 1, 2, 1e30f);
        double[] present = train.Select(row => (double)row.X[2]).Where(value => !double.IsNaN(value)).ToArray();

        Imputer imputer = Imputer.Fit(train, ImputeStrategy.Mean);

        Assert.Equal((float)present.Average(), imputer.Statistics[2]);
        Assert.All(imputer.Apply(FreshRows.Of(ImputeNew)), row => Assert.All(row.X, value => Assert.True(float.IsFinite(value))));
        int[] labels = [0, 0, 0, 0, 0, 0, 1, 1, 1];
        FreshRow[] made = Oversampler.Smote(WithValue(FreshRows.Of(SelectX.Take(9).ToArray(), labels), 7, 3, -1e30f), k: 2);
        Assert.Equal(12, made.Length);
        Assert.All(made, row => Assert.All(row.X, value => Assert.True(float.IsFinite(value))));
    }

    [Fact]
    public void A_non_finite_option_value_is_refused_naming_the_option()
    {
        FreshRow[] train = FreshRows.Of(ImputeTrainA);

        Assert.Equal("FillValue", Refused<DataStepException>(() => Imputer.Fit(train, new ImputerOptions { Strategy = ImputeStrategy.Constant, FillValue = float.NegativeInfinity }), "FillValue = -Infinity").Option);
        Assert.Equal("Smooth", Refused<DataStepException>(() => TargetEncoder.FitApply(Purchases(), ShopColumn, new TargetEncoderOptions { Smooth = double.NaN }), "Smooth").Option);
    }

    [Fact]
    public void A_fill_value_only_constant_reads_and_a_smooth_of_zero_keep_working()
    {
        // Look-alike: FillValue is read by Constant only, so a NaN there does not stop a mean imputer; Smooth = 0 is the plain category mean.
        Imputer imputer = Imputer.Fit(FreshRows.Of(ImputeTrainA), new ImputerOptions { Strategy = ImputeStrategy.Mean, FillValue = float.NaN });
        Assert.Equal(ImputeMeanAStatistics[3], imputer.Statistics[3], 5);

        FreshPurchase[] rows = Purchases();
        TargetEncoding<FreshPurchase> encoding = TargetEncoder.Fit(rows, ShopColumn, new TargetEncoderOptions { Smooth = 0 });
        foreach (var shop in rows.GroupBy(row => row.Shop!))
            Assert.Equal(shop.Average(row => row.Bought), encoding.Encodings[shop.Key], 12);
    }

    [Fact]
    public void An_infinite_regression_target_is_refused_by_the_selector_and_the_out_of_fold_encoder_naming_the_row()
    {
        FreshSpend[] rows = Enumerable.Range(0, 8).Select(i => new FreshSpend { Shop = $"s{i % 3}", ShopEncoded = i, Amount = i == 6 ? float.NegativeInfinity : 2 * i }).ToArray();

        Refused<DataStepException>(() => SelectKBest.Fit(rows, ScoreFunction.AbsoluteCorrelation, 1), "row 6", "Amount");
        Refused<DataStepException>(() => TargetEncoder.FitApply(rows, new CategoricalColumn<FreshSpend>("Shop", row => row.Shop, (row, value) => row with { ShopEncoded = value }), new TargetEncoderOptions { Folds = 2 }), "row 6", "Amount");
    }

    [Fact]
    public void A_finite_regression_target_with_large_values_keeps_scoring_and_encoding()
    {
        FreshSpend[] rows = Enumerable.Range(0, 8).Select(i => new FreshSpend { Shop = $"s{i % 2}", ShopEncoded = i, Amount = i == 5 ? 1e30f : 2 * i }).ToArray();

        SelectKBest selector = SelectKBest.Fit(rows, ScoreFunction.FRegression, 1);
        TargetEncoding<FreshSpend> encoding = TargetEncoder.Fit(rows, new CategoricalColumn<FreshSpend>("Shop", row => row.Shop, (row, value) => row with { ShopEncoded = value }), new TargetEncoderOptions { Smooth = 0 });

        Assert.True(double.IsFinite(selector.Scores[0]) && selector.Scores[0] > 0, $"F = {selector.Scores[0]}");
        Assert.Equal(rows.Where(row => row.Shop == "s1").Average(row => (double)row.Amount), encoding.Encodings["s1"], 1e18);
    }

    [Fact]
    public void An_empty_training_list_given_to_cross_validation_is_refused_naming_train()
    {
        DataStepException error = Refused<DataStepException>(() => CrossValidation.Run(Array.Empty<FreshRow>(), (_, _) => 1, new FoldOptions { Kind = FoldKind.Grouped, Folds = 2 }), "FreshRow");

        Assert.Equal(("CrossValidation", "train"), (error.Step, error.Option));
    }

    [Fact]
    public void A_split_with_empty_validation_and_test_parts_still_cross_validates_its_training_rows()
    {
        var split = new DataSplit<FreshRow>(FreshRows.Blank(6), [], [], new SplitOptions());

        CrossValidationResult result = CrossValidation.Run(split, (train, validation) => train.Count, new FoldOptions { Folds = 3 });

        Assert.Equal(new[] { 4.0, 4.0, 4.0 }, result.Folds.Select(fold => fold.Score));
    }

    [Fact]
    public void A_row_of_the_wrong_width_is_located_at_its_row_by_every_step_that_reads_features()
    {
        FreshRow[] rows = FreshRows.Of(SelectX, SelectY);
        rows[4] = rows[4] with { X = [1, 2] };
        SelectKBest selector = SelectKBest.Fit(FreshRows.Of(SelectX, SelectY), ScoreFunction.AnovaF, 2);

        Assert.Equal(4, Refused<RowDataException>(() => selector.Apply(rows), "X", "2 values").RowIndex);
        Assert.Equal(4, Refused<RowDataException>(() => Imputer.Fit(rows, ImputeStrategy.Mean), "X", "2 values").RowIndex);
        Assert.Equal(4, Refused<RowDataException>(() => SelectKBest.Fit(rows, ScoreFunction.AnovaF, 2), "X", "2 values").RowIndex);
    }

    [Fact]
    public void Time_series_options_at_their_smallest_allowed_values_keep_working()
    {
        // Look-alike of the refused Gap < 0 and MaxTrainSize < 1: Gap = 0 and MaxTrainSize = 1 are scikit-learn's folds.
        IReadOnlyList<Fold> folds = Folds.Of(FreshRows.Blank(10), new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 3, Gap = 0, MaxTrainSize = 1 });

        Assert.All(folds, fold => Assert.Equal(new[] { fold.Validation[0] - 1 }, fold.Train));
        Assert.Equal("Gap", Refused<DataStepException>(() => Folds.Of(FreshRows.Blank(10), new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 3, Gap = -1 }), "Gap = -1").Option);
        Assert.Equal("Shuffle", Refused<DataStepException>(() => CrossValidation.Run(FreshRows.Blank(10), (_, _) => 1, new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 3, Shuffle = true }), "TimeSeriesSplit").Option);
    }

    [Fact]
    public void Shuffle_on_KFold_and_stratified_folds_keeps_working()
    {
        FreshRow[] rows = FreshRows.Blank(12, [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);

        foreach (FoldKind kind in new[] { FoldKind.KFold, FoldKind.Stratified })
        {
            IReadOnlyList<Fold> folds = Folds.Of(rows, new FoldOptions { Kind = kind, Folds = 3, Shuffle = true, Seed = 3 });
            Assert.Equal(Enumerable.Range(0, 12), folds.SelectMany(fold => fold.Validation).Order());
            Assert.False(folds.Zip(Folds.Of(rows, new FoldOptions { Kind = kind, Folds = 3 })).All(pair => pair.First.Validation.SequenceEqual(pair.Second.Validation)), $"{kind} shuffled folds are the unshuffled ones");
        }
    }

    [Fact]
    public void Grouped_folds_with_negative_integer_group_keys_match_GroupKFold()
    {
        FreshRow[] rows = FreshRows.Blank(SignedGroups.Length, groups: SignedGroups);

        FoldsMatch(Folds.Of(rows, new FoldOptions { Kind = FoldKind.Grouped, Folds = 3 }), SignedGrouped3Train, SignedGrouped3Validation);
    }

    [Fact]
    public void Grouped_folds_with_text_group_keys_that_read_as_numbers_stay_in_text_order_as_GroupKFold()
    {
        // Look-alike: a string [GroupKey] is sorted as text by numpy ("10" < "2"), so it must not be ordered by number.
        FreshTextGroupRow[] rows = TextGroups.Select((group, i) => new FreshTextGroupRow { X = i, Y = i % 2, Group = group }).ToArray();

        FoldsMatch(Folds.Of(rows, new FoldOptions { Kind = FoldKind.Grouped, Folds = 3 }), TextGrouped3Train, TextGrouped3Validation);
    }

    [Fact]
    public void An_infinite_score_on_the_validation_split_is_refused_by_the_search()
    {
        var split = new DataSplit<FreshRow>(FreshRows.Blank(6), FreshRows.Blank(3), FreshRows.Blank(3), new SplitOptions());

        DataStepException error = Refused<DataStepException>(() => GridSearch.OnValidation(split, new[] { 1, 2 }, rate => (_, _) => rate == 2 ? double.PositiveInfinity : 0.5), "Infinity", "with 2");
        Assert.Equal("score", error.Option);
    }

    [Fact]
    public void Very_large_finite_fold_scores_keep_a_finite_mean_and_deviation()
    {
        CrossValidationResult result = CrossValidation.Run(FreshRows.Blank(9), (_, validation) => validation[0].X[0] < 1 ? -1e150 : 1e150, new FoldOptions { Folds = 3 });

        Assert.True(double.IsFinite(result.Mean) && double.IsFinite(result.StandardDeviation), result.ToString());
    }

    [Fact]
    public void A_saved_imputer_with_an_infinite_statistic_is_refused_and_a_finite_edit_is_used()
    {
        string path = Path.Combine(Root, "edited-imputer-2.json");
        Imputer.Fit(FreshRows.Of(ImputeTrainA), ImputeStrategy.Mean).Save(path);
        string json = File.ReadAllText(path);
        File.WriteAllText(path, System.Text.RegularExpressions.Regex.Replace(json, @"""Statistics"": \[\s*3.5", @"""Statistics"": [ ""-Infinity"""));
        Refused<InvalidDataException>(() => Imputer.Load(path), path, "X[0]");

        // Look-alike: a finite edited statistic is a user's choice, loaded and used to fill.
        File.WriteAllText(path, System.Text.RegularExpressions.Regex.Replace(json, @"""Statistics"": \[\s*3.5", @"""Statistics"": [ 42.25"));
        Imputer edited = Imputer.Load(path);
        FreshRow missing = FreshRows.Of([[double.NaN, 1, 1, 1, 1]])[0];
        Assert.Equal(42.25f, edited.Apply([missing])[0].X[0]);
    }

    [Fact]
    public void Oversampling_given_as_a_search_preparation_is_refused_naming_prepare()
    {
        FreshRow[] rows = FreshRows.Blank(12, [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
        var split = new DataSplit<FreshRow>(rows, FreshRows.Blank(4, [0, 0, 0, 1]), FreshRows.Blank(2), new SplitOptions());

        Assert.Equal("prepare", Refused<DataStepException>(() => GridSearch.CrossValidate(rows, new[] { 1 }, _ => (_, _) => 1,
            new FoldOptions { Kind = FoldKind.Stratified, Folds = 4 }, _ => part => Oversampler.Random(part)), "fold 0", "3 validation rows", "into 4").Option);
        Assert.Equal("prepare", Refused<DataStepException>(() => RandomSearch.OnValidation(split, random => random.Next(3), 2, 1, _ => (_, _) => 1,
            _ => part => Oversampler.Random(part)), "validation split").Option);
    }

    [Fact]
    public void A_row_preserving_preparation_and_oversampling_inside_the_scorer_keep_working()
    {
        // Look-alike: a scaler refitted per fold keeps one row per row; oversampling the fold's training rows inside the scorer is the right place.
        FreshRow[] rows = FreshRows.Of(SelectX, SelectY);
        var sizes = new List<(int Train, int Validation)>();

        CrossValidation.Run(rows, (train, validation) =>
        {
            sizes.Add((Oversampler.Random(train).Length, validation.Count));
            return 1;
        }, new FoldOptions { Folds = 3 }, foldTrain => Standardizer.Fit(foldTrain).Apply);

        Assert.Equal(Folds.Of(rows, new FoldOptions { Folds = 3 }).Select(fold => fold.Validation.Length), sizes.Select(size => size.Validation));
        Assert.All(sizes, size => Assert.True(size.Train > 0));
    }

    // ---------------------------------------------------------------- 3. fitted on training rows only, saved and re-loaded

    [Fact]
    public void Cross_validation_refits_the_imputer_on_each_folds_training_rows_only()
    {
        var random = new Random(5);
        FreshRow[] rows = FreshRows.Of(Enumerable.Range(0, 12).Select(i => Enumerable.Range(0, 5)
            .Select(f => (i + f) % 4 == 0 ? double.NaN : Math.Round(random.NextDouble() * 100, 1)).ToArray()).ToArray());
        var fitted = new List<(IReadOnlyList<FreshRow> Train, Imputer Imputer)>();

        CrossValidationResult result = CrossValidation.Run(rows, (train, validation) =>
        {
            Assert.DoesNotContain(train.Concat(validation), row => row.X.Any(float.IsNaN));
            return train.Count;
        }, new FoldOptions { Folds = 4 }, train =>
        {
            Imputer imputer = Imputer.Fit(train, ImputeStrategy.Mean);
            fitted.Add((train, imputer));
            return imputer.Apply;
        });

        Assert.Equal(4, fitted.Count);
        IReadOnlyList<Fold> folds = Folds.Of(rows, new FoldOptions { Folds = 4 });
        for (int f = 0; f < 4; f++)
        {
            Assert.Equal(folds[f].Train.Select(i => rows[i]), fitted[f].Train);
            for (int feature = 0; feature < 5; feature++)
            {
                double[] present = folds[f].Train.Select(i => (double)rows[i].X[feature]).Where(value => !double.IsNaN(value)).ToArray();
                Close(present.Average(), fitted[f].Imputer.Statistics[feature], $"fold {f} feature {feature}", 1e-5);
            }
        }
        Assert.Equal(4, fitted.Select(fold => string.Join(",", fold.Imputer.Statistics)).Distinct().Count());
        Assert.Equal(9, result.Mean);
    }

    [Fact]
    public void Grid_search_fits_the_preparation_once_per_fold_on_that_folds_training_rows()
    {
        FreshRow[] rows = FreshRows.Of(SelectX, SelectY);
        var seen = new List<int>();

        SearchResult<int> result = GridSearch.CrossValidate(rows, new[] { 1, 2, 3 }, k => (train, validation) =>
            SelectKBest.Fit(train, ScoreFunction.AnovaF, k).Selected.Count, new FoldOptions { Folds = 5 }, train =>
        {
            seen.Add(train.Count);
            return Standardizer.Fit(train).Apply;
        });

        Assert.Equal(new[] { 8, 8, 8, 8, 8 }, seen);
        Assert.Equal(3, result.BestParameters);
    }

    [Fact]
    public void A_saved_imputer_reloads_with_the_same_statistics_and_indicators()
    {
        Imputer imputer = Imputer.Fit(FreshRows.Of(ImputeTrainB), new ImputerOptions { Strategy = ImputeStrategy.MostFrequent, AddMissingIndicator = true });
        string path = Path.Combine(Root, "imputer.json");

        imputer.Save(path);
        Imputer loaded = Imputer.Load(path);

        Assert.Equal(imputer.Statistics, loaded.Statistics);
        Assert.Equal(imputer.IndicatorFeatures, loaded.IndicatorFeatures);
        Assert.Equal(imputer.Apply(FreshRows.Of(ImputeNew)).Select(row => row.X), loaded.Apply(FreshRows.Of(ImputeNew)).Select(row => row.X));
    }

    [Fact]
    public void A_saved_selector_reloads_with_its_NaN_and_infinite_scores()
    {
        SelectKBest selector = SelectKBest.Fit(FreshRows.Of(SelectX, SelectY), ScoreFunction.AnovaF, 2);
        string path = Path.Combine(Root, "selector.json");

        selector.Save(path);
        SelectKBest loaded = SelectKBest.Load(path);

        Assert.Equal(selector.Scores, loaded.Scores);
        Assert.Equal(selector.PValues, loaded.PValues);
        Assert.Equal(selector.Selected, loaded.Selected);
        Assert.True(double.IsPositiveInfinity(loaded.Scores[2]) && double.IsNaN(loaded.Scores[1]));
    }

    [Fact]
    public void A_saved_target_encoding_reloads_and_encodes_unseen_categories_alike()
    {
        TargetEncoding<FreshPurchase> encoding = TargetEncoder.Fit(Purchases(), ShopColumn);
        string path = Path.Combine(Root, "encoding.json");

        encoding.Save(path);
        TargetEncoding<FreshPurchase> loaded = TargetEncoder.Load(path, ShopColumn);

        foreach (string shop in Shops.Distinct().Append("never seen"))
            Assert.Equal(encoding.Encode(shop), loaded.Encode(shop));
    }

    [Fact]
    public void The_pipeline_artifact_holds_the_imputer_fitted_on_the_training_split_only()
    {
        PipelineRun run = PipelineRunner.Run(HolePunchedTumourPipeline.Definition with { ExportDirectory = Path.Combine(Root, "artifact") },
            new PipelineOptions { OutputDirectory = Path.Combine(Root, "out"), Quiet = true });

        Assert.Equal(0, run.ExitCode);
        IReadOnlyList<Tumour> rows = HolePunchedTumourPipeline.Rows();
        DataSplit<Tumour> split = rows.Split(HolePunchedTumourPipeline.Definition.Split);
        Imputer saved = ModelArtifact.Open(run.ArtifactDirectory!).Imputer!;
        Assert.Equal(Imputer.Fit(split.Train, ImputeStrategy.Mean).Statistics, saved.Statistics);
        Assert.NotEqual(Imputer.Fit(rows, ImputeStrategy.Mean).Statistics, saved.Statistics); // so the check above could fail
        Assert.Equal(saved.Statistics, ModelArtifact.Open(run.ArtifactDirectory!).Imputer!.Statistics);
    }

    [Fact]
    public void The_pipelines_scaler_is_fitted_on_the_imputed_training_split_only()
    {
        PipelineRun run = PipelineRunner.Run(HolePunchedTumourPipeline.Definition with { ExportDirectory = Path.Combine(Root, "artifact") },
            new PipelineOptions { OutputDirectory = Path.Combine(Root, "out"), Quiet = true });

        Assert.Equal(0, run.ExitCode);
        DataSplit<Tumour> split = HolePunchedTumourPipeline.Rows().Split(HolePunchedTumourPipeline.Definition.Split);
        Standardizer expected = Standardizer.Fit(Imputer.Fit(split.Train, ImputeStrategy.Mean).Apply(split.Train));
        AffineTransform saved = ModelArtifact.Open(run.ArtifactDirectory!).Transform!;
        Close(expected.Shift.Select(value => (double)value).ToArray(), saved.Shift.Select(value => (double)value).ToArray(), "shift", 1e-6);
        Close(expected.Scale.Select(value => (double)value).ToArray(), saved.Scale.Select(value => (double)value).ToArray(), "scale", 1e-6);
        Standardizer withEveryRow = Standardizer.Fit(Imputer.Fit(split.Train, ImputeStrategy.Mean).Apply(split.Train.Concat(split.Test).ToArray()));
        Assert.NotEqual(withEveryRow.Shift, saved.Shift); // so the comparison above could fail
    }
}

/// <summary>The real breast-cancer rows with two measurements missing from every fifth row.</summary>
[Pipeline(typeof(TumourMlp), ClassNames = new[] { "malignant", "benign" }, CsvHasHeader = false, CsvSkipLines = 1)]
[Split(Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.25, Seed = 3)]
[Transform(TransformKind.Standardize, Impute = ImputeStrategy.Mean)]
[Train(Epochs = 2, BatchSize = 64, LearningRate = 3e-3, Seed = 3)]
[Export("artifacts/hole-punched-tumour")]
public sealed partial class HolePunchedTumourPipeline
{
    [Ingest] private static IReadOnlyList<Tumour> Load() => Rows();

    internal static IReadOnlyList<Tumour> Rows() =>
        BreastCancerRows.Load().Select((row, i) => i % 5 != 0 ? row : row with
        {
            Measurements = row.Measurements.Select((value, f) => f == 3 || f == 17 ? float.NaN : value).ToArray(),
        }).ToArray();
}
