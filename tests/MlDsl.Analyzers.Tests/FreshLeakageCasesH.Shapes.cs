namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set H, a third round: the same kinds hidden in program structure — class state set in a constructor, awaited loads
/// of several files, user extension methods, a ternary between two test scores, method groups, Zip, folds by hand.
/// </summary>
public sealed partial class FreshLeakageCasesH
{
    // Kind: statistics (a scaler fitted in an experiment's constructor on every row, split later in Run). Source: the
    // "Experiment" classes of ML templates (cookiecutter-data-science style) where __init__ loads and scales the data.
    private const string ScalerInConstructor = """
        public sealed class HouseExperiment
        {
            private readonly IReadOnlyList<House> rows;
            private readonly Standardizer scaler;

            public HouseExperiment(string path)
            {
                rows = CsvFile.Read<House>(path);
                scaler = Standardizer.Fit({|#0:rows|});
            }

            public double Run(int seed)
            {
                var split = rows.Split(new SplitOptions { Seed = seed });
                using var net = new HouseNet(seed: seed);
                net.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 30 });
                return net.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError;
            }

            public static void Main() => Console.WriteLine($"test MAE {new HouseExperiment("houses.csv").Run(3):F0}");
        }
        """;

    [Fact]
    public Task Scaler_fitted_in_the_constructor_on_every_house_is_reported() => Expect(Program(ScalerInConstructor), "MLDSL0016");

    [Fact]
    public Task Scaler_fitted_in_run_on_the_training_houses_is_silent() => Expect(Program(Fix(ScalerInConstructor, """
            private readonly IReadOnlyList<House> rows;
            private readonly Standardizer scaler;

            public HouseExperiment(string path)
            {
                rows = CsvFile.Read<House>(path);
                scaler = Standardizer.Fit({|#0:rows|});
            }

            public double Run(int seed)
            {
                var split = rows.Split(new SplitOptions { Seed = seed });
        """, """
            private readonly IReadOnlyList<House> rows;

            public HouseExperiment(string path) => rows = CsvFile.Read<House>(path);

            public double Run(int seed)
            {
                var split = rows.Split(new SplitOptions { Seed = seed });
                var scaler = Standardizer.Fit(split);
        """)));

    // Kind: statistics (a channel normaliser fitted on the scans of every hospital, loaded concurrently). Source: Zech
    // et al. 2018 (multi-site pneumonia models) — the usual loading code normalises over all sites' images before the split.
    private const string NormaliserOverAllSites = """
        public static async Task Main()
        {
            string[] sites = { "nih.csv", "msh.csv", "iu.csv" };
            IReadOnlyList<Scan>[] perSite = await Task.WhenAll(sites.Select(path => Task.Run(() => CsvFile.Read<Scan>(path))));
            List<Scan> scans = perSite.SelectMany(site => site).ToList();
            var normaliser = ChannelNormalizer.Fit({|#0:scans|});
            var (train, validation, test) = normaliser.Apply(scans).Split(new SplitOptions { Kind = SplitKind.Grouped });
            using var net = new ScanNet();
            net.Fit(train, validation, new FitOptions { Epochs = 15 });
            Console.WriteLine($"test accuracy {net.Evaluate(test).Accuracy:P2}");
        }
        """;

    [Fact]
    public Task Normaliser_fitted_on_the_scans_of_every_site_before_the_split_is_reported() => Expect(Script(NormaliserOverAllSites), "MLDSL0016");

    [Fact]
    public Task Normaliser_fitted_on_the_training_scans_is_silent() => Expect(Script(Fix(NormaliserOverAllSites, """
            var normaliser = ChannelNormalizer.Fit({|#0:scans|});
            var (train, validation, test) = normaliser.Apply(scans).Split(new SplitOptions { Kind = SplitKind.Grouped });
        """, """
            var split = scans.Split(new SplitOptions { Kind = SplitKind.Grouped });
            var normaliser = ChannelNormalizer.Fit(split);
            Scan[] train = normaliser.Apply(split.Train), validation = normaliser.Apply(split.Validation), test = normaliser.Apply(split.Test);
        """)));

