namespace MlDsl.Analyzers.Tests;

/// <summary>Set L, kind 7: group and time leakage, in pipelines and by hand, with their grouped and time-ordered twins.</summary>
public sealed partial class FreshLeakageCasesL
{
    // Speaker-independent evaluation (the Speech Commands and TIDIGITS protocols split by speaker): a pipeline over
    // utterances with a speaker key declared with a random split.
    [Fact]
    public Task Spoken_digit_pipeline_with_a_random_split_is_reported() => Expect(Program("""
        [Pipeline(typeof(UtteranceNet))]
        [{|#0:Split(Kind = SplitKind.Random, Validation = 0.1, Test = 0.2, Seed = 3)|}]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 30, BatchSize = 64)]
        public sealed partial class DigitsPipeline
        {
            [Ingest] private static IReadOnlyList<Utterance> Load() => CsvFile.Read<Utterance>("digits.csv");
        }
        """), "MLDSL0019");

    // Bergmeir & Benítez, "On the use of cross-validation for time series predictor evaluation" (2012), in its naive
    // form: a sales pipeline whose [Split] gives sizes but no kind, so days are shuffled.
    [Fact]
    public Task Sales_pipeline_split_with_sizes_but_no_kind_is_reported() => Expect(Program("""
        [Pipeline(typeof(ShopNet))]
        [{|#0:Split(Validation = 0.15, Test = 0.15)|}]
        [Train(Epochs = 40, EarlyStoppingPatience = 5)]
        public sealed partial class ShopPipeline
        {
            [Ingest] private static IReadOnlyList<ShopDay> Load() => CsvFile.Read<ShopDay>("shop.csv").OrderBy(d => d.Date).ToList();
        }
        """), "MLDSL0019");

    // An [Ingest] that imputes missing labs with means of the whole cohort before the pipeline's own split (what
    // `SimpleImputer().fit_transform(df)` in a loading cell does).
    [Fact]
    public Task Admission_pipeline_ingest_imputing_with_cohort_means_is_reported() => Expect(Program("""
        [Pipeline(typeof(AdmissionNet), ClassNames = new[] { "no sepsis", "sepsis" })]
        [Split(Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.2)]
        [Train(Epochs = 30)]
        public sealed partial class SepsisPipeline
        {
            [Ingest]
            private static IReadOnlyList<Admission> Load()
            {
                var admissions = CsvFile.Read<Admission>("admissions.csv");
                var imputer = Imputer.Fit({|#0:admissions|}, ImputeStrategy.Mean);
                return imputer.Apply(admissions);
            }
        }
        """), "MLDSL0016");

    // Bussola et al., "AI slipping on tiles: data leakage in digital pathology" (ICPR 2021): tiles of one patient's
    // slides in training and test. Here slides are split stratified by label instead of by patient.
    [Fact]
    public Task Slides_split_stratified_instead_of_by_patient_is_reported() => Expect(Program("""
        public static class Biopsies
        {
            public static void Main()
            {
                var slides = CsvFile.Read<Slide>("slides.csv");
                var split = slides.Split({|#0:new SplitOptions { Kind = SplitKind.Stratified, Seed = 5 }|});
                using var model = new SlideNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0019");

    // A hand-written 80/20 split of utterances (np.random.permutation then slicing), which mixes speakers.
    [Fact]
    public Task Utterances_shuffled_and_cut_by_hand_is_reported() => Expect(Program("""
        public static class SpokenDigits
        {
            public static void Main()
            {
                var utterances = CsvFile.Read<Utterance>("digits.csv");
                var random = new Random(0);
                var shuffled = {|#0:utterances.OrderBy(_ => random.Next())|}.ToList();
                int cut = shuffled.Count * 8 / 10;
                var train = shuffled.Take(cut).ToList();
                var test = shuffled.Skip(cut).ToList();
                using var model = new UtteranceNet();
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0019");

    // scikit-learn's TimeSeriesSplit documentation contrasts it with shuffled KFold; here a shuffled 5-fold CV of days.
    [Fact]
    public Task Shuffled_folds_over_shop_days_is_reported() => Expect(Program("""
        public static class Forecast
        {
            public static void Main()
            {
                var days = CsvFile.Read<ShopDay>("shop.csv");
                var options = new FoldOptions { Folds = 5, Shuffle = true, Seed = 1 };
                var result = CrossValidation.Run(days, CrossValidation.TrainModel<ShopDay, ShopNet>(() => new ShopNet()), {|#0:options|});
                Console.WriteLine($"MAE {result.Mean:F1} ± {result.StandardDeviation:F1}");
            }
        }
        """), "MLDSL0019");

    // Look-alike (the pathology paper's remedy): a slide pipeline split by patient, standardised inside the pipeline.
    [Fact]
    public Task Slide_pipeline_split_by_patient_is_silent() => Expect(Program("""
        [Pipeline(typeof(SlideNet), ClassNames = new[] { "benign", "malignant" })]
        [Split(Kind = SplitKind.Grouped, Validation = 0.1, Test = 0.2, Seed = 5)]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 15, BatchSize = 32)]
        public sealed partial class BiopsyPipeline
        {
            [Ingest] private static IReadOnlyList<Slide> Load() => CsvFile.Read<Slide>("slides.csv");
        }
        """));

    // Look-alike (forecasting practice: a holdout at the end): days ordered by date and cut, train before test.
    [Fact]
    public Task Days_ordered_by_date_and_cut_by_hand_is_silent() => Expect(Program("""
        public static class Forecast
        {
            public static void Main()
            {
                var days = CsvFile.Read<ShopDay>("shop.csv").OrderBy(d => d.Date).ToList();
                int cut = days.Count - 56;
                var train = days.Take(cut - 28).ToList();
                var validation = days.Skip(cut - 28).Take(28).ToList();
                var test = days.Skip(cut).ToList();
                using var model = new ShopNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // Look-alike (scikit-learn's GroupKFold): speaker-grouped folds over the training speakers.
    [Fact]
    public Task Speaker_grouped_folds_over_training_utterances_is_silent() => Expect(Program("""
        public static class SpokenDigits
        {
            public static void Main()
            {
                var utterances = CsvFile.Read<Utterance>("digits.csv");
                var split = utterances.Split(new SplitOptions { Kind = SplitKind.Grouped });
                var result = CrossValidation.Run(split.Train, CrossValidation.TrainModel<Utterance, UtteranceNet>(() => new UtteranceNet()),
                    new FoldOptions { Kind = FoldKind.Grouped, Folds = 4 });
                Console.WriteLine($"speaker-independent accuracy {result.Mean:P1} ± {result.StandardDeviation:P1}");
            }
        }
        """));
}
