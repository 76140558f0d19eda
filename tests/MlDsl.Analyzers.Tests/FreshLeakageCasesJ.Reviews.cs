namespace MlDsl.Analyzers.Tests;

/// <summary>Set J, long correct review and ensemble programs (and single mistakes put into them).</summary>
public sealed partial class FreshLeakageCasesJ
{
    // ───────────── C17. Lexicon features from a fixed word list (no learning), early stopping on validation, error analysis after the test score ─────────────

    private const string ReviewLexicon = """
        public static class ReviewLexicon
        {
            private static readonly HashSet<string> Good = new(StringComparer.OrdinalIgnoreCase) { "great", "excellent", "love", "perfect" };
            private static readonly HashSet<string> Bad = new(StringComparer.OrdinalIgnoreCase) { "awful", "broken", "refund", "worst" };

            private static Review Featurise(Review r)
            {
                string[] words = r.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return r with
                {
                    Positive = words.Count(Good.Contains),
                    Negative = words.Count(Bad.Contains),
                    Length = words.Length,
                    Exclamations = r.Text.Count(c => c == '!'),
                };
            }

            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("reviews.csv").Select(Featurise).ToList();
                var (train, validation, test) = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 2 });
                var scaler = Standardizer.Fit(train);
                using var model = new ReviewNet();
                model.Fit(scaler.Apply(train), scaler.Apply(validation), new FitOptions { Epochs = 50, EarlyStoppingPatience = 5 });
                var scaledTest = scaler.Apply(test);
                Console.WriteLine($"test accuracy {model.Evaluate(scaledTest).Accuracy:P2}");

                int[] predicted = model.Predict(scaledTest);
                var mistakes = test.Zip(predicted, (r, p) => (Review: r, Predicted: p)).Where(x => x.Predicted != x.Review.Liked).Take(10);
                foreach (var (review, p) in mistakes)
                    Console.WriteLine($"predicted {p}, was {review.Liked}: {review.Text[..Math.Min(80, review.Text.Length)]}");
            }
        }
        """;

    [Fact]
    public Task Review_lexicon_features_with_error_analysis_after_the_test_score_is_silent() => Expect(Program(ReviewLexicon));

    [Fact]
    public Task Review_lexicon_scaler_over_every_review_is_reported() =>
        Expect(Program(Mutate(ReviewLexicon, "var scaler = Standardizer.Fit(train);", "var scaler = Standardizer.Fit({|#0:reviews|});")), "MLDSL0016");

    [Fact]
    public Task Review_lexicon_feature_reading_the_label_is_reported() =>
        Expect(Program(Mutate(ReviewLexicon, "Exclamations = r.Text.Count(c => c == '!'),", "{|#0:Exclamations = r.Liked == 1 ? 1f : 0f|},")), "MLDSL0017");

    // ───────────── C18. Seed ensemble averaged on test once; bootstrap interval of the test accuracy ─────────────

    private const string ReviewEnsemble = """
        public static class ReviewEnsemble
        {
            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("reviews.csv");
                var (train, validation, test) = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scaler = MinMaxScaler.Fit(train);
                var (fit, watch, held) = (scaler.Apply(train), scaler.Apply(validation), scaler.Apply(test));

                var members = new List<ReviewNet>();
                foreach (int seed in Enumerable.Range(1, 5))
                {
                    var member = new ReviewNet(seed: seed);
                    member.Fit(fit, watch, new FitOptions { Seed = seed, Epochs = 40, EarlyStoppingPatience = 5 });
                    members.Add(member);
                }

                var probabilities = members.Select(m => m.PredictProbabilities(held)).ToList();
                int[] votes = Enumerable.Range(0, held.Length)
                    .Select(i => probabilities.Average(p => p[i][1]) >= 0.5f ? 1 : 0).ToArray();
                bool[] right = votes.Select((v, i) => v == test[i].Liked).ToArray();
                double accuracy = right.Average(r => r ? 1.0 : 0.0);

                var random = new Random(0);
                var boots = Enumerable.Range(0, 1000)
                    .Select(_ => Enumerable.Range(0, right.Length).Average(__ => right[random.Next(right.Length)] ? 1.0 : 0.0))
                    .OrderBy(a => a).ToArray();
                Console.WriteLine($"ensemble test accuracy {accuracy:P2} (95% CI {boots[25]:P1}–{boots[974]:P1})");
                foreach (var m in members) m.Dispose();
            }
        }
        """;

    [Fact]
    public Task Review_seed_ensemble_averaged_on_test_once_with_a_bootstrap_interval_is_silent() => Expect(Program(ReviewEnsemble));

    [Fact]
    public Task Review_ensemble_keeping_only_members_that_beat_the_mean_on_test_is_reported() =>
        Expect(Program(Mutate(ReviewEnsemble, "var probabilities = members.Select(m => m.PredictProbabilities(held)).ToList();",
            "members = members.Where(m => m.Evaluate({|#0:held|}).Accuracy >= 0.8).ToList();\n        var probabilities = members.Select(m => m.PredictProbabilities(held)).ToList();")), "MLDSL0018");

