namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set M, more leaks in less common shapes: parallel loops, records of trials, iterators, ranked vocabularies, target
/// scaling, training on parts that include the test rows, grouped data with stratified folds.
/// </summary>
public sealed partial class FreshLeakageCasesM
{
    // Target standardisation on every wine before the split (a regression notebook's `y = (y - y.mean()) / y.std()`
    // cell above train_test_split): the test quality is inside the statistic.
    [Fact]
    public Task Quality_standardised_with_the_mean_of_every_wine_is_reported() => Expect(Program("""
        public static class WineNotebook
        {
            public static void Main()
            {
                var wines = CsvFile.Read<Wine>("winequality-red.csv");
                float mean = {|#0:wines.Average(w => w.Quality)|};
                var centred = wines.Select(w => w with { Quality = w.Quality - mean }).ToList();
                var (train, validation, test) = centred.Split();
                using var net = new WineNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");

    // Garages ranked by how often they appear in every claim (a frequency "vocabulary", pandas `value_counts().rank()`)
    // and the rank written into the rows before the split.
    [Fact]
    public Task Garages_ranked_by_frequency_over_every_claim_is_reported() => Expect(Program("""
        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var rank = {|#0:claims.GroupBy(c => c.Garage)|}.OrderByDescending(g => g.Count())
                    .Select((g, i) => (g.Key, Rank: i)).ToDictionary(x => x.Key, x => (float)x.Rank);
                var ranked = claims.Select(c => c with { GarageRate = rank[c.Garage] }).ToList();
                var split = ranked.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ClaimNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // Candidates trained in parallel (Parallel.ForEach), their test accuracies collected in a concurrent dictionary and
    // the best one kept.
    [Fact]
    public Task Best_of_candidates_trained_in_parallel_by_test_accuracy_is_reported() => Expect(Program("""
        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var (train, validation, test) = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scores = new System.Collections.Concurrent.ConcurrentDictionary<int, double>();
                Parallel.ForEach(new[] { 10, 20, 40, 80 }, epochs =>
                {
                    using var net = new ClaimNet();
                    net.Fit(train, validation, new FitOptions { Epochs = epochs });
                    scores[epochs] = net.Evaluate({|#0:test|}).Accuracy;
                });
                int best = scores.MaxBy(kv => kv.Value).Key;
                Console.WriteLine($"best epochs {best}");
            }
        }
        """), "MLDSL0018");

    // Trials kept as records and the one with the lowest test error taken from the front of an ordering.
    [Fact]
    public Task Rate_of_the_trial_with_the_lowest_test_error_from_a_list_of_records_is_reported() => Expect(Program("""
        public sealed record Trial(double Rate, double TestError);

        public static class PowerCurve
        {
            static Trial Run(double rate, DataSplit<Reading> split)
            {
                using var net = new TurbineNet();
                net.Fit(split.Train, split.Validation, new FitOptions { LearningRate = rate });
                return new Trial(rate, net.Evaluate(split.Test).MeanAbsoluteError);
            }

            public static void Main()
            {
                var split = CsvFile.Read<Reading>("scada.csv").Split(new SplitOptions { Kind = SplitKind.ByTime });
                var trials = new List<Trial>();
                foreach (var rate in new[] { 1e-2, 1e-3, 1e-4 }) trials.Add(Run(rate, split));
                double chosen = {|#0:trials.OrderBy(t => t.TestError)|}.First().Rate;
                Console.WriteLine($"rate {chosen}");
            }
        }
        """), "MLDSL0018");

    // The cut ordered by test F1 and taken from the front (First), a variant of the threshold sweep.
    [Fact]
    public Task Cut_ordered_by_test_f1_and_taken_first_is_reported() => Expect(Program("""
        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var (train, validation, test) = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ClaimNet();
                net.Fit(train, validation);
                float[][] p = net.PredictProbabilities({|#0:test|});
                double F1(float cut)
                {
                    int tp = test.Where((c, i) => c.Fraud == 1 && p[i][1] >= cut).Count();
                    int flagged = p.Count(q => q[1] >= cut);
                    int positives = test.Count(c => c.Fraud == 1);
                    return 2.0 * tp / Math.Max(1, flagged + positives);
                }
                float chosen = new[] { 0.2f, 0.35f, 0.5f, 0.65f }.OrderByDescending(F1).First();
                Console.WriteLine($"cut {chosen}");
            }
        }
        """), "MLDSL0018");

    // Test-time style augmentation done as an iterator over every wine (each original and a perturbed copy), then
    // cross-validated.
    [Fact]
    public Task Iterator_yielding_every_wine_and_a_copy_before_cross_validation_is_reported() => Expect(Program("""
        public static class WineNotebook
        {
            static IEnumerable<Wine> Augmented(IEnumerable<Wine> wines)
            {
                foreach (var w in wines)
                {
                    yield return w;
                    yield return w with { Sugar = w.Sugar * 1.05f };
                }
            }

            public static void Main()
            {
                var wines = CsvFile.Read<Wine>("winequality-red.csv");
                var rows = {|#0:Augmented(wines)|}.ToList();
                var result = CrossValidation.Run(rows, CrossValidation.TrainModel<Wine, WineNet>(() => new WineNet()));
                Console.WriteLine($"MAE {result.Mean:F2} ± {result.StandardDeviation:F2}");
            }
        }
        """), "MLDSL0026");

    // Trained on every reading (the split made only "to get a test set" afterwards) and scored on the test part, which
    // it trained on.
    [Fact]
    public Task Model_trained_on_every_reading_scored_on_the_test_part_is_reported() => Expect(Program("""
        public static class PowerCurve
        {
            public static void Main()
            {
                var readings = CsvFile.Read<Reading>("scada.csv");
                using var net = new TurbineNet();
                net.Fit(readings, null, new FitOptions { Epochs = 40 });
                var split = readings.Split(new SplitOptions { Kind = SplitKind.ByTime });
                Console.WriteLine($"test MAE {net.Evaluate({|#0:split.Test|}).MeanAbsoluteError:F1}");
            }
        }
        """), "MLDSL0027");

    // The training part and the test part concatenated for the final fit ("more data is better"), then the test part
    // scored.
    [Fact]
    public Task Final_fit_on_training_and_test_pupils_scored_on_test_is_reported() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Main()
            {
                var split = CsvFile.Read<Pupil>("pupils.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                var everything = new List<Pupil>(split.Train);
                everything.AddRange(split.Test);
                using var net = new PupilNet();
                net.Fit(everything, split.Validation);
                Console.WriteLine($"test accuracy {net.Evaluate({|#0:split.Test|}).Accuracy:P2}");
            }
        }
        """), "MLDSL0027");

    // Stratified folds for a grid search over pupils that declare a school key.
    [Fact]
    public Task Grid_search_with_stratified_folds_over_pupils_with_a_school_key_is_reported() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Main()
            {
                var split = CsvFile.Read<Pupil>("pupils.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                var search = GridSearch.CrossValidate(split.Train, new[] { 10, 20, 40 },
                    e => CrossValidation.TrainModel<Pupil, PupilNet>(() => new PupilNet(), new FitOptions { Epochs = e }),
                    {|#0:new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }|});
                using var net = new PupilNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = search.BestParameters });
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0019");

    // A school code kept as an integer feature: schools repeat across pupils, so it is a group key the model memorises.
    [Fact]
    public Task School_code_as_an_integer_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Enrolment
        {
            [Feature] public int {|#0:SchoolCode|} { get; init; }
            [Feature] public float Attendance { get; init; }
            [Feature] public float FirstTerm { get; init; }
            [Label(Classes = 2)] public int Dropout { get; init; }
        }

        [Model(typeof(Enrolment))]
        public sealed partial class EnrolmentNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");

    // Test claims used as early-stopping rows through a helper that wraps Fit with patience.
    [Fact]
    public Task Test_claims_given_to_a_training_helper_with_patience_is_reported() => Expect(Program("""
        public static class Training
        {
            public static FitReport WithPatience(ClaimNet net, IReadOnlyList<Claim> fit, IReadOnlyList<Claim> stopOn) =>
                net.Fit(fit, stopOn, new FitOptions { Epochs = 100, EarlyStoppingPatience = 5 });
        }

        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var (train, validation, test) = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ClaimNet();
                var report = Training.WithPatience(net, train, {|#0:test|});
                Console.WriteLine($"stopped at {report.StoppedEarlyAt}");
            }
        }
        """), "MLDSL0018");
}
