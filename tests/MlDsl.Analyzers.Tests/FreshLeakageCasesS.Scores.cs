namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set S, scores on rows the model trained on (MLDSL0027) and the same rows for training and validation (MLDSL0020):
/// hand-written time slices that overlap by a day (array ranges) or by four weeks (<c>List.GetRange</c>), a fold scorer
/// written as a method group that scores its first argument, a regression report of the training calls alone, validation
/// rows that are also inside the training rows; beside complementary slices written in mixed forms, the scorer scoring its
/// second argument, a report of training and test calls side by side, and a refit on training and validation scored on test.
/// </summary>
public sealed partial class FreshLeakageCasesS
{
    [Fact]
    public Task Hour_ranges_that_overlap_by_a_day_are_reported() => Expect(Program("""
        public static class PvStudy
        {
            public static void Run(string path)
            {
                PvHour[] hours = CsvFile.Read<PvHour>(path).OrderBy(h => h.Hour).ToArray();
                int cut = hours.Length * 4 / 5;
                PvHour[] train = hours[..cut];
                PvHour[] test = hours[(cut - 24)..];
                using var net = new PvNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Hours_taken_before_the_cut_and_ranged_after_it_stay_silent() => Expect(Program("""
        public static class PvStudy
        {
            public static void Run(string path)
            {
                PvHour[] hours = CsvFile.Read<PvHour>(path).OrderBy(h => h.Hour).ToArray();
                int cut = hours.Length * 4 / 5;
                List<PvHour> train = hours.Take(cut).ToList();
                PvHour[] test = hours[cut..];
                using var net = new PvNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Week_ranges_from_get_range_that_overlap_by_four_weeks_are_reported() => Expect(Program("""
        public static class StockStudy
        {
            public static void Run(string path)
            {
                List<PharmacyWeek> weeks = CsvFile.Read<PharmacyWeek>(path).OrderBy(w => w.Week).ToList();
                int cut = weeks.Count - 26;
                List<PharmacyWeek> fitted = weeks.GetRange(0, cut + 4);
                List<PharmacyWeek> held = weeks.GetRange(cut, weeks.Count - cut);
                using var net = new StockNet(seed: 1);
                net.Fit(fitted);
                Console.WriteLine(net.Evaluate({|#0:held|}).Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Weeks_from_get_range_before_the_cut_and_skipped_past_it_stay_silent() => Expect(Program("""
        public static class StockStudy
        {
            public static void Run(string path)
            {
                List<PharmacyWeek> weeks = CsvFile.Read<PharmacyWeek>(path).OrderBy(w => w.Week).ToList();
                int cut = weeks.Count - 26;
                List<PharmacyWeek> fitted = weeks.GetRange(0, cut);
                List<PharmacyWeek> held = weeks.Skip(cut).ToList();
                using var net = new StockNet(seed: 1);
                net.Fit(fitted);
                Console.WriteLine(net.Evaluate(held).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Fold_scorer_method_group_scoring_its_first_argument_is_reported() => Expect(Program("""
        public static class ColonyStudy
        {
            private static double ScoreFold(IReadOnlyList<Hive> fitRows, IReadOnlyList<Hive> heldRows)
            {
                using var net = new HiveNet(seed: 1);
                net.Fit(fitRows);
                return net.Evaluate({|#0:fitRows|}).Accuracy;
            }

            public static void Run(string path)
            {
                IReadOnlyList<Hive> hives = CsvFile.Read<Hive>(path);
                CrossValidationResult result = CrossValidation.Run(hives, ScoreFold, new FoldOptions { Kind = FoldKind.Grouped });
                Console.WriteLine($"{result.Mean:P1}");
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Fold_scorer_method_group_scoring_its_second_argument_stays_silent() => Expect(Program("""
        public static class ColonyStudy
        {
            private static double ScoreFold(IReadOnlyList<Hive> fitRows, IReadOnlyList<Hive> heldRows)
            {
                using var net = new HiveNet(seed: 1);
                net.Fit(fitRows);
                return net.Evaluate(heldRows).Accuracy;
            }

            public static void Run(string path)
            {
                IReadOnlyList<Hive> hives = CsvFile.Read<Hive>(path);
                CrossValidationResult result = CrossValidation.Run(hives, ScoreFold, new FoldOptions { Kind = FoldKind.Grouped });
                Console.WriteLine($"{result.Mean:P1}");
            }
        }
        """));

    [Fact]
    public Task Regression_report_of_the_training_calls_alone_is_reported() => Expect(Program("""
        public static class PortStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<VesselCall>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new ArrivalNet(seed: 1);
                net.Fit(train);
                RegressionReport report = {|#0:RegressionReport.Compute(train, net.Predict(train))|};
                Console.WriteLine(report);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Regression_reports_of_training_and_test_calls_side_by_side_stay_silent() => Expect(Program("""
        public static class PortStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<VesselCall>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new ArrivalNet(seed: 1);
                net.Fit(train);
                Console.WriteLine($"train: {RegressionReport.Compute(train, net.Predict(train))}");
                Console.WriteLine($"test:  {RegressionReport.Compute(test, net.Predict(test))}");
            }
        }
        """));

    [Fact]
    public Task Validation_calls_also_inside_the_training_calls_are_reported() => Expect(Program("""
        public static class PortStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<VesselCall>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                List<VesselCall> seen = split.Train.Concat(split.Validation).ToList();
                using var net = new ArrivalNet(seed: 1);
                net.Fit(seen, {|#0:split.Validation|}, new FitOptions { Epochs = 60, EarlyStoppingPatience = 5 });
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0020");

    [Fact]
    public Task Refit_on_training_and_validation_calls_scored_on_test_stays_silent() => Expect(Program("""
        public static class PortStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<VesselCall>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var tuned = new ArrivalNet(seed: 1);
                FitReport fit = tuned.Fit(split.Train, split.Validation, new FitOptions { Epochs = 60, EarlyStoppingPatience = 5 });
                List<VesselCall> seen = split.Train.Concat(split.Validation).ToList();
                using var final = new ArrivalNet(seed: 1);
                final.Fit(seen, null, new FitOptions { Epochs = 30 });
                Console.WriteLine(final.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));
}