    // ───────────── C19. Holdout stacking: base model on train, blender on validation predictions, test once ─────────────

    private const string ReviewStack = """
        public static class ReviewStack
        {
            private static Review WithScore(ReviewNet model, Review r) => r with { Exclamations = model.PredictProbabilities(r)[1] };

            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("reviews.csv");
                var (train, validation, test) = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.3 });
                using var baseModel = new ReviewNet(seed: 1);
                baseModel.Fit(train, null, new FitOptions { Epochs = 30 });

                var blendRows = validation.Select(r => WithScore(baseModel, r)).ToList();
                var (blendTrain, blendCheck, _) = blendRows.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.2, Test = 0.0 });
                using var blender = new ReviewNet(seed: 2);
                blender.Fit(blendTrain, blendCheck, new FitOptions { Epochs = 30, EarlyStoppingPatience = 3 });
                var stackedTest = test.Select(r => WithScore(baseModel, r)).ToList();
                Console.WriteLine($"stacked test accuracy {blender.Evaluate(stackedTest).Accuracy:P2}, base alone {baseModel.Evaluate(test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Review_holdout_stacking_with_one_test_score_is_silent() => Expect(Program(ReviewStack));

    [Fact]
    public Task Review_stacking_on_the_base_models_own_training_rows_is_reported() =>
        Expect(Program(Mutate(ReviewStack, "var blendRows = validation.Select(r => WithScore(baseModel, r)).ToList();",
            "var blendRows = train.Select(r => {|#0:WithScore(baseModel, r)|}).ToList();")), "MLDSL0028");

    // ───────────── C20. Permutation importance on validation after training, then one test score ─────────────

    private const string ReviewImportance = """
        public static class ReviewImportance
        {
            private static readonly (string Name, Func<Review, float, Review> Set, Func<Review, float> Get)[] Columns =
            {
                ("Positive", (r, v) => r with { Positive = v }, r => r.Positive),
                ("Negative", (r, v) => r with { Negative = v }, r => r.Negative),
                ("Length", (r, v) => r with { Length = v }, r => r.Length),
            };

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Review>("reviews.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReviewNet();
                model.Fit(train, null, new FitOptions { Epochs = 30 });
                double baseline = model.Evaluate(validation).Accuracy;
                var random = new Random(1);
                foreach (var (name, set, get) in Columns)
                {
                    float[] shuffled = validation.Select(get).OrderBy(_ => random.Next()).ToArray();
                    var permuted = validation.Select((r, i) => set(r, shuffled[i])).ToList();
                    Console.WriteLine($"{name,-10} importance {baseline - model.Evaluate(permuted).Accuracy:+0.000;-0.000}");
                }
                Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Review_permutation_importance_on_validation_then_one_test_score_is_silent() => Expect(Program(ReviewImportance));

    // ───────────── C21. Random search scored on the validation split, refit on train+validation, one test score ─────────────

    private const string ReviewRandomSearch = """
        public sealed record Hyper(double Rate, double Decay, int Epochs);

        public static class ReviewRandomSearch
        {
            public static void Main()
            {
                var split = CsvFile.Read<Review>("reviews.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.2 });
                Func<Random, Hyper> sample = r => new Hyper(Math.Pow(10, -4 + 2 * r.NextDouble()), r.NextDouble() < 0.5 ? 0 : 1e-4, 10 * r.Next(1, 5));
                var search = RandomSearch.OnValidation(split, sample, iterations: 12, seed: 8,
                    h => CrossValidation.TrainModel<Review, ReviewNet>(() => new ReviewNet(), new FitOptions { LearningRate = h.Rate, WeightDecay = h.Decay, Epochs = h.Epochs }));
                var best = search.BestParameters;
                Console.WriteLine($"best on validation: {best} ({search.Best.Score.Mean:P2})");

                var all = split.Train.Concat(split.Validation).ToList();
                using var model = new ReviewNet();
                model.Fit(all, null, new FitOptions { LearningRate = best.Rate, WeightDecay = best.Decay, Epochs = best.Epochs });
                Console.WriteLine($"test accuracy {model.Evaluate(split.Test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Review_random_search_on_validation_then_refit_and_one_test_score_is_silent() => Expect(Program(ReviewRandomSearch));

    [Fact]
    public Task Review_random_search_scored_on_the_test_part_is_reported() =>
        Expect(Program(Mutate(ReviewRandomSearch, "var search = RandomSearch.OnValidation(split, sample, iterations: 12, seed: 8,",
            "var search = RandomSearch.OnValidation(split.Train, {|#0:split.Test|}, sample, iterations: 12, seed: 8,")), "MLDSL0018");
}
