namespace MlDsl.Analyzers.Tests;

/// <summary>Set H, last probes: named arguments, augmentation before a search, a hand-built vocabulary in a helper
/// class, and stacking on the rows that chose the base model's best epoch.</summary>
public sealed partial class FreshLeakageCasesH
{
    // Kind: test steering (the test rows given as validation by name, arguments reordered). Source: Keras
    // model.fit(x=..., validation_data=(X_test, y_test)) written with keywords — the same leak in another spelling.
    private const string NamedValidationTest = """
        public static void Main()
        {
            var (train, validation, test) = CsvFile.Read<House>("houses.csv").Split(new SplitOptions { Seed = 17 });
            using var net = new HouseNet();
            net.Fit(options: new FitOptions { Epochs = 80, EarlyStoppingPatience = 6 }, {|#0:validation: test|}, train: train);
            Console.WriteLine($"validation rows unused: {validation.Count}");
        }
        """;

    [Fact]
    public Task Test_houses_given_by_name_as_validation_is_reported() => Expect(Script(NamedValidationTest), "MLDSL0018");

    [Fact]
    public Task Validation_houses_given_by_name_as_validation_is_silent() => Expect(Script(Fix(NamedValidationTest,
        "{|#0:validation: test|}, train: train);", "validation: validation, train: train);")));

    // Kind: rows multiplied (speed-perturbed copies of every clip, then a cross-validated search). Source: audio papers
    // that augment the whole corpus before k-fold, so a clip and its perturbed copy sit in different folds.
    private const string AugmentBeforeSearch = """
        public static void Main()
        {
            var clips = CsvFile.Read<Clip>("emodb-mfcc.csv");
            Clip[] augmented = {|#0:Oversampler.Augment(clips, (c, random) => c with { Mfcc = c.Mfcc.Select(v => v * (0.9f + 0.2f * random.NextSingle())).ToArray() }, copies: 2)|};
            var search = GridSearch.CrossValidate(augmented, new[] { 1e-3, 3e-4 },
                rate => CrossValidation.TrainModel<Clip, ClipNet>(() => new ClipNet(), new FitOptions { LearningRate = rate, Epochs = 20 }),
                new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 });
            Console.WriteLine($"best rate {search.BestParameters}");
        }
        """;

    [Fact]
    public Task Perturbed_copies_of_every_clip_before_a_stratified_search_is_reported() =>
        Expect(Script(AugmentBeforeSearch.Replace("FoldKind.Grouped", "FoldKind.Stratified")
            .Replace("new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }", "{|#1:new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }|}")),
            "MLDSL0026", "MLDSL0019");

    [Fact]
    public Task Perturbed_copies_made_inside_each_fold_is_silent() => Expect(Script(Fix(AugmentBeforeSearch, """
            Clip[] augmented = {|#0:Oversampler.Augment(clips, (c, random) => c with { Mfcc = c.Mfcc.Select(v => v * (0.9f + 0.2f * random.NextSingle())).ToArray() }, copies: 2)|};
            var search = GridSearch.CrossValidate(augmented, new[] { 1e-3, 3e-4 },
                rate => CrossValidation.TrainModel<Clip, ClipNet>(() => new ClipNet(), new FitOptions { LearningRate = rate, Epochs = 20 }),
        """, """
            var search = GridSearch.CrossValidate(clips, new[] { 1e-3, 3e-4 },
                rate => (foldTrain, foldValidation) =>
                {
                    using var net = new ClipNet();
                    net.Fit(Oversampler.Augment(foldTrain, (c, random) => c with { Mfcc = c.Mfcc.Select(v => v * (0.9f + 0.2f * random.NextSingle())).ToArray() }, copies: 2),
                        options: new FitOptions { LearningRate = rate, Epochs = 20 });
                    return net.Evaluate(foldValidation).Accuracy;
                },
        """)));

