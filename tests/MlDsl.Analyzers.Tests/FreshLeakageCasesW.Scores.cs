namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set W, scores on rows the model trained on (MLDSL0027) and the same rows for training and validation (MLDSL0020): an
/// experiment class that trains and scores the rows its constructor loaded, index sets from <c>Enumerable.Range</c> that
/// overlap, <c>ArraySegment</c> windows that share a day, a local function that validates on the training rows it captures,
/// every site trained on beside a test set of sites picked with a hash set (the "forgot to remove the test ids" bug), a
/// classification report of the training tickets alone inside a try/catch; beside an experiment class keeping a split,
/// complementary index ranges and segments, grouped cross-validation averaging its fold scores, complementary hash-set
/// filters and a training report printed beside a held-out one.
/// </summary>
public sealed partial class FreshLeakageCasesW
{
    [Fact]
    public Task Experiment_class_scoring_the_rows_its_constructor_loaded_and_trained_on_is_reported() => Expect(Program("""
        public sealed class WineExperiment
        {
            private IReadOnlyList<Fermentation> Rows { get; }

            public WineExperiment(string path) => Rows = CsvFile.Read<Fermentation>(path);

            public double Run()
            {
                using var net = new WineNet(seed: 1);
                net.Fit(Rows);
                return net.Evaluate({|#0:Rows|}).MeanAbsoluteError;
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Experiment_class_scoring_the_test_part_its_constructor_split_off_stays_silent() => Expect(Program("""
        public sealed class WineExperiment
        {
            private IReadOnlyList<Fermentation> Train { get; }
            private IReadOnlyList<Fermentation> Test { get; }

            public WineExperiment(string path)
            {
                var split = CsvFile.Read<Fermentation>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                Train = split.Train;
                Test = split.Test;
            }

            public double Run()
            {
                using var net = new WineNet(seed: 1);
                net.Fit(Train);
                return net.Evaluate(Test).MeanAbsoluteError;
            }
        }
        """));

    [Fact]
    public Task Index_ranges_from_enumerable_range_that_overlap_are_reported() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                List<RailDeparture> rows = CsvFile.Read<RailDeparture>(path).OrderBy(r => r.Departure).ToList();
                int n = rows.Count;
                List<RailDeparture> train = Enumerable.Range(0, n * 8 / 10).Select(i => rows[i]).ToList();
                List<RailDeparture> test = Enumerable.Range(n * 7 / 10, n - n * 7 / 10).Select(i => rows[i]).ToList();
                using var net = new RailNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Index_ranges_from_enumerable_range_on_either_side_of_one_cut_stay_silent() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                List<RailDeparture> rows = CsvFile.Read<RailDeparture>(path).OrderBy(r => r.Departure).ToList();
                int n = rows.Count;
                int cut = n * 8 / 10;
                List<RailDeparture> train = Enumerable.Range(0, cut).Select(i => rows[i]).ToList();
                List<RailDeparture> test = Enumerable.Range(cut, n - cut).Select(i => rows[i]).ToList();
                using var net = new RailNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Array_segments_that_share_the_day_before_the_cut_are_reported() => Expect(Program("""
        public static class ParkingStudy
        {
            public static void Run(string path)
            {
                ParkingHour[] hours = CsvFile.Read<ParkingHour>(path).OrderBy(h => h.Hour).ToArray();
                int cut = hours.Length - 24 * 14;
                var train = new ArraySegment<ParkingHour>(hours, 0, cut);
                var test = new ArraySegment<ParkingHour>(hours, cut - 24, hours.Length - cut + 24);
                using var net = new ParkingNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Array_segments_on_either_side_of_one_cut_stay_silent() => Expect(Program("""
        public static class ParkingStudy
        {
            public static void Run(string path)
            {
                ParkingHour[] hours = CsvFile.Read<ParkingHour>(path).OrderBy(h => h.Hour).ToArray();
                int cut = hours.Length - 24 * 14;
                var train = new ArraySegment<ParkingHour>(hours, 0, cut);
                var test = new ArraySegment<ParkingHour>(hours, cut, hours.Length - cut);
                using var net = new ParkingNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Local_function_validating_on_the_training_rows_it_captures_is_reported() => Expect(Program("""
        public static class SpreadStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<FireCell>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                IReadOnlyList<FireCell> seen = split.Train;
                SpreadNet Train(int epochs)
                {
                    var net = new SpreadNet(seed: 1);
                    net.Fit(seen, {|#0:split.Train|}, new FitOptions { Epochs = epochs, EarlyStoppingPatience = 3 });
                    return net;
                }
                using SpreadNet model = Train(50);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0020");

    [Fact]
    public Task Grouped_cross_validation_stopping_early_on_each_folds_validation_rows_then_scoring_them_is_reported() => Expect(Program("""
        public static class SpreadStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<FireCell>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                CrossValidationResult folds = CrossValidation.Run(split.Train, (foldTrain, foldValidation) =>
                {
                    using var net = new SpreadNet(seed: 1);
                    net.Fit(foldTrain, foldValidation, new FitOptions { Epochs = 50, EarlyStoppingPatience = 3 });
                    return net.Evaluate({|#0:foldValidation|}).Accuracy;
                }, new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 });
                Console.WriteLine($"folds: {folds.Mean:F3} ± {folds.StandardDeviation:F3}");
                using var model = new SpreadNet(seed: 1);
                model.Fit(split.Train, split.Validation, new FitOptions { Epochs = 50, EarlyStoppingPatience = 3 });
                Console.WriteLine($"held-out fires: {model.Evaluate(split.Test).Accuracy:F3}");
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Every_site_trained_on_beside_test_sites_picked_with_a_hash_set_is_reported() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Run(string path)
            {
                List<Participant> participants = CsvFile.Read<Participant>(path).ToList();
                HashSet<string> testSites = participants.Select(p => p.Site).Distinct().OrderBy(s => s).Take(4).ToHashSet();
                List<Participant> train = participants;
                List<Participant> test = participants.Where(p => testSites.Contains(p.Site)).ToList();
                using var net = new DropoutNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Grouped_cross_validation_averaging_fold_scores_then_one_test_score_stays_silent() => Expect(Program("""
        public static class SpreadStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<FireCell>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                CrossValidationResult folds = CrossValidation.Run(split.Train, (foldTrain, foldValidation) =>
                {
                    using var net = new SpreadNet(seed: 1);
                    net.Fit(foldTrain, null, new FitOptions { Epochs = 30 });
                    return net.Evaluate(foldValidation).Accuracy;
                }, new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 });
                Console.WriteLine($"folds: {folds.Mean:F3} ± {folds.StandardDeviation:F3}");
                using var model = new SpreadNet(seed: 1);
                model.Fit(split.Train, split.Validation, new FitOptions { Epochs = 50, EarlyStoppingPatience = 3 });
                Console.WriteLine($"held-out fires: {model.Evaluate(split.Test).Accuracy:F3}");
            }
        }
        """));

    [Fact]
    public Task Sites_held_out_with_complementary_hash_set_filters_stay_silent() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Run(string path)
            {
                List<Participant> participants = CsvFile.Read<Participant>(path).ToList();
                HashSet<string> testSites = participants.Select(p => p.Site).Distinct().OrderBy(s => s).Take(4).ToHashSet();
                List<Participant> train = participants.Where(p => !testSites.Contains(p.Site)).ToList();
                List<Participant> test = participants.Where(p => testSites.Contains(p.Site)).ToList();
                using var net = new DropoutNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Classification_report_of_the_training_tickets_alone_inside_a_try_is_reported() => Expect(Program("""
        public static class EscalationStudy
        {
            public static void Run(string path)
            {
                var (train, validation, _) = CsvFile.Read<Ticket>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new EscalationNet(seed: 1);
                try
                {
                    net.Fit(train, validation);
                    ClassificationReport report = {|#0:ClassificationReport.Compute(train, net.Predict(train))|};
                    Console.WriteLine(report);
                }
                catch (Exception e)
                {
                    Console.Error.WriteLine(e);
                }
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Classification_report_of_the_training_tickets_beside_one_of_the_test_tickets_stays_silent() => Expect(Program("""
        public static class EscalationStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Ticket>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new EscalationNet(seed: 1);
                try
                {
                    net.Fit(train, validation);
                    Console.WriteLine($"train: {ClassificationReport.Compute(train, net.Predict(train))}");
                    Console.WriteLine($"test:  {ClassificationReport.Compute(test, net.Predict(test))}");
                }
                catch (Exception e)
                {
                    Console.Error.WriteLine(e);
                }
            }
        }
        """));
}
