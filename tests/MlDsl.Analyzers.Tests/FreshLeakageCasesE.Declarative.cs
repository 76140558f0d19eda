namespace MlDsl.Analyzers.Tests;

/// <summary>Set E, the same leaks in a pipeline's [Ingest] and in Keras-style validation rows and bootstraps.</summary>
public sealed partial class FreshLeakageCasesE
{
    // L1.2 in the declarative form — the fraud pipeline's [Ingest] standardises every transaction, and the pipeline splits them.
    [Fact]
    public Task Fraud_pipeline_ingest_that_standardises_every_row_is_reported() => Expect(Program("""
        [Pipeline(typeof(FraudNet), ClassNames = new[] { "genuine", "fraud" })]
        [Split(Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.2)]
        [Train(Epochs = 20, Oversample = OversampleKind.Smote)]
        public sealed partial class FraudPipeline
        {
            [Ingest]
            private static IReadOnlyList<Transaction> Load()
            {
                var transactions = CsvFile.Read<Transaction>("data/creditcard.csv");
                Console.WriteLine($"{transactions.Count} transactions");
                var scaler = Standardizer.Fit({|#0:transactions|});
                return scaler.Apply(transactions);
            }
        }
        """), "MLDSL0016");

    // L1.2 fixed declaratively — [Transform] fits on the training split, SMOTE touches the training split only.
    [Fact]
    public Task Fraud_pipeline_with_a_transform_stage_is_silent() => Expect(Program("""
        [Pipeline(typeof(FraudNet), ClassNames = new[] { "genuine", "fraud" })]
        [Split(Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.2)]
        [Transform(TransformKind.Standardize, Impute = ImputeStrategy.Median)]
        [Train(Epochs = 20, Oversample = OversampleKind.Smote, EarlyStoppingPatience = 3)]
        public sealed partial class FraudPipeline
        {
            [Ingest]
            private static IReadOnlyList<Transaction> Load()
            {
                var transactions = CsvFile.Read<Transaction>("data/creditcard.csv");
                return transactions.Where(t => t.Amount >= 0).ToList();
            }
        }
        """));

    // L1.1 — Keras validation_split done by hand from the training rows themselves.
    [Fact]
    public Task Validation_rows_taken_from_inside_the_training_rows_is_reported() => Expect(Script("""
        public static void Main()
        {
            var (train, _, test) = Kaggle.Titanic("train.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0 });
            var imputer = Imputer.Fit(train, ImputeStrategy.Median);
            var rows = imputer.Apply(train);
            var watch = rows.Take(rows.Length / 10).ToList();

            var model = new TitanicNet();
            model.Fit(rows, {|#0:watch|}, new FitOptions { Epochs = 100, EarlyStoppingPatience = 10 });
            Console.WriteLine($"test accuracy {model.Evaluate(imputer.Apply(test)).Accuracy:P2}");
        }
        """), "MLDSL0020");

    // L1.4 — a bootstrap sample (with replacement) of all houses, then split: duplicates on both sides.
    [Fact]
    public Task Bootstrap_of_every_house_before_the_split_is_reported() => Expect(Script("""
        public static void Main()
        {
            var houses = Kaggle.Houses("train.csv");
            var random = new Random(3);
            var bootstrap = {|#0:Enumerable.Range(0, houses.Count * 2).Select(_ => houses[random.Next(houses.Count)])|}.ToList();
            Console.WriteLine($"{bootstrap.Count} rows, {bootstrap.Distinct().Count()} distinct");

            var split = bootstrap.Split(new SplitOptions { Test = 0.2 });
            var model = new HouseNet();
            model.Fit(split.Train, split.Validation);
            Console.WriteLine($"test MAE {model.Evaluate(split.Test).MeanAbsoluteError:F4}");
        }
        """), "MLDSL0026");

    // tuning on the test set — the grid search is given the test part as its validation rows.
    [Fact]
    public Task Grid_search_scored_on_the_test_part_is_reported() => Expect(Script("""
        public static void Main()
        {
            var split = Kaggle.CreditCard().Split(new SplitOptions { Kind = SplitKind.Stratified });
            var grid = GridSearch.Grid(new[] { 1e-3, 1e-2 }, new[] { 0.0, 1e-4 });
            var search = GridSearch.OnValidation(split.Train, {|#0:split.Test|}, grid,
                p => CrossValidation.TrainModel<Transaction, FraudNet>(() => new FraudNet(), new FitOptions { LearningRate = p.Item1, WeightDecay = p.Item2 }));
            Console.WriteLine($"best {search.BestParameters}: {search.Best.Score}");
        }
        """), "MLDSL0018");

    // House Prices — "price per square foot" computed from the sale price and used as a feature.
    [Fact]
    public Task Price_per_square_foot_from_the_sale_price_as_a_feature_is_reported() => Expect(Script("""
        public static void Main()
        {
            var houses = Kaggle.Houses("train.csv");
            var engineered = houses
                .Select(h => h with { {|#0:LotArea = MathF.Exp(h.LogPrice) / Math.Max(1f, h.GrLivArea)|} })
                .ToList();
            Console.WriteLine($"mean price per sq ft {engineered.Average(h => h.LotArea):F1}");

            var (train, validation, test) = engineered.Split();
            var model = new HouseNet();
            model.Fit(train, validation);
            Console.WriteLine($"test MAE {model.Evaluate(test).MeanAbsoluteError:F4}");
        }
        """), "MLDSL0017");

    // model choice by cross-validation on the training rows, then one test score — the careful version.
    [Fact]
    public Task Two_architectures_compared_by_cross_validation_then_one_test_score_is_silent() => Expect(Script("""
        public static void Main()
        {
            var (train, _, test) = Kaggle.Titanic("train.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0 });
            var folds = new FoldOptions { Kind = FoldKind.Stratified, Folds = 5, Shuffle = true };
            FitOnFold<Passenger> impute = foldTrain => { var imputer = Imputer.Fit(foldTrain, ImputeStrategy.Median); return rows => imputer.Apply(rows); };

            var slow = CrossValidation.Run(train, CrossValidation.TrainModel<Passenger, TitanicNet>(() => new TitanicNet(), new FitOptions { LearningRate = 1e-3 }), folds, impute);
            var fast = CrossValidation.Run(train, CrossValidation.TrainModel<Passenger, TitanicNet>(() => new TitanicNet(), new FitOptions { LearningRate = 1e-2 }), folds, impute);
            double rate = slow.Mean >= fast.Mean ? 1e-3 : 1e-2;
            Console.WriteLine($"slow {slow}, fast {fast}: using {rate}");

            var imputer = Imputer.Fit(train, ImputeStrategy.Median);
            var model = new TitanicNet();
            model.Fit(imputer.Apply(train), null, new FitOptions { LearningRate = rate });
            Console.WriteLine($"test accuracy {model.Evaluate(imputer.Apply(test)).Accuracy:P2}");
        }
        """));
}