    // Kind: rows multiplied (a user extension method that duplicates the frauds, chained before the split). Source:
    // "upsample minority class" helpers (sklearn.utils.resample on the whole frame) in fraud notebooks.
    private const string BalanceExtension = """
        public static class Balancing
        {
            public static List<Transaction> Balance(this IReadOnlyList<Transaction> rows) =>
                rows.Concat(rows.Where(r => r.Fraud == 1)).Concat(rows.Where(r => r.Fraud == 1)).ToList();
        }

        public static class FraudBalance
        {
            public static void Main()
            {
                IReadOnlyList<Transaction> raw = CsvFile.Read<Transaction>("creditcard.csv");
                List<Transaction> balanced = {|#0:raw.Balance()|};
                var split = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new FraudNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 10 });
                Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P3}");
            }
        }
        """;

    [Fact]
    public Task Extension_method_that_duplicates_frauds_before_the_split_is_reported() => Expect(Program(BalanceExtension), "MLDSL0026");

    [Fact]
    public Task Extension_method_that_duplicates_frauds_of_the_training_part_is_silent() => Expect(Program(Fix(BalanceExtension, """
                List<Transaction> balanced = {|#0:raw.Balance()|};
                var split = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new FraudNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 10 });
        """, """
                var split = raw.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new FraudNet();
                net.Fit(split.Train.Balance(), split.Validation, new FitOptions { Epochs = 10 });
        """)));

    // Kind: test steering (a ternary keeps whichever of two models scores higher on test). Source: Cross Validated
    // "Is it wrong to choose between two models using the test set?" (yes; the winner's test score is biased upward).
    private const string TernaryOnTest = """
        public static void Main()
        {
            var (train, validation, test) = CsvFile.Read<Clip>("ravdess-mfcc.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
            var shallow = new ClipNet(seed: 1);
            var longer = new ClipNet(seed: 2);
            shallow.Fit(train, validation, new FitOptions { Epochs = 20 });
            longer.Fit(train, validation, new FitOptions { Epochs = 80 });
            ClipNet chosen = shallow.Evaluate({|#0:test|}).Accuracy >= longer.Evaluate({|#1:test|}).Accuracy ? shallow : longer;
            chosen.Save("emotion.mldsl");
        }
        """;

    [Fact]
    public Task Ternary_keeping_the_model_with_the_higher_test_accuracy_is_reported() =>
        Expect(Script(TernaryOnTest), "MLDSL0018", "MLDSL0018");

    [Fact]
    public Task Ternary_keeping_the_model_with_the_higher_validation_accuracy_is_silent() => Expect(Script(Fix(TernaryOnTest,
        "shallow.Evaluate({|#0:test|}).Accuracy >= longer.Evaluate({|#1:test|}).Accuracy",
        "shallow.Evaluate(validation).Accuracy >= longer.Evaluate(validation).Accuracy")));

    // Kind: training scores (a helper that trains and scores on what it is given, fed every row, result in a record).
    // Source: "def train_and_evaluate(X, y)" helpers that fit and score the same arrays (Stack Overflow "100% accuracy").
    // Reported inside the helper, where it fits and scores the same parameter, whoever calls it.
    private const string TrainAndScoreHelper = """
        public sealed record RunResult(string Name, double Accuracy, int Rows);

        public static class Harness
        {
            public static async Task<RunResult> TrainAndScoreAsync(string name, IReadOnlyList<Passenger> rows)
            {
                using var net = new TitanicNet();
                await Task.Run(() => net.Fit(rows, options: new FitOptions { Epochs = 40 }));
                return new RunResult(name, net.Evaluate({|#0:rows|}).Accuracy, rows.Count);
            }

            public static async Task Main()
            {
                var passengers = CsvFile.Read<Passenger>("titanic.csv");
                RunResult result = await TrainAndScoreAsync("baseline", passengers);
                result = result with { Name = result.Name + " (titanic)" };
                Console.WriteLine($"{result.Name}: {result.Accuracy:P2} on {result.Rows} rows");
            }
        }
        """;

    [Fact]
    public Task Async_helper_that_trains_and_scores_on_every_passenger_is_reported() => Expect(Program(TrainAndScoreHelper), "MLDSL0027");

