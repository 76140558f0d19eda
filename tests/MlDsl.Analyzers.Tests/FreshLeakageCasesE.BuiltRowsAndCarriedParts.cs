namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixH's kinds, over set E's rows and script frame: (K1) rows the program builds itself, by hand in a loop or parsed from a
/// file's lines in a loader, are a source like a read (one per place built, and per call of a helper that builds them);
/// (K2) a part's label (test) kept through carriers: a local function's result, a part prepared inside a loop over parts.
/// </summary>
public sealed partial class FreshLeakageCasesE
{
    private const string MadeInAHelper = """
        static List<Transaction> Synthetic(int count, int seed)
        {
            var random = new Random(seed);
            var made = new List<Transaction>();
            for (int i = 0; i < count; i++)
                made.Add(new Transaction { Amount = (float)random.NextDouble() * 100f, V1 = (float)random.NextDouble(), Fraud = i % 20 == 0 ? 1 : 0 });
            return made;
        }

        """;

    // K1 — rows built in a fixture helper, standardised as a whole, then split.
    [Fact]
    public Task K1_rows_built_by_a_helper_standardised_before_the_split_are_reported() => Expect(Script(MadeInAHelper + """
        public static void Main()
        {
            var rows = Synthetic(2000, seed: 3);
            var scaler = Standardizer.Fit({|#0:rows|});
            var split = scaler.Apply(rows).Split(new SplitOptions { Kind = SplitKind.Stratified });
            var model = new FraudNet();
            model.Fit(split.Train, split.Validation);
            Console.WriteLine($"accuracy {model.Evaluate(split.Test).Accuracy:P2}");
        }
        """), "MLDSL0016");

    [Fact]
    public Task K1_rows_built_by_a_helper_split_before_the_scaler_is_fitted_are_silent() => Expect(Script(MadeInAHelper + """
        public static void Main()
        {
            var split = Synthetic(2000, seed: 3).Split(new SplitOptions { Kind = SplitKind.Stratified });
            var scaler = Standardizer.Fit(split);
            var model = new FraudNet();
            model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
            Console.WriteLine($"accuracy {model.Evaluate(scaler.Apply(split.Test)).Accuracy:P2}");
        }
        """));

    // K1 — rows parsed from a file's lines inline (no loader), then standardised before the split.
    [Fact]
    public Task K1_rows_parsed_from_file_lines_standardised_before_the_split_are_reported() => Expect(Script("""
        public static void Main()
        {
            var rows = System.IO.File.ReadAllLines("transactions.csv").Skip(1)
                .Select(line => line.Split(','))
                .Select(f => new Transaction { Amount = float.Parse(f[0]), V1 = float.Parse(f[1]), Fraud = int.Parse(f[2]) })
                .ToList();
            var scaler = Standardizer.Fit({|#0:rows|});
            var (train, validation, test) = scaler.Apply(rows).Split(new SplitOptions { Kind = SplitKind.Stratified });
            var model = new FraudNet();
            model.Fit(train, validation);
            Console.WriteLine($"accuracy {model.Evaluate(test).Accuracy:P2}");
        }
        """), "MLDSL0016");

    // K1 — a loader helper with a path parameter, oversampled as a whole before the split.
    [Fact]
    public Task K1_rows_of_a_parsing_loader_oversampled_before_the_split_are_reported() => Expect(Script("""
        static IReadOnlyList<Transaction> Parse(string path) => System.IO.File.ReadLines(path)
            .Select(line => line.Split(','))
            .Select(f => new Transaction { Amount = float.Parse(f[0]), Fraud = int.Parse(f[1]) })
            .ToList();

        public static void Main()
        {
            var all = Parse("transactions.csv");
            var balanced = {|#0:Oversampler.Augment(all, (t, random) => t with { Amount = t.Amount * 1.01f }, copies: 2, seed: 5)|};
            var split = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
            var model = new FraudNet();
            model.Fit(split.Train, split.Validation);
            Console.WriteLine($"accuracy {model.Evaluate(split.Test).Accuracy:P2}");
        }
        """), "MLDSL0026");

    // K1 look-alike — three calls of a fixture give three sets of rows: training, validation and test never share one.
    [Fact]
    public Task K1_three_calls_of_a_fixture_as_train_validation_and_test_are_silent() => Expect(Script(MadeInAHelper + """
        public static void Main()
        {
            List<Transaction> train = Synthetic(600, seed: 1), validation = Synthetic(100, seed: 2);
            var scaler = Standardizer.Fit(train);
            var model = new FraudNet();
            model.Fit(scaler.Apply(train), scaler.Apply(validation));
            Console.WriteLine($"accuracy {model.Evaluate(scaler.Apply(Synthetic(100, seed: 3))).Accuracy:P2}");
        }
        """));

