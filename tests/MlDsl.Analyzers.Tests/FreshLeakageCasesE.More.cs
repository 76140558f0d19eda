namespace MlDsl.Analyzers.Tests;

/// <summary>Set E, more of the Kaggle kernels: the combined train+test frames, out-of-fold stacking, label rates from test.</summary>
public sealed partial class FreshLeakageCasesE
{
    // Titanic kernel — combine = [train_df, test_df]; Age filled with the median of each (Sex, Pclass) cell of both frames.
    [Fact]
    public Task Titanic_age_median_per_sex_and_class_over_train_and_test_combined_is_reported() => Expect(Script("""
        static float Median(IEnumerable<float> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length == 0 ? float.NaN : sorted[sorted.Length / 2];
        }

        public static void Main()
        {
            var train = Kaggle.Titanic("train.csv");
            var test = Kaggle.Titanic("test_labelled.csv");
            var combine = train.Concat(test).ToList();

            var guessAges = new Dictionary<(float Sex, float Pclass), float>();
            foreach (var cell in {|#0:combine|}.Where(p => !float.IsNaN(p.Age)).GroupBy(p => (p.Sex, p.Pclass)))
            {
                guessAges[cell.Key] = Median(cell.Select(p => p.Age));
                Console.WriteLine($"sex {cell.Key.Sex} class {cell.Key.Pclass}: median age {guessAges[cell.Key]}");
            }
            Passenger Fill(Passenger p) => float.IsNaN(p.Age) ? p with { Age = guessAges[(p.Sex, p.Pclass)] } : p;

            var model = new TitanicNet();
            model.Fit(train.Select(Fill).ToList(), null, new FitOptions { Epochs = 40 });
            Console.WriteLine($"accuracy on the held-out passengers {model.Evaluate(test.Select(Fill).ToList()).Accuracy:P2}");
        }
        """), "MLDSL0016");

    // Titanic kernel fixed — the medians come from the training frame only.
    [Fact]
    public Task Titanic_age_median_per_sex_and_class_over_the_training_frame_is_silent() => Expect(Script("""
        static float Median(IEnumerable<float> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length == 0 ? float.NaN : sorted[sorted.Length / 2];
        }

        public static void Main()
        {
            var train = Kaggle.Titanic("train.csv");
            var test = Kaggle.Titanic("test_labelled.csv");
            Console.WriteLine($"train {train.Count}, test {test.Count}");

            var guessAges = new Dictionary<(float Sex, float Pclass), float>();
            foreach (var cell in train.Where(p => !float.IsNaN(p.Age)).GroupBy(p => (p.Sex, p.Pclass)))
                guessAges[cell.Key] = Median(cell.Select(p => p.Age));
            Passenger Fill(Passenger p) => float.IsNaN(p.Age) ? p with { Age = guessAges[(p.Sex, p.Pclass)] } : p;

            var parts = train.Select(Fill).ToList().Split(new SplitOptions { Kind = SplitKind.Stratified, Test = 0 });
            var model = new TitanicNet();
            model.Fit(parts.Train, parts.Validation, new FitOptions { Epochs = 40 });
            Console.WriteLine($"accuracy on the held-out passengers {model.Evaluate(test.Select(Fill).ToList()).Accuracy:P2}");
        }
        """));

    // fraud kernel — "flag the top k%" where k is the fraud rate of the test labels.
    [Fact]
    public Task Fraud_cutoff_set_from_the_fraud_rate_of_the_test_labels_is_reported() => Expect(Script("""
        public static void Main()
        {
            var (train, validation, test) = Kaggle.CreditCard().Split(new SplitOptions { Kind = SplitKind.Stratified });
            var model = new FraudNet();
            model.Fit(train, validation, new FitOptions { Epochs = 30 });

            double fraudRate = {|#0:test.Average(t => t.Fraud)|};
            var scores = model.PredictProbabilities(test).Select(p => p[1]).ToArray();
            float cutoff = scores.OrderByDescending(s => s).ElementAt((int)(fraudRate * scores.Length));
            int caught = Enumerable.Range(0, test.Count).Count(i => scores[i] >= cutoff && test[i].Fraud == 1);
            Console.WriteLine($"cutoff {cutoff:F3}: caught {caught} of {test.Count(t => t.Fraud == 1)} frauds");
        }
        """), "MLDSL0018");

    // stacking competitions fixed — out-of-fold predictions of the base model become the meta feature.
    [Fact]
    public Task Out_of_fold_stacking_over_the_training_rows_is_silent() => Expect(Script("""
        public static void Main()
        {
            var (train, _, test) = Kaggle.Houses("train.csv").Split(new SplitOptions { Validation = 0, Test = 0.2 });
            var oof = new HouseSale[train.Count];
            foreach (var fold in Folds.Of(train, new FoldOptions { Folds = 5, Shuffle = true }))
            {
                var foldTrain = fold.Train.Select(i => train[i]).ToList();
                var baseModel = new HouseNet();
                baseModel.Fit(foldTrain, null, new FitOptions { Epochs = 80 });
                foreach (int i in fold.Validation)
                    oof[i] = train[i] with { OverallQual = baseModel.Predict(train[i]) };
            }

            var full = new HouseNet();
            full.Fit(train, null, new FitOptions { Epochs = 80 });
            var stackedTest = test.Select(h => h with { OverallQual = full.Predict(h) }).ToList();
            var meta = new HouseNet();
            meta.Fit(oof, null, new FitOptions { Epochs = 40 });
            Console.WriteLine($"stacked test MAE {meta.Evaluate(stackedTest).MeanAbsoluteError:F4}");
        }
        """));