    // Kind: statistics (a vocabulary filled by nested loops in a tokenizer class, over every review). Source: IMDB
    // tutorials with a hand-written Tokenizer.fit(texts) called on the whole corpus before splitting.
    private const string TokenizerClass = """
        public sealed class WordIndex
        {
            private readonly Dictionary<string, int> ids = new();

            public void Fit(IEnumerable<MovieReview> reviews)
            {
                foreach (MovieReview review in reviews)
                    foreach (string word in review.Text.Split(' '))
                        if (!ids.ContainsKey(word) && ids.Count < 999) ids[word] = ids.Count + 1;
            }

            public MovieReview Encode(MovieReview r) =>
                r with { Tokens = r.Text.Split(' ').Select(w => ids.TryGetValue(w, out int id) ? id : 0).Concat(new int[32]).Take(32).ToArray() };
        }

        public static class ImdbByHand
        {
            public static void Main()
            {
                var reviews = CsvFile.Read<MovieReview>("imdb.csv");
                var index = new WordIndex();
                {|#0:index.Fit(reviews)|};
                var split = reviews.Select(index.Encode).ToList().Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ImdbNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 4 });
                Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Tokenizer_class_fitted_on_every_review_is_reported() => Expect(Program(TokenizerClass), "MLDSL0016");

    [Fact]
    public Task Tokenizer_class_fitted_on_the_training_reviews_is_silent() => Expect(Program(Fix(TokenizerClass, """
                {|#0:index.Fit(reviews)|};
                var split = reviews.Select(index.Encode).ToList().Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ImdbNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 4 });
                Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
        """, """
                var split = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified });
                index.Fit(split.Train);
                using var net = new ImdbNet();
                net.Fit(split.Train.Select(index.Encode).ToList(), split.Validation.Select(index.Encode).ToList(), new FitOptions { Epochs = 4 });
                Console.WriteLine($"test accuracy {net.Evaluate(split.Test.Select(index.Encode).ToList()).Accuracy:P2}");
        """)));

    // Kind: in-sample stacking (the base model early-stopped on the validation rows, whose predictions then train the
    // meta-model). Source: the MLDSL0028 rule page's own claim — validation rows that chose the best epoch count as
    // training rows; restated from "stack on the holdout" blending code that reuses the early-stopping holdout.
    private const string StackOnEarlyStoppingRows = """
        public static void Main()
        {
            var (train, validation, test) = CsvFile.Read<House>("houses.csv").Split(new SplitOptions { Seed = 23 });
            using var level0 = new HouseNet(seed: 1);
            level0.Fit(train, validation, new FitOptions { Epochs = 100, EarlyStoppingPatience = 10 });
            var metaRows = validation.Select(h => h with { NeighborhoodPrice = {|#0:level0.Predict(h)|} }).ToList();
            using var meta = new HouseNet(seed: 2);
            meta.Fit(metaRows, options: new FitOptions { Epochs = 50 });
            var metaTest = test.Select(h => h with { NeighborhoodPrice = level0.Predict(h) }).ToList();
            Console.WriteLine($"stacked test MAE {meta.Evaluate(metaTest).MeanAbsoluteError:F0}");
        }
        """;

    [Fact]
    public Task Meta_rows_predicted_on_the_base_model_early_stopping_rows_is_reported() => Expect(Script(StackOnEarlyStoppingRows), "MLDSL0028");

    [Fact]
    public Task Meta_rows_predicted_when_the_validation_rows_only_watch_the_loss_is_silent() => Expect(Script(Fix(StackOnEarlyStoppingRows, """
            level0.Fit(train, validation, new FitOptions { Epochs = 100, EarlyStoppingPatience = 10 });
            var metaRows = validation.Select(h => h with { NeighborhoodPrice = {|#0:level0.Predict(h)|} }).ToList();
        """, """
            level0.Fit(train, validation, new FitOptions { Epochs = 100 });
            var metaRows = validation.Select(h => h with { NeighborhoodPrice = level0.Predict(h) }).ToList();
        """)));
}
