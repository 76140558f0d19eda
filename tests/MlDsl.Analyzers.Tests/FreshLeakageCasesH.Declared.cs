namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set H, kinds declared on rows and splits: "group and time leakage", imperative and declarative (MLDSL0019), "feature
/// timing" (MLDSL0029) and "identifiers" (MLDSL0021).
/// </summary>
public sealed partial class FreshLeakageCasesH
{
    // Kind: group leakage (scans of one patient on both sides). Source: the ChestX-ray14 / CheXNet discussions (Oakden-
    // Rayner 2017; Rajpurkar et al. re-split by patient) — an image-level random split puts follow-up films of one
    // patient in train and test.
    private const string ScansSplitByImage = """
        public static void Main()
        {
            var scans = CsvFile.Read<Scan>("chestxray14.csv");
            Console.WriteLine($"{scans.Count} films of {scans.Select(s => s.Patient).Distinct().Count()} patients");
            var (train, validation, test) = scans.Split({|#0:new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.2 }|});
            using var net = new ScanNet();
            net.Fit(train, validation, new FitOptions { Epochs = 20 });
            Console.WriteLine($"test accuracy {net.Evaluate(test).Accuracy:P2}");
        }
        """;

    [Fact]
    public Task Scans_split_by_image_not_by_patient_is_reported() => Expect(Script(ScansSplitByImage), "MLDSL0019");

    [Fact]
    public Task Scans_split_by_patient_is_silent() => Expect(Script(Fix(ScansSplitByImage,
        "{|#0:new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.2 }|}",
        "new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.1, Test = 0.2 }")));

    // Kind: group leakage (speaker-dependent folds, options kept in a static field and copied with `with`). Source:
    // speech-emotion papers on RAVDESS / IEMOCAP whose accuracy dropped by 20+ points under leave-speakers-out folds.
    private const string SpeakerDependentFolds = """
        public static class EmotionStudy
        {
            private static readonly FoldOptions Folds10 = new() { Kind = FoldKind.Stratified, Folds = 10 };

            public static void Main()
            {
                var clips = CsvFile.Read<Clip>("ravdess-mfcc.csv");
                var scores = new List<double>();
                foreach (int seed in new[] { 1, 2, 3 })
                {
                    var result = CrossValidation.Run(clips,
                        CrossValidation.TrainModel<Clip, ClipNet>(() => new ClipNet(seed: seed), new FitOptions { Epochs = 30 }),
                        {|#0:Folds10 with { Seed = seed, Shuffle = true }|});
                    scores.Add(result.Mean);
                }

                Console.WriteLine($"10-fold accuracy {scores.Average():P1}");
            }
        }
        """;

    [Fact]
    public Task Speaker_dependent_folds_from_a_static_options_field_is_reported() => Expect(Program(SpeakerDependentFolds), "MLDSL0019");

    [Fact]
    public Task Leave_speakers_out_folds_from_a_static_options_field_is_silent() => Expect(Program(Fix(SpeakerDependentFolds,
        "{|#0:Folds10 with { Seed = seed, Shuffle = true }|}", "Folds10 with { Seed = seed, Shuffle = true }")
        .Replace("Kind = FoldKind.Stratified, Folds = 10", "Kind = FoldKind.Grouped, Folds = 10")));

    // Kind: time leakage, declarative (a random split of daily sales in a pipeline). Source: Kaggle "Store Sales" and
    // Rossmann notebooks that train_test_split(shuffle=True) a daily series and report an error the leaderboard never saw.
    private const string SalesPipelineRandom = """
        [Pipeline(typeof(SalesNet))]
        [{|#0:Split(Kind = SplitKind.Random, Validation = 0.1, Test = 0.2)|}]
        [Train(Epochs = 30)]
        public sealed partial class SalesPipeline
        {
            [Ingest]
            private static IReadOnlyList<StoreDay> Load() =>
                CsvFile.Read<StoreDay>("rossmann-store-1.csv").Where(d => d.Sales > 0).ToList();
        }
        """;

    [Fact]
    public Task Sales_pipeline_with_a_random_split_is_reported() => Expect(Program(SalesPipelineRandom), "MLDSL0019");

    [Fact]
    public Task Sales_pipeline_with_a_split_by_time_is_silent() => Expect(Program(Fix(SalesPipelineRandom,
        "[{|#0:Split(Kind = SplitKind.Random, Validation = 0.1, Test = 0.2)|}]", "[Split(Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2)]")));

    // Kind: group leakage, declarative (a pipeline over patients' scans with no [Split], which splits randomly). Source:
    // Zech et al. 2018 (PLoS Medicine) and the hidden-patient-overlap critiques of X-ray papers.
    private const string ScanPipelineNoSplit = """
        [{|#0:Pipeline(typeof(ScanNet), ClassNames = new[] { "normal", "pneumonia" })|}]
        [Train(Epochs = 15)]
        public sealed partial class PneumoniaPipeline
        {
            [Ingest]
            private static IReadOnlyList<Scan> Load() => CsvFile.Read<Scan>("pneumonia.csv");
        }
        """;

    [Fact]
    public Task Scan_pipeline_without_a_split_attribute_is_reported() => Expect(Program(ScanPipelineNoSplit), "MLDSL0019");