    // K1 look-alike — one parsing loader called with two files: two sources, fitted on the first, scored on the second.
    [Fact]
    public Task K1_parsing_loader_called_for_a_training_file_and_a_test_file_is_silent() => Expect(Script("""
        static IReadOnlyList<Transaction> Parse(string path) => System.IO.File.ReadLines(path)
            .Select(line => line.Split(','))
            .Select(f => new Transaction { Amount = float.Parse(f[0]), Fraud = int.Parse(f[1]) })
            .ToList();

        public static void Main()
        {
            var training = Parse("train.csv");
            var scaler = Standardizer.Fit(training);
            var model = new FraudNet();
            model.Fit(scaler.Apply(training), null, new FitOptions { Epochs = 5 });
            Console.WriteLine($"accuracy {model.Evaluate(scaler.Apply(Parse("test.csv"))).Accuracy:P2}");
        }
        """));

    // K2 — the test part through a local function that prepares a part, given to Fit as validation.
    [Fact]
    public Task K2_test_part_prepared_by_a_local_function_as_validation_is_reported() => Expect(Script("""
        public static void Main()
        {
            var split = Kaggle.CreditCard().Split(new SplitOptions { Kind = SplitKind.Stratified });
            var scaler = Standardizer.Fit(split);
            Transaction[] Prepared(IReadOnlyList<Transaction> part) => scaler.Apply(part);
            var model = new FraudNet();
            model.Fit(Prepared(split.Train), {|#0:Prepared(split.Test)|}, new FitOptions { Epochs = 10 });
            model.Save("fraud.mldsl");
        }
        """), "MLDSL0018");

    [Fact]
    public Task K2_validation_part_prepared_by_a_local_function_as_validation_is_silent() => Expect(Script("""
        public static void Main()
        {
            var split = Kaggle.CreditCard().Split(new SplitOptions { Kind = SplitKind.Stratified });
            var scaler = Standardizer.Fit(split);
            Transaction[] Prepared(IReadOnlyList<Transaction> part) => scaler.Apply(part);
            var model = new FraudNet();
            model.Fit(Prepared(split.Train), Prepared(split.Validation), new FitOptions { Epochs = 10 });
            Console.WriteLine($"accuracy {model.Evaluate(Prepared(split.Test)).Accuracy:P2}");
        }
        """));

    // K2 look-alike — every part scored in a loop through a helper that prepares it: the training score is reported beside the test one.
    [Fact]
    public Task K2_every_part_prepared_and_scored_in_a_loop_is_silent() => Expect(Script("""
        public static void Main()
        {
            var (train, validation, test) = Kaggle.CreditCard().Split(new SplitOptions { Kind = SplitKind.Stratified });
            var scaler = Standardizer.Fit(train);
            var model = new FraudNet();
            model.Fit(scaler.Apply(train), scaler.Apply(validation), new FitOptions { Epochs = 10 });
            foreach (var part in new[] { train, test })
                Console.WriteLine($"{model.Evaluate(scaler.Apply(part)).Accuracy:P2}");
        }
        """));

    private const string FoldScoreHelper = """
        static double FoldScore(IReadOnlyList<Transaction> training)
        {
            var scores = new List<double>();
            //SCALER-OUTSIDE
            foreach (Fold fold in Folds.Of(training, new FoldOptions { Folds = 5 }))
            {
                var inner = fold.Train.Select(i => training[i]).ToList();
                var held = fold.Validation.Select(i => training[i]).ToList();
                //SCALER-INSIDE
                using var model = new FraudNet();
                model.Fit(scaler.Apply(inner), null, new FitOptions { Epochs = 5 });
                scores.Add(model.Evaluate(scaler.Apply(held)).Accuracy);
            }
            return scores.Average();
        }

        public static void Main()
        {
            var (train, _, test) = Kaggle.CreditCard().Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0 });
            Console.WriteLine($"cv accuracy {FoldScore(train):P2}");
        }
        """;

    // K2 — fold index selections of a training parameter inside a helper are parts of it: a scaler fitted on the whole
    // parameter before the folds has seen every fold's validation rows.
    [Fact]
    public Task K2_scaler_fitted_on_the_whole_training_parameter_before_its_folds_is_reported() => Expect(Script(FoldScoreHelper
        .Replace("//SCALER-OUTSIDE", "var scaler = Standardizer.Fit({|#0:training|});").Replace("//SCALER-INSIDE", "")), "MLDSL0016");

    [Fact]
    public Task K2_scaler_fitted_on_each_folds_training_rows_is_silent() => Expect(Script(FoldScoreHelper
        .Replace("//SCALER-OUTSIDE", "").Replace("//SCALER-INSIDE", "var scaler = Standardizer.Fit(inner);")));

    // K1 look-alike — rows built by a fixture, cross-validated by a scorer that reads a statistic of each fold's validation rows.
    [Fact]
    public Task K1_built_rows_cross_validated_by_a_scorer_over_the_fold_validation_rows_are_silent() => Expect(Script("""
        static Transaction[] Rows(int count = 20) =>
            Enumerable.Range(0, count).Select(i => new Transaction { V1 = i, Fraud = i % 2 }).ToArray();

        public static void Main()
        {
            CrossValidationResult result = CrossValidation.Run(Rows(), (train, validation) => validation.Min(row => row.V1), new FoldOptions { Folds = 4 });
            Console.WriteLine(result);
        }
        """));
}