    [Fact]
    public Task Async_helper_that_trains_on_one_part_and_scores_another_is_silent() => Expect(Program(Fix(TrainAndScoreHelper, """
            public static async Task<RunResult> TrainAndScoreAsync(string name, IReadOnlyList<Passenger> rows)
            {
                using var net = new TitanicNet();
                await Task.Run(() => net.Fit(rows, options: new FitOptions { Epochs = 40 }));
                return new RunResult(name, net.Evaluate({|#0:rows|}).Accuracy, rows.Count);
            }
        """, """
            public static async Task<RunResult> TrainAndScoreAsync(string name, IReadOnlyList<Passenger> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TitanicNet();
                await Task.Run(() => net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 40 }));
                return new RunResult(name, net.Evaluate(split.Test).Accuracy, split.Test.Count);
            }
        """)));

    // Kind: entangled (a helper given as a method group writes a feature from the row's own label). Source: the
    // "noisy copy of the target" leak of Kaggle competitions (e.g. a risk score computed from the outcome column).
    private const string EnrichFromLabel = """
        public static class Enrichment
        {
            public static Subscriber AddRisk(Subscriber s) => s with { {|#0:ContractRisk = s.Churn * 0.8f + 0.1f|} };
        }

        public static class ChurnEnriched
        {
            public static void Main()
            {
                var rows = CsvFile.Read<Subscriber>("telco.csv").Select(Enrichment.AddRisk).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ChurnNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 20 });
                Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Method_group_that_writes_a_risk_feature_from_the_churn_label_is_reported() => Expect(Program(EnrichFromLabel), "MLDSL0017");

    [Fact]
    public Task Method_group_that_writes_a_risk_feature_from_support_calls_is_silent() => Expect(Program(Fix(EnrichFromLabel,
        "{|#0:ContractRisk = s.Churn * 0.8f + 0.1f|}", "ContractRisk = s.SupportCalls * 0.1f")));

    // Kind: same rows (validation rows that are a slice of the training rows). Source: Stack Overflow "validation
    // accuracy higher than training accuracy" — the validation set was a filter of X_train.
    private const string ValidationSliceOfTrain = """
        public static void Main()
        {
            var split = CsvFile.Read<Passenger>("titanic.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0 });
            List<Passenger> seniors = split.Train.Where(p => p.Age >= 60).ToList();
            using var net = new TitanicNet();
            net.Fit(split.Train, {|#0:seniors|}, new FitOptions { Epochs = 40, EarlyStoppingPatience = 5 });
            Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
        }
        """;

    [Fact]
    public Task Validation_rows_filtered_from_the_training_rows_is_reported() => Expect(Script(ValidationSliceOfTrain), "MLDSL0020");

    [Fact]
    public Task Validation_rows_of_their_own_part_is_silent() => Expect(Script(Fix(ValidationSliceOfTrain, """
            var split = CsvFile.Read<Passenger>("titanic.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0 });
            List<Passenger> seniors = split.Train.Where(p => p.Age >= 60).ToList();
            using var net = new TitanicNet();
            net.Fit(split.Train, {|#0:seniors|}, new FitOptions { Epochs = 40, EarlyStoppingPatience = 5 });
        """, """
            var split = CsvFile.Read<Passenger>("titanic.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.15 });
            List<Passenger> seniors = split.Validation.Where(p => p.Age >= 60).ToList();
            using var net = new TitanicNet();
            net.Fit(split.Train, seniors, new FitOptions { Epochs = 40, EarlyStoppingPatience = 5 });
        """)));

    // Kind: in-sample stacking (probabilities of a model fitted on every subscriber zipped back into the rows).
    // Source: two-stage churn models that append stage-one probabilities before the train/test split.
    private const string ZipProbabilities = """
        public static void Main()
        {
            IReadOnlyList<Subscriber> rows = CsvFile.Read<Subscriber>("telco.csv");
            using var stageOne = new ChurnNet(seed: 1);
            stageOne.Fit(rows, options: new FitOptions { Epochs = 15 });
            var stacked = rows.Zip({|#0:stageOne.PredictProbabilities(rows)|}, (r, p) => r with { ContractRisk = p[1] }).ToList();
            var split = stacked.Split(new SplitOptions { Kind = SplitKind.Stratified });
            using var stageTwo = new ChurnNet(seed: 2);
            stageTwo.Fit(split.Train, split.Validation, new FitOptions { Epochs = 15 });
            Console.WriteLine($"two-stage test accuracy {stageTwo.Evaluate(split.Test).Accuracy:P2}");
        }
        """;

    [Fact]
    public Task Stage_one_probabilities_for_its_own_rows_zipped_in_is_reported() => Expect(Script(ZipProbabilities), "MLDSL0028");

    [Fact]
    public Task Stage_one_probabilities_for_rows_it_never_saw_is_silent() => Expect(Script(Fix(ZipProbabilities, """
            using var stageOne = new ChurnNet(seed: 1);
            stageOne.Fit(rows, options: new FitOptions { Epochs = 15 });
            var stacked = rows.Zip({|#0:stageOne.PredictProbabilities(rows)|}, (r, p) => r with { ContractRisk = p[1] }).ToList();
        """, """
            var (stageOneRows, rest, _) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0, Test = 0.6 });
            using var stageOne = new ChurnNet(seed: 1);
            stageOne.Fit(stageOneRows, options: new FitOptions { Epochs = 15 });
            var stacked = rest.Zip(stageOne.PredictProbabilities(rest), (r, p) => r with { ContractRisk = p[1] }).ToList();
        """)));

    // Kind: time leakage (shuffled k-fold over daily sales in a hand-written fold loop). Source: scikit-learn's
    // TimeSeriesSplit documentation and the many Cross Validated answers against KFold on time series.
    private const string KFoldOverDays = """
        public static void Main()
        {
            var days = CsvFile.Read<StoreDay>("store-sales.csv");
            var errors = new List<double>();
            foreach (Fold fold in {|#0:Folds.Of(days)|})
            {
                var foldTrain = fold.Train.Select(i => days[i]).ToList();
                var foldValidation = fold.Validation.Select(i => days[i]).ToList();
                using var net = new SalesNet();
                net.Fit(foldTrain, options: new FitOptions { Epochs = 20 });
                errors.Add(net.Evaluate(foldValidation).MeanAbsoluteError);
            }

            Console.WriteLine($"cross-validated MAE {errors.Average():F1}");
        }
        """;

    [Fact]
    public Task Default_k_fold_over_daily_sales_is_reported() => Expect(Script(KFoldOverDays), "MLDSL0019");

    [Fact]
    public Task Time_series_folds_over_daily_sales_is_silent() => Expect(Script(Fix(KFoldOverDays,
        "{|#0:Folds.Of(days)|}", "Folds.Of(days, new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 5 })")));

    // Look-alike (precision): each patient's scans normalised by that patient's own mean, then split by patient —
    // a per-group statistic with no label that never crosses the grouped split.
    [Fact]
    public Task Per_patient_normalisation_before_a_split_by_patient_is_silent() => Expect(Script("""
        public static void Main()
        {
            var scans = CsvFile.Read<Scan>("pneumonia.csv");
            var patientMean = scans.GroupBy(s => s.Patient).ToDictionary(g => g.Key, g => g.Average(s => s.Pixels.Average()));
            var centred = scans.Select(s => s with { Pixels = s.Pixels.Select(v => v - patientMean[s.Patient]).ToArray() }).ToList();
            var split = centred.Split(new SplitOptions { Kind = SplitKind.Grouped });
            using var net = new ScanNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 15 });
            Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
        }
        """));
    // Kind: statistics (a split copied with `with` so that its training member also holds the test rows, then the
    // scaler fitted on that split). Source: Cross Validated "should I refit the scaler on train+test before predicting
    // test?" — the answer's counter-example, restated with a record copy.
    private const string SplitCopyWithTest = """
        public static void Main()
        {
            var split = CsvFile.Read<Transaction>("creditcard.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
            var widened = split with { Train = split.Train.Concat(split.Test).ToList() };
            var scaler = Standardizer.Fit({|#0:widened|});
            using var net = new FraudNet();
            net.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 10 });
            Console.WriteLine($"test accuracy {net.Evaluate(scaler.Apply(split.Test)).Accuracy:P3}");
        }
        """;

    [Fact]
    public Task Scaler_fitted_on_a_split_copy_whose_training_member_holds_the_test_rows_is_reported() =>
        Expect(Script(SplitCopyWithTest), "MLDSL0016");

    [Fact]
    public Task Scaler_fitted_on_the_split_itself_is_silent() => Expect(Script(Fix(SplitCopyWithTest, """
            var widened = split with { Train = split.Train.Concat(split.Test).ToList() };
            var scaler = Standardizer.Fit({|#0:widened|});
        """, """
            var scaler = Standardizer.Fit(split);
        """)));
}
