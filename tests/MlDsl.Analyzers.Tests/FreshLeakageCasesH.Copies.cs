namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set H, kinds "rows multiplied or invented before the split" (MLDSL0026), "in-sample stacking" (MLDSL0028) and
/// "label and feature entangled outside the record" (MLDSL0017).
/// </summary>
public sealed partial class FreshLeakageCasesH
{
    // Kind: rows multiplied (SMOTE on every transaction, then split). Source: Vandewiele et al. 2021, "Overly optimistic
    // prediction results on imbalanced data" — published preterm-birth results fell from ~0.99 AUC to ~0.6 once SMOTE
    // was moved after the split; the same cell is in many credit-card fraud notebooks.
    private const string SmoteBeforeSplit = """
        public static void Main()
        {
            var transactions = CsvFile.Read<Transaction>("creditcard.csv");
            Console.WriteLine($"fraud share before: {transactions.Average(t => t.Fraud):P3}");
            Transaction[] balanced = {|#0:Oversampler.Smote(transactions, k: 5, seed: 1)|};
            Console.WriteLine($"fraud share after: {balanced.Average(t => t.Fraud):P3}");
            var split = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
            using var net = new FraudNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 10 });
            Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P3}");
        }
        """;

    [Fact]
    public Task Smote_on_every_transaction_before_the_split_is_reported() => Expect(Script(SmoteBeforeSplit), "MLDSL0026");

    [Fact]
    public Task Smote_on_the_training_transactions_only_is_silent() => Expect(Script(Fix(SmoteBeforeSplit, """
            Transaction[] balanced = {|#0:Oversampler.Smote(transactions, k: 5, seed: 1)|};
            Console.WriteLine($"fraud share after: {balanced.Average(t => t.Fraud):P3}");
            var split = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
            using var net = new FraudNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 10 });
        """, """
            var split = transactions.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
            Transaction[] balanced = Oversampler.Smote(split.Train, k: 5, seed: 1);
            Console.WriteLine($"fraud share after: {balanced.Average(t => t.Fraud):P3}");
            using var net = new FraudNet();
            net.Fit(balanced, split.Validation, new FitOptions { Epochs = 10 });
        """)));