    [Fact]
    public Task Scan_pipeline_with_a_grouped_split_is_silent() => Expect(Program(Fix(ScanPipelineNoSplit,
        """[{|#0:Pipeline(typeof(ScanNet), ClassNames = new[] { "normal", "pneumonia" })|}]""",
        """
        [Pipeline(typeof(ScanNet), ClassNames = new[] { "normal", "pneumonia" })]
        [Split(Kind = SplitKind.Grouped)]
        """)));

    // Kind: feature timing (a retention-offer outcome recorded after the customer churned). Source: Kaufman et al. 2012,
    // "Leakage in data mining" — churn and KDD Cup features filled in by the outcome; IBM Telco "retention call" fields.
    private const string RetentionOfferAfterChurn = """
        [Dataset]
        public sealed partial record Account
        {
            [Feature] public float Tenure { get; init; }
            [Feature] public float MonthlyCharges { get; init; }
            [Feature, KnownAt(FeatureTiming.AfterLabel)] public float {|#0:RetentionOfferAccepted|} { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }

        [Model(typeof(Account))]
        public sealed partial class AccountNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public static class Retention
        {
            public static void Main()
            {
                var split = CsvFile.Read<Account>("accounts.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new AccountNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Retention_offer_known_after_the_churn_as_a_feature_is_reported() => Expect(Program(RetentionOfferAfterChurn), "MLDSL0029");

    [Fact]
    public Task Retention_offer_kept_as_ignored_metadata_is_silent() => Expect(Program(Fix(RetentionOfferAfterChurn,
        "[Feature, KnownAt(FeatureTiming.AfterLabel)] public float {|#0:RetentionOfferAccepted|} { get; init; }",
        "[Ignore, KnownAt(FeatureTiming.AfterLabel)] public float RetentionOfferAccepted { get; init; }")));

    // Kind: feature timing (a computed feature that reads a treatment recorded after the diagnosis). Source: Oakden-
    // Rayner et al. 2020 "Hidden stratification" — pneumothorax models that detect chest drains, placed after diagnosis.
    private const string ChestDrainScore = """
        [Dataset]
        public sealed partial record Radiograph
        {
            [Feature] public float Contrast { get; init; }
            [Feature] public float Opacity { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float ChestDrain { get; init; }
            [Feature] public float {|#0:DeviceScore|} => ChestDrain * 2f + Contrast;
            [Label(Classes = 2)] public int Pneumothorax { get; init; }
        }

        [Model(typeof(Radiograph))]
        public sealed partial class RadiographNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public static class Pneumothorax
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Radiograph>("siim.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new RadiographNet();
                net.Fit(train, validation);
                Console.WriteLine($"test accuracy {net.Evaluate(test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Device_score_computed_from_a_chest_drain_placed_after_diagnosis_is_reported() => Expect(Program(ChestDrainScore), "MLDSL0029");

    [Fact]
    public Task Device_score_computed_from_contrast_alone_is_silent() => Expect(Program(Fix(ChestDrainScore,
        "[Feature] public float {|#0:DeviceScore|} => ChestDrain * 2f + Contrast;", "[Feature] public float DeviceScore => Contrast * 2f;")));

    // Kind: identifier (the Titanic PassengerId kept as a feature). Source: Titanic beginners' notebooks that feed
    // PassengerId to the model; Kaggle discussion "PassengerId has feature importance?".
    private const string PassengerIdFeature = """
        [Dataset]
        public sealed partial record Boarding
        {
            [Feature] public int {|#0:PassengerId|} { get; init; }
            [Feature] public float Pclass { get; init; }
            [Feature] public float Fare { get; init; }
            [Label(Classes = 2)] public int Survived { get; init; }
        }

        [Model(typeof(Boarding))]
        public sealed partial class BoardingNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public static class Beginner
        {
            public static void Main()
            {
                var split = CsvFile.Read<Boarding>("train.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new BoardingNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Passenger_id_as_a_feature_is_reported() => Expect(Program(PassengerIdFeature), "MLDSL0021");

    [Fact]
    public Task Passenger_id_ignored_is_silent() => Expect(Program(Fix(PassengerIdFeature,
        "[Feature] public int {|#0:PassengerId|} { get; init; }", "[Ignore] public int PassengerId { get; init; }")));

    // Kind: identifier that repeats (a card id as a feature of transactions). Source: IEEE-CIS fraud detection — card1
    // identifies the card; the winning write-up built client ids and validated by groups, since one card's
    // transactions are alike and fraud labels are per client.
    private const string CardIdFeature = """
        [Dataset]
        public sealed partial record CardPayment
        {
            [Feature] public int {|#0:CardId|} { get; init; }
            [Feature] public float Amount { get; init; }
            [Feature] public float HourOfDay { get; init; }
            [Label(Classes = 2)] public int IsFraud { get; init; }
        }

        [Model(typeof(CardPayment))]
        public sealed partial class CardNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public static class IeeeFraud
        {
            public static void Main()
            {
                var payments = CsvFile.Read<CardPayment>("ieee-train.csv");
                var split = payments.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new CardNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Card_id_as_a_feature_is_reported() => Expect(Program(CardIdFeature), "MLDSL0021");

    [Fact]
    public Task Card_id_as_a_group_key_with_a_grouped_split_is_silent() => Expect(Program(Fix(CardIdFeature,
        "[Feature] public int {|#0:CardId|} { get; init; }", "[GroupKey] public int CardId { get; init; }")
        .Replace("new SplitOptions { Kind = SplitKind.Stratified }", "new SplitOptions { Kind = SplitKind.Grouped }")));
}
