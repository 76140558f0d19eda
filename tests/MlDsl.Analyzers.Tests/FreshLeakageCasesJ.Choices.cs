namespace MlDsl.Analyzers.Tests;

/// <summary>Set J, kinds "the test part steering any choice" (MLDSL0018) and "same rows for training and validation" (MLDSL0020).</summary>
public sealed partial class FreshLeakageCasesJ
{
    // Keras users passing validation_data=(X_test, y_test) with EarlyStopping (Stack Overflow, "Is it OK to use the test
    // set as validation_data?"): the deconstructed third part, renamed `holdout`, watches early stopping.
    [Fact]
    public Task Holdout_part_watching_early_stopping_is_reported() => Expect(Program("""
        public static class EarlyStop
        {
            public static void Main()
            {
                var (train, _, holdout) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0 });
                using var model = new DeepLoanNet();
                var report = model.Fit(train, {|#0:holdout|}, new FitOptions { Epochs = 200, EarlyStoppingPatience = 10 });
                Console.WriteLine($"stopped at {report.StoppedEarlyAt}, holdout accuracy {model.Evaluate({|#1:holdout|}).Accuracy:P2}");
            }
        }
        """), "MLDSL0018", "MLDSL0027");

    [Fact]
    public Task Validation_part_watching_early_stopping_then_holdout_scored_once_is_silent() => Expect(Program("""
        public static class EarlyStop
        {
            public static void Main()
            {
                var (train, validation, holdout) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.15 });
                using var model = new DeepLoanNet();
                var report = model.Fit(train, validation, new FitOptions { Epochs = 200, EarlyStoppingPatience = 10 });
                Console.WriteLine($"stopped at {report.StoppedEarlyAt}, holdout accuracy {model.Evaluate(holdout).Accuracy:P2}");
            }
        }
        """));

    // "Tuning the decision threshold on the test set" (scikit-learn docs, "Tuning the decision threshold"; Cross
    // Validated "choose threshold on test data?"): the F1-best cut-off is picked from test probabilities.
    [Fact]
    public Task Decision_threshold_chosen_by_f1_on_test_probabilities_is_reported() => Expect(Program("""
        public static class Threshold
        {
            private static double F1(IReadOnlyList<Loan> rows, float[][] p, float cut)
            {
                int tp = 0, fp = 0, fn = 0;
                for (int i = 0; i < rows.Count; i++)
                {
                    bool yes = p[i][1] >= cut;
                    if (yes && rows[i].Defaulted == 1) tp++;
                    else if (yes) fp++;
                    else if (rows[i].Defaulted == 1) fn++;
                }
                return tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
            }

            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train, split.Validation);
                float[][] probabilities = model.PredictProbabilities({|#0:split.Test|});
                float best = Enumerable.Range(1, 19).Select(i => i / 20f).MaxBy(cut => F1(split.Test, probabilities, cut));
                Console.WriteLine($"threshold {best:F2}: F1 {F1(split.Test, probabilities, best):F3}");
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Decision_threshold_chosen_on_validation_then_applied_to_test_is_silent() => Expect(Program("""
        public static class Threshold
        {
            private static double F1(IReadOnlyList<Loan> rows, float[][] p, float cut)
            {
                int tp = 0, fp = 0, fn = 0;
                for (int i = 0; i < rows.Count; i++)
                {
                    bool yes = p[i][1] >= cut;
                    if (yes && rows[i].Defaulted == 1) tp++;
                    else if (yes) fp++;
                    else if (rows[i].Defaulted == 1) fn++;
                }
                return tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
            }

            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train);
                float[][] onValidation = model.PredictProbabilities(split.Validation);
                float best = Enumerable.Range(1, 19).Select(i => i / 20f).MaxBy(cut => F1(split.Validation, onValidation, cut));
                float[][] onTest = model.PredictProbabilities(split.Test);
                Console.WriteLine($"threshold {best:F2}: test F1 {F1(split.Test, onTest, best):F3}");
            }
        }
        """));

    // Two architectures scored on test one after the other and the better one kept — no loop, a ternary decides.
    [Fact]
    public Task Two_architectures_compared_on_test_and_the_better_kept_is_reported() => Expect(Program("""
        public static class Architectures
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var small = new LoanNet();
                small.Fit(train, validation);
                var deep = new DeepLoanNet();
                deep.Fit(train, validation);
                double smallAccuracy = small.Evaluate({|#0:test|}).Accuracy;
                double deepAccuracy = deep.Evaluate({|#1:test|}).Accuracy;
                string chosen = deepAccuracy > smallAccuracy ? "deep" : "small";
                if (chosen == "deep") deep.Save("model.bin"); else small.Save("model.bin");
                Console.WriteLine($"kept {chosen}");
            }
        }
        """), "MLDSL0018", "MLDSL0018");

    [Fact]
    public Task Two_architectures_compared_on_validation_then_the_kept_one_scored_on_test_is_silent() => Expect(Program("""
        public static class Architectures
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var small = new LoanNet();
                small.Fit(train, validation);
                var deep = new DeepLoanNet();
                deep.Fit(train, validation);
                double smallAccuracy = small.Evaluate(validation).Accuracy;
                double deepAccuracy = deep.Evaluate(validation).Accuracy;
                string chosen = deepAccuracy > smallAccuracy ? "deep" : "small";
                double testAccuracy = chosen == "deep" ? deep.Evaluate(test).Accuracy : small.Evaluate(test).Accuracy;
                Console.WriteLine($"kept {chosen}: test accuracy {testAccuracy:P2}");
            }
        }
        """));

    // Loop over a list of config records, test accuracy stored in a dictionary, the best config by MaxBy.
    [Fact]
    public Task Configs_scored_on_test_in_a_dictionary_then_the_best_picked_is_reported() => Expect(Program("""
        public sealed record RunConfig(string Name, double LearningRate, int Epochs);