    // Kind: rows multiplied (flipped copies of every X-ray, then split). Source: the COVID-19 chest X-ray papers reviewed
    // by Roberts et al. 2021 (Nature Machine Intelligence), several of which augmented before splitting, so a scan and
    // its mirror image sat on both sides.
    private const string AugmentBeforeSplit = """
        public static class Augment
        {
            public static float[] MirrorRows(float[] pixels)
            {
                var mirrored = new float[pixels.Length];
                for (int y = 0; y < 8; y++)
                    for (int x = 0; x < 8; x++)
                        mirrored[y * 8 + x] = pixels[y * 8 + (7 - x)];
                return mirrored;
            }
        }

        [Dataset]
        public sealed partial record CovidFilm
        {
            [Feature, Shape(1, 8, 8)] public float[] Pixels { get; init; } = Array.Empty<float>();
            [Label(Classes = 2)] public int Covid { get; init; }
        }

        [Model(typeof(CovidFilm))]
        public sealed partial class FilmNet
        {
            [Conv2d(4, Kernel = 3), Relu, Flatten] Layer conv;
            [Linear(2)] Layer output;
        }

        public static class CovidXray
        {
            public static void Main()
            {
                var scans = CsvFile.Read<CovidFilm>("covid-xray.csv");
                var augmented = {|#0:scans.SelectMany(s => new[] { s, s with { Pixels = Augment.MirrorRows(s.Pixels) } })|}.ToList();
                var split = augmented.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 8 });
                using var net = new FilmNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 25 });
                Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Mirrored_copies_of_every_scan_before_the_split_is_reported() => Expect(Program(AugmentBeforeSplit), "MLDSL0026");

    [Fact]
    public Task Mirrored_copies_of_the_training_scans_only_is_silent() => Expect(Program(Fix(AugmentBeforeSplit, """
                var augmented = {|#0:scans.SelectMany(s => new[] { s, s with { Pixels = Augment.MirrorRows(s.Pixels) } })|}.ToList();
                var split = augmented.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 8 });
                using var net = new FilmNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 25 });
        """, """
                var split = scans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 8 });
                var augmented = split.Train.SelectMany(s => new[] { s, s with { Pixels = Augment.MirrorRows(s.Pixels) } }).ToList();
                using var net = new FilmNet();
                net.Fit(augmented, split.Validation, new FitOptions { Epochs = 25 });
        """)));

    // Look-alike: the same mirrored copies made before a split by patient keep each copy beside its original (the copy
    // carries the patient's group key), so no copy crosses the split.
    [Fact]
    public Task Mirrored_copies_of_every_scan_before_a_split_by_patient_is_silent() => Expect(Program(AugmentBeforeSplit
        .Replace("CsvFile.Read<CovidFilm>(\"covid-xray.csv\")", "CsvFile.Read<Scan>(\"covid-xray.csv\")")
        .Replace("new FilmNet()", "new ScanNet()")
        .Replace("Kind = SplitKind.Stratified, Seed = 8", "Kind = SplitKind.Grouped, Seed = 8")
        .Replace("{|#0:", "").Replace("})|}.ToList()", "}).ToList()")));

    // Kind: rows multiplied (each churner copied four more times in a loop, then split). Source: Telco churn notebooks
    // that "balance" with a hand-written upsampling loop before train_test_split (Cross Validated "oversampling before
    // or after the split?").
    private const string UpsamplingLoopBeforeSplit = """
        public static void Main()
        {
            IReadOnlyList<Subscriber> subscribers = CsvFile.Read<Subscriber>("telco.csv");
            var balanced = new List<Subscriber>();
            foreach (Subscriber s in subscribers)
            {
                balanced.Add(s);
                if (s.Churn == 1)
                {
                    for (int copy = 0; copy < 4; copy++)
                    {
                        {|#0:balanced.Add(s)|};
                    }
                }
            }

            var split = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
            using var net = new ChurnNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 20 });
            Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
        }
        """;

    [Fact]
    public Task Churners_copied_in_a_loop_before_the_split_is_reported() => Expect(Script(UpsamplingLoopBeforeSplit), "MLDSL0026");

    [Fact]
    public Task Churners_copied_in_a_loop_over_the_training_part_is_silent() => Expect(Script(Fix(UpsamplingLoopBeforeSplit, """
            var balanced = new List<Subscriber>();
            foreach (Subscriber s in subscribers)
            {
                balanced.Add(s);
                if (s.Churn == 1)
                {
                    for (int copy = 0; copy < 4; copy++)
                    {
                        {|#0:balanced.Add(s)|};
                    }
                }
            }

            var split = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
            using var net = new ChurnNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 20 });
        """, """
            var split = subscribers.Split(new SplitOptions { Kind = SplitKind.Stratified });
            var balanced = new List<Subscriber>();
            foreach (Subscriber s in split.Train)
            {
                balanced.Add(s);
                if (s.Churn == 1)
                {
                    for (int copy = 0; copy < 4; copy++)
                    {
                        balanced.Add(s);
                    }
                }
            }

            using var net = new ChurnNet();
            net.Fit(balanced, split.Validation, new FitOptions { Epochs = 20 });
        """)));

    // Kind: rows multiplied (random oversampling, then cross-validation). Source: imbalanced-learn's "Common pitfalls"
    // page — resampling before cross_val_score makes every fold's validation rows copies of training rows.
    private const string OversampleThenCrossValidate = """
        public static void Main()
        {
            var transactions = CsvFile.Read<Transaction>("creditcard.csv");
            Transaction[] balanced = {|#0:Oversampler.Random(transactions, seed: 3)|};
            CrossValidationResult result = CrossValidation.Run(balanced,
                CrossValidation.TrainModel<Transaction, FraudNet>(() => new FraudNet(), new FitOptions { Epochs = 5 }),
                new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 });
            Console.WriteLine($"cross-validated accuracy {result.Mean:P2} ± {result.StandardDeviation:P2}");
        }
        """;

    [Fact]
    public Task Random_oversampling_before_cross_validation_is_reported() => Expect(Script(OversampleThenCrossValidate), "MLDSL0026");

    [Fact]
    public Task Oversampling_inside_each_fold_is_silent() => Expect(Script(Fix(OversampleThenCrossValidate, """
            Transaction[] balanced = {|#0:Oversampler.Random(transactions, seed: 3)|};
            CrossValidationResult result = CrossValidation.Run(balanced,
                CrossValidation.TrainModel<Transaction, FraudNet>(() => new FraudNet(), new FitOptions { Epochs = 5 }),
                new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 });
        """, """
            CrossValidationResult result = CrossValidation.Run(transactions,
                (train, validation) =>
                {
                    using var net = new FraudNet();
                    net.Fit(Oversampler.Random(train, seed: 3), options: new FitOptions { Epochs = 5 });
                    return net.Evaluate(validation).Accuracy;
                },
                new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 });
        """)));

    // Kind: in-sample stacking (a base model fitted on every house predicts every house). Source: House Prices
    // "stacked regressions" kernels whose first level is fitted on all of train and predicts train (the original
    // write-up warns that the meta-model must see out-of-fold predictions).
    private const string StackingOnEveryHouse = """
        public static void Main()
        {
            var houses = CsvFile.Read<House>("houses.csv");
            using var baseModel = new HouseNet(seed: 1);
            baseModel.Fit(houses, options: new FitOptions { Epochs = 40 });
            float[] level0 = {|#0:baseModel.Predict(houses)|};
            var stacked = houses.Select((h, i) => h with { NeighborhoodPrice = level0[i] }).ToList();
            var split = stacked.Split(new SplitOptions { Seed = 2 });
            using var meta = new HouseNet(seed: 2);
            meta.Fit(split.Train, split.Validation, new FitOptions { Epochs = 40 });
            Console.WriteLine($"stacked test MAE {meta.Evaluate(split.Test).MeanAbsoluteError:F0}");
        }
        """;

    [Fact]
    public Task Base_model_predictions_for_its_own_houses_as_a_feature_is_reported() => Expect(Script(StackingOnEveryHouse), "MLDSL0028");

    [Fact]
    public Task Base_model_predictions_for_houses_it_never_saw_is_silent() => Expect(Script(Fix(StackingOnEveryHouse, """
            using var baseModel = new HouseNet(seed: 1);
            baseModel.Fit(houses, options: new FitOptions { Epochs = 40 });
            float[] level0 = {|#0:baseModel.Predict(houses)|};
            var stacked = houses.Select((h, i) => h with { NeighborhoodPrice = level0[i] }).ToList();
            var split = stacked.Split(new SplitOptions { Seed = 2 });
        """, """
            var (baseRows, rest, _) = houses.Split(new SplitOptions { Validation = 0, Test = 0.5, Seed = 2 });
            using var baseModel = new HouseNet(seed: 1);
            baseModel.Fit(baseRows, options: new FitOptions { Epochs = 40 });
            float[] level0 = baseModel.Predict(rest);
            var stacked = rest.Select((h, i) => h with { NeighborhoodPrice = level0[i] }).ToList();
            var split = stacked.Split(new SplitOptions { Seed = 2 });
        """)));

    // Kind: in-sample stacking (a helper adds the first model's churn probability to the rows it trained on).
    // Source: Kaggle "blending" notebooks where the level-0 model scores its own training rows for the level-1 model;
    // Cross Validated "why is my stacked model worse on the leaderboard?".
    private const string StackingHelperOnTrainingRows = """
        public static class Blend
        {
            public static List<Subscriber> WithScore(ChurnNet first, IReadOnlyList<Subscriber> rows)
            {
                float[][] p = first.PredictProbabilities(rows);
                return rows.Select((r, i) => r with { ContractRisk = p[i][1] }).ToList();
            }
        }

        public static class ChurnBlend
        {
            public static async Task Main()
            {
                var rows = await Task.Run(() => CsvFile.Read<Subscriber>("telco.csv"));
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 6 });
                using var first = new ChurnNet(seed: 1);
                first.Fit(train, options: new FitOptions { Epochs = 20 });
                var secondTrain = {|#0:Blend.WithScore(first, train)|};
                using var second = new ChurnNet(seed: 2);
                second.Fit(secondTrain, Blend.WithScore(first, validation), new FitOptions { Epochs = 20 });
                Console.WriteLine($"blended test accuracy {second.Evaluate(Blend.WithScore(first, test)).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Helper_scoring_the_first_model_on_its_own_training_rows_is_reported() => Expect(Program(StackingHelperOnTrainingRows), "MLDSL0028");

    [Fact]
    public Task Helper_scoring_the_first_model_on_held_out_rows_is_silent() => Expect(Program(Fix(StackingHelperOnTrainingRows, """
                var secondTrain = {|#0:Blend.WithScore(first, train)|};
                using var second = new ChurnNet(seed: 2);
                second.Fit(secondTrain, Blend.WithScore(first, validation), new FitOptions { Epochs = 20 });
        """, """
                var (secondRows, secondWatch, _) = Blend.WithScore(first, validation).Split(new SplitOptions { Kind = SplitKind.Stratified, Test = 0 });
                using var second = new ChurnNet(seed: 2);
                second.Fit(secondRows, secondWatch, new FitOptions { Epochs = 20 });
        """)));
}
