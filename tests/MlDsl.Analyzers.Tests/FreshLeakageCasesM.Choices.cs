namespace MlDsl.Analyzers.Tests;

/// <summary>Set M, kind 3: the test part steering a choice, and choices made on validation or by averaged folds.</summary>
public sealed partial class FreshLeakageCasesM
{
    // Keras users passing `validation_data=(x_test, y_test)` with EarlyStopping (a Stack Overflow staple). The parts are
    // kept in a named tuple first, and the "watch" slot holds the test rows.
    [Fact]
    public Task Test_readings_kept_in_a_tuples_watch_slot_for_early_stopping_is_reported() => Expect(Program("""
        public static class PowerCurve
        {
            public static void Main()
            {
                var readings = CsvFile.Read<Reading>("scada.csv");
                var split = readings.Split(new SplitOptions { Kind = SplitKind.ByTime });
                var parts = (Fit: split.Train, Watch: split.Test);
                using var net = new TurbineNet();
                net.Fit(parts.Fit, {|#0:parts.Watch|}, new FitOptions { Epochs = 80, EarlyStoppingPatience = 8 });
                Console.WriteLine(net.Evaluate({|#1:split.Test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0018", "MLDSL0027");

    // Cawley & Talbot, "On over-fitting in model selection" (JMLR 2010): the learning rate tuned on the held-out rows,
    // results kept in a dictionary keyed by the rate and the smallest error picked afterwards.
    [Fact]
    public Task Learning_rate_picked_from_a_dictionary_of_test_errors_is_reported() => Expect(Program("""
        public static class WineNotebook
        {
            public static void Main()
            {
                var wines = CsvFile.Read<Wine>("winequality-red.csv");
                var (train, validation, test) = wines.Split();
                var errors = new Dictionary<double, double>();
                foreach (var rate in new[] { 1e-2, 3e-3, 1e-3 })
                {
                    using var net = new WineNet();
                    net.Fit(train, validation, new FitOptions { LearningRate = rate, Epochs = 40 });
                    errors[rate] = net.Evaluate({|#0:test|}).MeanAbsoluteError;
                }
                double best = errors.MinBy(kv => kv.Value).Key;
                Console.WriteLine($"best rate {best}");
            }
        }
        """), "MLDSL0018");

    // "Several models evaluated on test and the best kept" (Kapoor & Narayanan's L3, no loop): two architectures, each
    // scored on the test claims in a helper that returns its score, and the better one saved.
    [Fact]
    public Task Better_of_two_architectures_by_a_helpers_test_score_is_reported() => Expect(Program("""
        public static class FraudNotebook
        {
            static double Score(ClaimNet net, IReadOnlyList<Claim> rows) => net.Evaluate(rows).Accuracy;
            static double Score(DeepClaimNet net, IReadOnlyList<Claim> rows) => net.Evaluate(rows).Accuracy;

            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var split = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var small = new ClaimNet();
                using var deep = new DeepClaimNet();
                small.Fit(split.Train, split.Validation);
                deep.Fit(split.Train, split.Validation);
                double smallScore = {|#0:Score(small, split.Test)|};
                double deepScore = {|#1:Score(deep, split.Test)|};
                if (deepScore > smallScore) deep.Save("fraud.mldsl"); else small.Save("fraud.mldsl");
            }
        }
        """), "MLDSL0018", "MLDSL0018");

    // Stack Exchange (Cross Validated) "Choosing the classification threshold on the test set": the cut that maximises
    // F1 on the test claims, through a LINQ range of candidate cuts.
    [Fact]
    public Task Threshold_maximising_f1_on_test_claims_through_a_range_is_reported() => Expect(Program("""
        public static class FraudNotebook
        {
            static double F1(float[][] p, IReadOnlyList<Claim> rows, float cut)
            {
                int tp = 0, fp = 0, fn = 0;
                for (int i = 0; i < rows.Count; i++)
                {
                    bool flagged = p[i][1] >= cut;
                    if (flagged && rows[i].Fraud == 1) tp++; else if (flagged) fp++; else if (rows[i].Fraud == 1) fn++;
                }
                return 2.0 * tp / Math.Max(1, 2 * tp + fp + fn);
            }

            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var (train, validation, test) = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ClaimNet();
                net.Fit(train, validation);
                var probabilities = net.PredictProbabilities({|#0:test|});
                float cut = Enumerable.Range(1, 99).Select(i => i / 100f).MaxBy(c => F1(probabilities, test, c));
                Console.WriteLine($"cut {cut:F2}: F1 {F1(probabilities, test, cut):F3}");
            }
        }
        """), "MLDSL0018");

    // Class weights from the test labels' fraud rate ("use the real-world prevalence", a Kaggle discussion answer): a
    // statistic of the test labels feeding the fit options.
    [Fact]
    public Task Class_weights_from_the_test_claims_fraud_rate_is_reported() => Expect(Program("""
        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var split = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                double rate = {|#0:split.Test.Average(c => c.Fraud)|};
                var options = new FitOptions { Epochs = 30, ClassWeights = new[] { 1f, (float)((1 - rate) / rate) } };
                using var net = new ClaimNet();
                net.Fit(split.Train, split.Validation, options);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0018");

    // A tuner class holding the test pupils in a property from its constructor; its Best method keeps the epoch count
    // with the highest score on them (an ML-course project's `HyperTuner`).
    [Fact]
    public Task Tuner_class_keeping_the_best_epochs_by_its_held_test_pupils_is_reported() => Expect(Program("""
        public sealed class Tuner
        {
            private IReadOnlyList<Pupil> Train { get; }
            private IReadOnlyList<Pupil> Held { get; }

            public Tuner(IReadOnlyList<Pupil> train, IReadOnlyList<Pupil> held) { Train = train; Held = held; }

            public int Best(IEnumerable<int> epochs)
            {
                int best = 0; double bestScore = double.MinValue;
                foreach (int e in epochs)
                {
                    using var net = new PupilNet();
                    net.Fit(Train, null, new FitOptions { Epochs = e });
                    double score = net.Evaluate(Held).Accuracy;
                    if (score > bestScore) { bestScore = score; best = e; }
                }
                return best;
            }
        }

        public static class DropoutStudy
        {
            public static void Main()
            {
                var split = CsvFile.Read<Pupil>("pupils.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                var tuner = new Tuner(split.Train, {|#0:split.Test|});
                Console.WriteLine($"epochs {tuner.Best(new[] { 10, 20, 40 })}");
            }
        }
        """), "MLDSL0018");

    // A while loop that keeps training "until the test MAE stops improving" (a Reddit r/learnmachinelearning question):
    // the test score decides when to stop.
    [Fact]
    public Task Training_continued_while_the_test_error_improves_is_reported() => Expect(Program("""
        public static class PowerCurve
        {
            public static void Main()
            {
                var readings = CsvFile.Read<Reading>("scada.csv");
                var (train, validation, test) = readings.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new TurbineNet();
                double previous = double.MaxValue;
                while (true)
                {
                    net.Fit(train, validation, new FitOptions { Epochs = 5 });
                    double error = net.Evaluate({|#0:test|}).MeanAbsoluteError;
                    if (error >= previous) break;
                    previous = error;
                }
                Console.WriteLine($"test MAE {previous:F1}");
            }
        }
        """), "MLDSL0018");

    // Look-alike (scikit-learn's cross_val_score): fold accuracies over the training claims averaged and printed; no
    // choice is made from them.
    [Fact]
    public Task Fold_accuracies_over_training_claims_averaged_with_a_deviation_is_silent() => Expect(Program("""
        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var split = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scores = Folds.Of(split.Train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }).Select(fold =>
                {
                    using var net = new ClaimNet();
                    net.Fit(fold.Train.Select(i => split.Train[i]).ToList());
                    return net.Evaluate(fold.Validation.Select(i => split.Train[i]).ToList()).Accuracy;
                }).ToList();
                double mean = scores.Average();
                double sd = Math.Sqrt(scores.Average(s => (s - mean) * (s - mean)));
                Console.WriteLine($"accuracy {mean:P1} ± {sd:P1}");
            }
        }
        """));

    // Look-alike (the fix of the dictionary case): rates compared on validation, the chosen one scored on test once.
    [Fact]
    public Task Learning_rate_picked_from_validation_errors_then_tested_once_is_silent() => Expect(Program("""
        public static class WineNotebook
        {
            public static void Main()
            {
                var wines = CsvFile.Read<Wine>("winequality-red.csv");
                var (train, validation, test) = wines.Split();
                var errors = new Dictionary<double, double>();
                foreach (var rate in new[] { 1e-2, 3e-3, 1e-3 })
                {
                    using var probe = new WineNet();
                    probe.Fit(train, null, new FitOptions { LearningRate = rate, Epochs = 40 });
                    errors[rate] = probe.Evaluate(validation).MeanAbsoluteError;
                }
                double best = errors.MinBy(kv => kv.Value).Key;
                using var net = new WineNet();
                net.Fit(train, null, new FitOptions { LearningRate = best, Epochs = 40 });
                Console.WriteLine($"rate {best}: test MAE {net.Evaluate(test).MeanAbsoluteError:F2}");
            }
        }
        """));

    // Look-alike (reporting seed variance, as in Bouthillier et al., "Accounting for variance in ML benchmarks"): the
    // same configuration trained with five seeds, test accuracies summarised as mean and range, nothing chosen.
    [Fact]
    public Task Test_accuracy_over_five_seeds_summarised_is_silent() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Main()
            {
                var split = CsvFile.Read<Pupil>("pupils.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                var accuracies = new List<double>();
                for (int seed = 0; seed < 5; seed++)
                {
                    using var net = new PupilNet();
                    net.Fit(split.Train, split.Validation, new FitOptions { Seed = seed, Epochs = 25 });
                    accuracies.Add(net.Evaluate(split.Test).Accuracy);
                }
                Console.WriteLine($"test accuracy {accuracies.Average():P1} (min {accuracies.Min():P1}, max {accuracies.Max():P1})");
            }
        }
        """));

    // Look-alike (threshold tuned on validation probabilities, applied once to the test claims).
    [Fact]
    public Task Threshold_chosen_on_validation_claims_applied_to_test_once_is_silent() => Expect(Program("""
        public static class FraudNotebook
        {
            static int Caught(float[][] p, IReadOnlyList<Claim> rows, float cut) =>
                rows.Where((c, i) => c.Fraud == 1 && p[i][1] >= cut).Count() - rows.Where((c, i) => c.Fraud == 0 && p[i][1] >= cut).Count();

            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var (train, validation, test) = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ClaimNet();
                net.Fit(train, validation);
                var watched = net.PredictProbabilities(validation);
                float cut = new[] { 0.3f, 0.4f, 0.5f, 0.6f }.MaxBy(c => Caught(watched, validation, c));
                var tested = net.PredictProbabilities(test);
                Console.WriteLine($"cut {cut}: net caught on test {Caught(tested, test, cut)}");
            }
        }
        """));

    // Look-alike (nested model selection by hand): the inner holdout is called `test` but is carved from the training
    // part, so choosing on it is choosing on training rows; the outer test part is scored once.
    [Fact]
    public Task Choice_on_an_inner_holdout_named_test_carved_from_the_training_part_is_silent() => Expect(Program("""
        public static class PowerCurve
        {
            public static void Main()
            {
                var readings = CsvFile.Read<Reading>("scada.csv");
                var outer = readings.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0 });
                var (fit, _, test) = outer.Train.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0 });
                int bestEpochs = new[] { 20, 40, 80 }.MinBy(e =>
                {
                    using var probe = new TurbineNet();
                    probe.Fit(fit, null, new FitOptions { Epochs = e });
                    return probe.Evaluate(test).MeanAbsoluteError;
                });
                using var net = new TurbineNet();
                net.Fit(outer.Train, null, new FitOptions { Epochs = bestEpochs });
                Console.WriteLine($"{bestEpochs} epochs: test MAE {net.Evaluate(outer.Test).MeanAbsoluteError:F1}");
            }
        }
        """));
}
