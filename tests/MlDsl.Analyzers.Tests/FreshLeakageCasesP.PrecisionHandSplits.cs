namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Precision, part 5: correct programs that look most like this set's leaks: the previous match's result as a feature
/// (a label lag), a pump's failures before today counted, a hand split by patient, a hand split at a cut-off date, a
/// rate chosen by validation accuracy in a loop, and SMOTE inside the fold scorer on the fold's training rows.
/// </summary>
public sealed partial class FreshLeakageCasesP
{
    /// <summary>The home side's result in its previous fixture: an earlier row's label, known before kick-off.</summary>
    [Fact]
    public Task Previous_match_result_as_a_feature_stays_silent() => Expect(Program("""
        public static class FootballLastResult
        {
            public static void Run(string path)
            {
                var ordered = CsvFile.Read<Fixture>(path).OrderBy(f => f.Date).ToList();
                var withLast = ordered.Select((f, i) => f with { HomeForm = i == 0 ? 0.5f : ordered[i - 1].HomeWin }).ToList();
                var split = withLast.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new FixtureNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    /// <summary>
    /// Each pump's failure labels counted over its days at least 7 days before today: the label looks 7 days ahead, so
    /// only those days' labels are known today (a lag shorter than the horizon would leak).
    /// </summary>
    [Fact]
    public Task Failures_on_a_pumps_days_a_week_before_counted_into_a_feature_stay_silent() => Expect(Program("""
        public static class PumpHistory
        {
            public static void Run(string path)
            {
                var withHistory = new List<PumpDay>();
                foreach (var pump in CsvFile.Read<PumpDay>(path).GroupBy(d => d.Pump))
                {
                    var days = pump.OrderBy(d => d.Day).ToList();
                    for (int i = 0; i < days.Count; i++)
                    {
                        int earlierFailures = days.Count(d => d.Day <= days[i].Day.AddDays(-7) && d.FailsWithin7Days == 1);
                        withHistory.Add(days[i] with { Rpm = earlierFailures });
                    }
                }
                var split = withHistory.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new PumpNet(seed: 2);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    /// <summary>A split by patient written by hand: one patient in five goes to test, all of their stays together.</summary>
    [Fact]
    public Task Hand_split_by_patient_stays_silent() => Expect(Program("""
        public static class IcuHandGrouped
        {
            public static void Run(string path)
            {
                var stays = CsvFile.Read<IcuStay>(path);
                var testPatients = stays.Select(s => s.Patient).Distinct().Where(p => p % 5 == 0).ToHashSet();
                var train = stays.Where(s => !testPatients.Contains(s.Patient)).ToList();
                var test = stays.Where(s => testPatients.Contains(s.Patient)).ToList();
                using var model = new IcuNet(seed: 3);
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """));

    /// <summary>A split by time written by hand: every day before 2024 trains, the rest tests.</summary>
    [Fact]
    public Task Hand_split_at_a_cut_off_date_stays_silent() => Expect(Program("""
        public static class DemandCutoff
        {
            public static void Run(string path)
            {
                var days = CsvFile.Read<DemandDay>(path);
                var cutoff = new DateTime(2024, 1, 1);
                var train = days.Where(d => d.Day < cutoff).ToList();
                var test = days.Where(d => d.Day >= cutoff).ToList();
                using var model = new DemandNet(seed: 4);
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    /// <summary>Rates compared by validation accuracy in a loop (no early stopping), the chosen one refitted and scored on test once.</summary>
    [Fact]
    public Task Rate_chosen_by_validation_accuracy_in_a_loop_stays_silent() => Expect(Program("""
        public static class ChurnRates
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Subscriber>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                double bestRate = 1e-3, bestAccuracy = double.MinValue;
                foreach (double rate in new[] { 1e-2, 3e-3, 1e-3 })
                {
                    using var candidate = new ChurnNet(seed: 1);
                    candidate.Fit(split.Train, null, new FitOptions { LearningRate = rate });
                    double accuracy = candidate.Evaluate(split.Validation).Accuracy;
                    if (accuracy > bestAccuracy) { bestAccuracy = accuracy; bestRate = rate; }
                }
                using var model = new ChurnNet(seed: 1);
                model.Fit(split.Train, null, new FitOptions { LearningRate = bestRate });
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    /// <summary>SMOTE inside the fold scorer, on the fold's training rows only; the fold's validation rows are scored as they are.</summary>
    [Fact]
    public Task Smote_inside_the_fold_scorer_stays_silent() => Expect(Program("""
        public static class FraudFolds
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Txn>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                FoldScorer<Txn> scorer = (foldTrain, foldValidation) =>
                {
                    using var model = new FraudNet(seed: 5);
                    model.Fit(Oversampler.Smote(foldTrain, k: 5, seed: 5));
                    return model.Evaluate(foldValidation).Accuracy;
                };
                Console.WriteLine(CrossValidation.Run(split.Train, scorer, new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 4 }));
            }
        }
        """));
}
