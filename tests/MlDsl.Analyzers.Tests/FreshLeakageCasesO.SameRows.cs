namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set O, kind 9: the same rows for training and validation through split parts (aliases, a slice of the training
/// part, a helper, training rows that include the validation rows), beside disjoint parts under confusing names,
/// parts of the training part, fold index sets and a final refit with nothing validated.
/// </summary>
public sealed partial class FreshLeakageCasesO
{
    // Stack Overflow "Keras validation accuracy equals training accuracy" (validation_data=(X_train, y_train)): the
    // training part kept under a second name for "monitoring" and passed as validation, with early stopping.
    [Fact]
    public Task Training_sessions_passed_again_as_monitor_rows_is_reported() => Expect(Program("""
        public static class ShopNotebook
        {
            public static void Main()
            {
                var split = CsvFile.Read<Session>("sessions.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                var fitRows = split.Train;
                var monitor = split.Train;
                using var net = new SessionNet();
                net.Fit(fitRows, {|#0:monitor|}, new FitOptions { Epochs = 50, EarlyStoppingPatience = 5 });
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0020");

    // A "quick validation" slice taken from the training part itself (the first 500 weeks), a Cross Validated question
    // on why validation loss tracks training loss exactly.
    [Fact]
    public Task Validation_slice_taken_from_the_training_weeks_is_reported() => Expect(Program("""
        public static class SalesNotebook
        {
            public static void Main()
            {
                var weeks = CsvFile.Read<StoreWeek>("walmart.csv");
                var split = weeks.Split(new SplitOptions { Kind = SplitKind.ByTime });
                var quickCheck = split.Train.Take(500).ToList();
                using var net = new StoreNet();
                net.Fit(split.Train, {|#0:quickCheck|});
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0020");

    // A training helper that "validates on what it trains on" when no validation set is given, called with the
    // training part only.
    [Fact]
    public Task Training_helper_validating_on_its_own_training_rows_is_reported() => Expect(Program("""
        public static class Training
        {
            public static EncounterNet Train(IReadOnlyList<Encounter> rows, IReadOnlyList<Encounter>? validation = null)
            {
                var net = new EncounterNet();
                net.Fit(rows, {|#0:validation ?? rows|}, new FitOptions { Epochs = 30, EarlyStoppingPatience = 4 });
                return net;
            }
        }

        public static class ReadmissionNotebook
        {
            public static void Main()
            {
                var split = CsvFile.Read<Encounter>("diabetic_data.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = Training.Train(split.Train);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0020");

    // "Use all the data" (Stack Overflow: training on train + validation, then still early-stopping on validation):
    // the validation drives are inside the training rows.
    [Fact]
    public Task Training_on_train_and_validation_while_validating_on_validation_is_reported() => Expect(Program("""
        public static class DriveNotebook
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<DriveDay>("smart.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                var everything = train.Concat(validation).ToList();
                using var net = new DriveNet();
                net.Fit(everything, {|#0:validation|}, new FitOptions { Epochs = 40, EarlyStoppingPatience = 5 });
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0020");

    // Look-alike: disjoint parts under misleading names (`holdTrain` is the validation part).
    [Fact]
    public Task Disjoint_parts_under_misleading_names_are_silent() => Expect(Program("""
        public static class ShopNotebook
        {
            public static void Main()
            {
                var split = CsvFile.Read<Session>("sessions.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                var trainRows = split.Train;
                var holdTrain = split.Validation;
                using var net = new SessionNet();
                net.Fit(trainRows, holdTrain, new FitOptions { EarlyStoppingPatience = 5 });
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike: the training part split again (by time) for an early-stopping holdout; the outer test scored once.
    [Fact]
    public Task Training_weeks_split_again_for_early_stopping_is_silent() => Expect(Program("""
        public static class SalesNotebook
        {
            public static void Main()
            {
                var split = CsvFile.Read<StoreWeek>("walmart.csv").Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0 });
                var inner = split.Train.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.15, Test = 0 });
                using var net = new StoreNet();
                net.Fit(inner.Train, inner.Validation, new FitOptions { EarlyStoppingPatience = 5 });
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    // Look-alike: a hand-written grouped fold loop picking rows by the folds' index sets, in query syntax.
    [Fact]
    public Task Grouped_fold_index_sets_picked_in_query_syntax_are_silent() => Expect(Program("""
        public static class DriveNotebook
        {
            public static void Main()
            {
                var days = CsvFile.Read<DriveDay>("smart.csv");
                var accuracies = new List<double>();
                foreach (var fold in Folds.Of(days, new FoldOptions { Kind = FoldKind.Grouped, Folds = 4 }))
                {
                    var fitDays = (from i in fold.Train select days[i]).ToList();
                    var checkDays = (from i in fold.Validation select days[i]).ToList();
                    using var net = new DriveNet();
                    net.Fit(fitDays, checkDays);
                    accuracies.Add(net.Evaluate(checkDays).Accuracy);
                }
                Console.WriteLine($"grouped 4-fold accuracy {accuracies.Average():P1}");
            }
        }
        """));

    // Look-alike: the final refit on training + validation after the epochs were chosen, nothing validated during it.
    [Fact]
    public Task Final_refit_on_train_and_validation_without_validation_is_silent() => Expect(Program("""
        public static class ReadmissionNotebook
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Encounter>("diabetic_data.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var probe = new EncounterNet();
                var report = probe.Fit(train, validation, new FitOptions { Epochs = 60, EarlyStoppingPatience = 5 });
                int epochs = report.BestEpoch ?? 60;
                using var final = new EncounterNet();
                final.Fit(train.Concat(validation).ToList(), options: new FitOptions { Epochs = epochs });
                Console.WriteLine(final.Evaluate(test).Accuracy);
            }
        }
        """));
}