        public static class Sweep
        {
            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var configs = new List<RunConfig> { new("slow", 1e-4, 60), new("base", 1e-3, 30), new("fast", 1e-2, 15) };
                var scores = new Dictionary<RunConfig, double>();
                foreach (var config in configs)
                {
                    using var model = new LoanNet();
                    model.Fit(split.Train, split.Validation, new FitOptions { LearningRate = config.LearningRate, Epochs = config.Epochs });
                    scores[config] = model.Evaluate({|#0:split.Test|}).Accuracy;
                }
                var best = scores.MaxBy(kv => kv.Value).Key;
                Console.WriteLine($"best {best.Name} ({scores[best]:P2})");
            }
        }
        """), "MLDSL0018");

    // Look-alike: several seeds scored on test, only averaged into a printed mean ± deviation.
    [Fact]
    public Task Seeds_scored_on_test_only_averaged_into_a_printout_is_silent() => Expect(Program("""
        public static class Seeds
        {
            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var accuracies = new List<double>();
                foreach (int seed in new[] { 1, 2, 3, 4, 5 })
                {
                    using var model = new LoanNet(seed: seed);
                    model.Fit(split.Train, split.Validation, new FitOptions { Seed = seed });
                    accuracies.Add(model.Evaluate(split.Test).Accuracy);
                }
                double mean = accuracies.Average();
                double sd = Math.Sqrt(accuracies.Average(a => (a - mean) * (a - mean)));
                Console.WriteLine($"test accuracy {mean:P2} ± {sd:P2} over {accuracies.Count} seeds");
            }
        }
        """));

    // Class weights from the test labels (a "balanced" weight computed on the wrong part).
    [Fact]
    public Task Class_weights_from_the_test_labels_is_reported() => Expect(Program("""
        public static class Weights
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                float share = (float){|#0:test.Average(l => l.Defaulted)|};
                var options = new FitOptions { ClassWeights = new[] { 0.5f / (1 - share), 0.5f / share }, Epochs = 30 };
                using var model = new LoanNet();
                model.Fit(train, validation, options);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Class_weights_from_the_training_labels_is_silent() => Expect(Program("""
        public static class Weights
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                float share = (float)train.Average(l => l.Defaulted);
                var options = new FitOptions { ClassWeights = new[] { 0.5f / (1 - share), 0.5f / share }, Epochs = 30 };
                using var model = new LoanNet();
                model.Fit(train, validation, options);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """));

    // A training helper whose second parameter is the early-stopping watch, handed the test part.
    [Fact]
    public Task Training_helper_given_the_test_part_as_its_watch_rows_is_reported() => Expect(Program("""
        public static class Helpers
        {
            private static LoanNet Train(IReadOnlyList<Loan> fit, IReadOnlyList<Loan> watch, int patience = 5)
            {
                var model = new LoanNet();
                model.Fit(fit, watch, new FitOptions { Epochs = 100, EarlyStoppingPatience = patience });
                return model;
            }

            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = Train(split.Train, {|#0:split.Test|});
                Console.WriteLine($"test accuracy {model.Evaluate({|#1:split.Test|}).Accuracy:P2}");
            }
        }
        """), "MLDSL0018", "MLDSL0027");

    [Fact]
    public Task Training_helper_given_the_validation_part_as_its_watch_rows_is_silent() => Expect(Program("""
        public static class Helpers
        {
            private static LoanNet Train(IReadOnlyList<Loan> fit, IReadOnlyList<Loan> watch, int patience = 5)
            {
                var model = new LoanNet();
                model.Fit(fit, watch, new FitOptions { Epochs = 100, EarlyStoppingPatience = patience });
                return model;
            }

            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = Train(split.Train, split.Validation);
                Console.WriteLine($"test accuracy {model.Evaluate(split.Test).Accuracy:P2}");
            }
        }
        """));

    // Same rows for training and validation through split parts (MLDSL0020): Fit(split.Train, split.Train).
    [Fact]
    public Task Training_part_passed_as_its_own_validation_is_reported() => Expect(Program("""
        public static class SameRows
        {
            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train, {|#0:split.Train|}, new FitOptions { EarlyStoppingPatience = 3 });
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0020");

    // A dictionary of parts with a copy-paste slip: "valid" holds the training part.
    [Fact]
    public Task Dictionary_of_parts_whose_valid_entry_is_the_training_part_is_reported() => Expect(Program("""
        public static class Parts
        {
            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var sets = new Dictionary<string, IReadOnlyList<Loan>>
                {
                    ["train"] = split.Train,
                    ["valid"] = split.Train,
                    ["test"] = split.Test,
                };
                using var model = new LoanNet();
                model.Fit(sets["train"], {|#0:sets["valid"]|});
                Console.WriteLine(model.Evaluate(sets["test"]).Accuracy);
            }
        }
        """), "MLDSL0020");

    [Fact]
    public Task Dictionary_of_parts_with_each_part_under_its_own_key_is_silent() => Expect(Program("""
        public static class Parts
        {
            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var sets = new Dictionary<string, IReadOnlyList<Loan>>
                {
                    ["train"] = split.Train,
                    ["valid"] = split.Validation,
                    ["test"] = split.Test,
                };
                using var model = new LoanNet();
                model.Fit(sets["train"], sets["valid"]);
                Console.WriteLine(model.Evaluate(sets["test"]).Accuracy);
            }
        }
        """));

    // Validation rows carved with Where((_, i) => i % 10 == 0) from the training rows, which keep them too.
    [Fact]
    public Task Every_tenth_training_row_used_as_validation_while_still_trained_on_is_reported() => Expect(Program("""
        public static class EveryTenth
        {
            public static void Main()
            {
                var (train, _, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Validation = 0 });
                var watch = train.Where((_, i) => i % 10 == 0).ToList();
                using var model = new LoanNet();
                model.Fit(train, {|#0:watch|}, new FitOptions { EarlyStoppingPatience = 5 });
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0020");

    [Fact]
    public Task Every_tenth_training_row_held_out_as_validation_is_silent() => Expect(Program("""
        public static class EveryTenth
        {
            public static void Main()
            {
                var (train, _, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Validation = 0 });
                var watch = train.Where((_, i) => i % 10 == 0).ToList();
                var fit = train.Where((_, i) => i % 10 != 0).ToList();
                using var model = new LoanNet();
                model.Fit(fit, watch, new FitOptions { EarlyStoppingPatience = 5 });
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """));
}
