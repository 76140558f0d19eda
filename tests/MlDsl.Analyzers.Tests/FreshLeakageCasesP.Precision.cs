namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Precision, part 1: correct programs written like the leaks of this set, which must stay silent: cross-validation
/// that averages fold scores with selection refitted inside each fold, a scaler fitted on every row only to print a data
/// description, lag features from earlier days, an inner split of the training part scored on its "Test" slot, an
/// imputer fitted on training rows and applied to every part, a threshold chosen on validation, and SMOTE after the split.
/// </summary>
public sealed partial class FreshLeakageCasesP
{
    /// <summary>The fix of Ambroise and McLachlan's leak: the genes are selected again inside every fold; the mean of the fold scores is printed.</summary>
    [Fact]
    public Task Cross_validation_with_selection_refitted_inside_each_fold_stays_silent() => Expect(Program("""
        public static class RelapseHonest
        {
            public static double Run(string path)
            {
                var split = CsvFile.Read<Biopsy>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                FitOnFold<Biopsy> select = foldTrain =>
                {
                    var selector = SelectKBest.Fit(foldTrain, ScoreFunction.AnovaF, 10);
                    return rows => selector.Apply(rows);
                };
                var scores = CrossValidation.Run(split.Train, CrossValidation.TrainModel<Biopsy, BiopsyNet>(() => new BiopsyNet(seed: 1)),
                    new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 }, select);
                Console.WriteLine($"{scores.Mean:F3} ± {scores.StandardDeviation:F3}");
                return scores.Mean;
            }
        }
        """));

    /// <summary>A scaler fitted on every pump day only to print each feature's mean and spread; the model's scaler is fitted on the training part.</summary>
    [Fact]
    public Task Scaler_fitted_on_every_row_only_for_a_printed_description_stays_silent() => Expect(Program("""
        public static class PumpDescription
        {
            public static void Run(string path)
            {
                var days = CsvFile.Read<PumpDay>(path);
                var description = Standardizer.Fit(days);
                for (int i = 0; i < description.Features.Count; i++)
                {
                    Console.WriteLine($"{description.Features[i]}: shift {description.Shift[i]}, scale {description.Scale[i]}");
                }
                var split = days.Split(new SplitOptions { Kind = SplitKind.Grouped });
                var scaler = Standardizer.Fit(split);
                using var model = new PumpNet(seed: 1);
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Accuracy);
            }
        }
        """));

    /// <summary>Units sold seven days earlier, looked up by date in a dictionary of the history: known when the forecast is made.</summary>
    [Fact]
    public Task Lag_of_units_seven_days_earlier_stays_silent() => Expect(Program("""
        public static class DemandLags
        {
            public static void Run(string path)
            {
                var days = CsvFile.Read<DemandDay>(path).OrderBy(d => d.Day).ToList();
                var unitsByDay = days.ToDictionary(d => d.Day, d => d.Units);
                var lagged = days
                    .Where(d => unitsByDay.ContainsKey(d.Day.AddDays(-7)))
                    .Select(d => d with { Lag7 = unitsByDay[d.Day.AddDays(-7)] })
                    .ToList();
                var split = lagged.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new DemandNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    /// <summary>Football form from the five matches before the current one (the window stops one row short of it).</summary>
    [Fact]
    public Task Form_window_that_ends_before_the_current_match_stays_silent() => Expect(Program("""
        public static class FootballFormHonest
        {
            public static void Run(string path)
            {
                var ordered = CsvFile.Read<Fixture>(path).OrderBy(f => f.Date).ToList();
                var withForm = ordered.Select((f, i) => f with
                {
                    HomeForm = i == 0 ? 0.5f : (float)ordered.Skip(Math.Max(0, i - 5)).Take(Math.Min(5, i)).Average(x => x.HomeWin),
                }).ToList();
                var split = withForm.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new FixtureNet(seed: 3);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    /// <summary>A learning rate chosen on the "Test" slot of an inner split of the training part (a fold), the outer test scored once after.</summary>
    [Fact]
    public Task Rate_chosen_on_the_test_slot_of_an_inner_split_of_the_training_part_stays_silent() => Expect(Program("""
        public static class ClickInnerSplit
        {
            public static void Run(string path)
            {
                var outer = CsvFile.Read<Impression>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                var inner = outer.Train.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.1, Test = 0.2 });
                double bestRate = 1e-3, bestAccuracy = double.MinValue;
                foreach (double rate in new[] { 3e-3, 1e-3, 3e-4 })
                {
                    using var candidate = new ClickNet(seed: 1);
                    candidate.Fit(inner.Train, inner.Validation, new FitOptions { LearningRate = rate });
                    double accuracy = candidate.Evaluate(inner.Test).Accuracy;
                    if (accuracy > bestAccuracy) { bestAccuracy = accuracy; bestRate = rate; }
                }
                using var model = new ClickNet(seed: 1);
                model.Fit(outer.Train, outer.Validation, new FitOptions { LearningRate = bestRate });
                Console.WriteLine(model.Evaluate(outer.Test).Accuracy);
            }
        }
        """));

    /// <summary>Missing vitals filled with medians learned from the training stays, applied to every part.</summary>
    [Fact]
    public Task Imputer_fitted_on_training_stays_and_applied_to_every_part_stays_silent() => Expect(Program("""
        public static class IcuImpute
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<IcuStay>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                var imputer = Imputer.Fit(split.Train, ImputeStrategy.Median);
                var train = imputer.Apply(split.Train);
                var validation = imputer.Apply(split.Validation);
                var test = imputer.Apply(split.Test);
                using var model = new IcuNet(seed: 2);
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """));

    /// <summary>The fraud threshold chosen for F1 on the validation transactions, then the test F1 reported once at that threshold.</summary>
    [Fact]
    public Task Threshold_chosen_on_validation_probabilities_stays_silent() => Expect(Program("""
        public static class FraudThresholdHonest
        {
            private static double F1(IReadOnlyList<Txn> rows, float[][] probabilities, double cut)
            {
                int tp = 0, fp = 0, fn = 0;
                for (int i = 0; i < rows.Count; i++)
                {
                    bool flagged = probabilities[i][1] >= cut;
                    if (flagged && rows[i].IsFraud == 1) tp++;
                    else if (flagged) fp++;
                    else if (rows[i].IsFraud == 1) fn++;
                }
                return 2.0 * tp / Math.Max(1, 2 * tp + fp + fn);
            }

            public static void Run(string path)
            {
                var split = CsvFile.Read<Txn>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new FraudNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                var validationProbabilities = model.PredictProbabilities(split.Validation);
                var cuts = Enumerable.Range(1, 19).Select(i => i / 20.0).ToArray();
                double best = cuts.MaxBy(c => F1(split.Validation, validationProbabilities, c));
                var testProbabilities = model.PredictProbabilities(split.Test);
                Console.WriteLine($"threshold {best}, test F1 {F1(split.Test, testProbabilities, best)}");
            }
        }
        """));

    /// <summary>SMOTE on the training transactions only, after a split by time.</summary>
    [Fact]
    public Task Smote_on_the_training_part_after_the_split_stays_silent() => Expect(Program("""
        public static class FraudSmoteHonest
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Txn>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                var balanced = Oversampler.Smote(split.Train, k: 5, seed: 7);
                using var model = new FraudNet(seed: 7);
                model.Fit(balanced, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));
}