    // sklearn pitfalls ("randomness") — the model's seed chosen by its test score.
    [Fact]
    public Task Training_seed_chosen_by_test_score_is_reported() => Expect(Script("""
        public static void Main()
        {
            var split = Kaggle.Sessions().Split(new SplitOptions { Kind = SplitKind.Grouped });
            var results = new Dictionary<long, double>();
            foreach (long seed in new long[] { 0, 1, 2, 3, 4 })
            {
                var net = new SessionNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Seed = seed, Epochs = 10 });
                results[seed] = net.Evaluate({|#0:split.Test|}).Accuracy;
            }
            var luckiest = results.MaxBy(kv => kv.Value);
            Console.WriteLine($"reporting seed {luckiest.Key}: {luckiest.Value:P2}");
        }
        """), "MLDSL0018");

    // sklearn pitfalls ("randomness") fixed — seeds compared by cross-validation, every seed's test score averaged.
    [Fact]
    public Task Seeds_averaged_on_test_without_a_choice_is_silent() => Expect(Script("""
        public static void Main()
        {
            var split = Kaggle.Sessions().Split(new SplitOptions { Kind = SplitKind.Grouped });
            var accuracies = new List<double>();
            foreach (long seed in new long[] { 0, 1, 2, 3, 4 })
            {
                var net = new SessionNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Seed = seed, Epochs = 10 });
                accuracies.Add(net.Evaluate(split.Test).Accuracy);
            }
            double mean = accuracies.Average();
            double sd = Math.Sqrt(accuracies.Average(a => (a - mean) * (a - mean)));
            Console.WriteLine($"test accuracy over 5 seeds: {mean:P2} ± {sd:P2}");
        }
        """));

    // L3.2 — the numpy way: shuffle the session rows and cut at 80 %, users on both sides.
    [Fact]
    public Task Sessions_shuffled_and_cut_by_hand_ignoring_users_is_reported() => Expect(Script("""
        public static void Main()
        {
            var sessions = Kaggle.Sessions();
            Console.WriteLine($"{sessions.Count} sessions of {sessions.Select(s => s.User).Distinct().Count()} users");
            var random = new Random(42);
            var shuffled = {|#0:sessions.OrderBy(_ => random.Next())|}.ToList();
            int cut = (int)(shuffled.Count * 0.8);
            var train = shuffled.Take(cut).ToList();
            var test = shuffled.Skip(cut).ToList();

            var net = new SessionNet();
            net.Fit(train);
            Console.WriteLine($"purchase accuracy {net.Evaluate(test).Accuracy:P2}");
        }
        """), "MLDSL0019");

    // L3.2 fixed by hand — 20 % of the users (not of the sessions) held out.
    [Fact]
    public Task Sessions_held_out_by_user_by_hand_is_silent() => Expect(Script("""
        public static void Main()
        {
            var sessions = Kaggle.Sessions();
            var random = new Random(42);
            var users = sessions.Select(s => s.User).Distinct().OrderBy(_ => random.Next()).ToList();
            var testUsers = users.Take(users.Count / 5).ToHashSet();
            var train = sessions.Where(s => !testUsers.Contains(s.User)).ToList();
            var test = sessions.Where(s => testUsers.Contains(s.User)).ToList();
            Console.WriteLine($"{testUsers.Count} held-out users, {test.Count} of their sessions");

            var net = new SessionNet();
            net.Fit(train);
            Console.WriteLine($"purchase accuracy on new users {net.Evaluate(test).Accuracy:P2}");
        }
        """));

    // L1.1 — the score comes from a helper given the very rows the model was fitted on.
    [Fact]
    public Task Accuracy_helper_given_the_training_rows_is_reported() => Expect(Script("""
        static double Accuracy(TitanicNet model, IReadOnlyList<Passenger> rows)
        {
            int right = 0;
            for (int i = 0; i < rows.Count; i++)
                if (model.Predict(rows[i]) == rows[i].Survived) right++;
            return (double)right / rows.Count;
        }

        public static void Main()
        {
            var passengers = Kaggle.Titanic("train.csv");
            var imputer = Imputer.Fit(passengers, ImputeStrategy.Mean);
            var rows = imputer.Apply(passengers);
            var model = new TitanicNet();
            model.Fit(rows, null, new FitOptions { Epochs = 60 });
            Console.WriteLine($"accuracy {Accuracy(model, {|#0:rows|}):P2}");
        }
        """), "MLDSL0027");

    // L2 — store sales: the day's transaction count is only known when the day (and its sales) is over.
    [Fact]
    public Task Daily_transactions_known_with_the_sales_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record StoreDayFull
        {
            [Timestamp] public DateTime Date { get; init; }
            [Feature] public float OnPromotion { get; init; }
            [Feature] public float OilPrice { get; init; }
            [Feature, KnownAt(FeatureTiming.WithLabel)] public float {|#0:Transactions|} { get; init; }
            [Label] public float Sales { get; init; }
        }

        [Model(typeof(StoreDayFull))]
        public sealed partial class StoreDayNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }
        """), "MLDSL0029");

    // L2 fixed — yesterday's transactions (known before today's sales) instead.
    [Fact]
    public Task Yesterdays_transactions_declared_known_before_the_sales_is_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record StoreDayFull
        {
            [Timestamp] public DateTime Date { get; init; }
            [Feature] public float OnPromotion { get; init; }
            [Feature] public float OilPrice { get; init; }
            [Ignore, KnownAt(FeatureTiming.WithLabel)] public float Transactions { get; init; }
            [Feature, KnownAt(FeatureTiming.BeforeLabel)] public float TransactionsYesterday { get; init; }
            [Label] public float Sales { get; init; }
        }

        [Model(typeof(StoreDayFull))]
        public sealed partial class StoreDayNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }
        """));
}
