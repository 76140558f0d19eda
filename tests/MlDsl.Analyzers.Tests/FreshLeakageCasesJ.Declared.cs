namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set J, kinds "label and feature entangled outside the record" (MLDSL0017), "group and time leakage, declarative
/// too" (MLDSL0019 and the [Ingest] MLDSL0016), "feature timing" (MLDSL0029) and "identifiers" (MLDSL0021).
/// </summary>
public sealed partial class FreshLeakageCasesJ
{
    // Kaufman, Rosset & Perlich, "Leakage in data mining" (KDD 2011): the target defined from a feature. Here the bank's
    // export is turned into rows, and "defaulted" is defined as three or more late payments — a feature of the same row.
    [Fact]
    public Task Default_label_thresholded_from_the_late_payments_feature_in_a_projection_is_reported() => Expect(Program("""
        public static class Labelling
        {
            private static IEnumerable<RawLoan> Export() => File.ReadLines("export.csv").Skip(1).Select(line => line.Split(';'))
                .Select(f => new RawLoan(f[0], float.Parse(f[1]), float.Parse(f[2]), float.Parse(f[3]), float.Parse(f[4]), float.Parse(f[5]), f[6]));

            public static void Main()
            {
                var loans = Export().Select(raw => new Loan
                {
                    Region = raw.Region,
                    Income = raw.Income,
                    Debt = raw.Debt,
                    Age = raw.Age,
                    Utilisation = raw.Utilisation,
                    LatePayments = raw.LatePayments,
                    {|#0:Defaulted = raw.LatePayments >= 3 ? 1 : 0|},
                }).ToList();
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    // Fix: the label is the recorded outcome (a status compared for equality only).
    [Fact]
    public Task Default_label_recorded_from_the_status_column_in_a_projection_is_silent() => Expect(Program("""
        public static class Labelling
        {
            private static IEnumerable<RawLoan> Export() => File.ReadLines("export.csv").Skip(1).Select(line => line.Split(';'))
                .Select(f => new RawLoan(f[0], float.Parse(f[1]), float.Parse(f[2]), float.Parse(f[3]), float.Parse(f[4]), float.Parse(f[5]), f[6]));

            public static void Main()
            {
                var loans = Export().Select(raw => new Loan
                {
                    Region = raw.Region,
                    Income = raw.Income,
                    Debt = raw.Debt,
                    Age = raw.Age,
                    Utilisation = raw.Utilisation,
                    LatePayments = raw.LatePayments,
                    Defaulted = raw.Status == "ChargedOff" ? 1 : 0,
                }).ToList();
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // A feature computed from the label in a helper outside the record ("risk flag" that reads the outcome).
    [Fact]
    public Task Utilisation_bumped_for_defaulted_loans_in_a_helper_is_reported() => Expect(Program("""
        public static class Flags
        {
            private static Loan Flag(Loan l) => l with { {|#0:Utilisation = l.Defaulted == 1 ? l.Utilisation + 1f : l.Utilisation|} };

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv").Select(Flag).ToList();
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    // In-sample target encoding: default rate per region from every loan, including the row's own label; then split.
    [Fact]
    public Task Default_rate_per_region_over_every_loan_written_into_each_row_is_reported() => Expect(Program("""
        public static class RegionRates
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var rates = {|#0:loans.GroupBy(l => l.Region).ToDictionary(g => g.Key, g => (float)g.Average(l => l.Defaulted))|};
                var rows = loans.Select(l => l with { {|#1:RegionRate = rates[l.Region]|} }).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016", "MLDSL0017");

    // Look-alike: lag features of a [Timestamp] row are the label's earlier values, known at prediction time.
    [Fact]
    public Task Lagged_units_of_earlier_days_on_timestamped_rows_is_silent() => Expect(Program("""
        public static class Lags
        {
            public static void Main()
            {
                var tills = File.ReadLines("tills.csv").Skip(1).Select(l => l.Split(','))
                    .Select(f => new Till(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]), float.Parse(f[3])))
                    .OrderBy(t => t.Date).ToList();
                var days = new List<StoreDay>();
                for (int i = 7; i < tills.Count; i++)
                    days.Add(new StoreDay
                    {
                        Date = tills[i].Date,
                        Promo = tills[i].Promo,
                        Holiday = tills[i].Holiday,
                        UnitsLag1 = tills[i - 1].Units,
                        UnitsLag7 = tills[i - 7].Units,
                        Units = tills[i].Units,
                    });
                var (train, validation, test) = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new StoreNet();
                model.Fit(train, validation);
                Console.WriteLine($"test MAE {model.Evaluate(test).MeanAbsoluteError:F1}");
            }
        }
        """));

    // A "lag" that reads tomorrow: tills[i + 1] is the day after the label's day.
    [Fact]
    public Task Lag_feature_that_reads_the_next_day_is_reported() => Expect(Program("""
        public static class Lags
        {
            public static void Main()
            {
                var tills = File.ReadLines("tills.csv").Skip(1).Select(l => l.Split(','))
                    .Select(f => new Till(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]), float.Parse(f[3])))
                    .OrderBy(t => t.Date).ToList();
                var days = new List<StoreDay>();
                for (int i = 7; i + 1 < tills.Count; i++)
                    days.Add(new StoreDay
                    {
                        Date = tills[i].Date,
                        Promo = tills[i].Promo,
                        Holiday = tills[i].Holiday,
                        {|#0:UnitsLag1 = tills[i + 1].Units|},
                        UnitsLag7 = tills[i - 7].Units,
                        Units = tills[i].Units,
                    });
                var (train, validation, test) = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new StoreNet();
                model.Fit(train, validation);
                Console.WriteLine($"test MAE {model.Evaluate(test).MeanAbsoluteError:F1}");
            }
        }
        """), "MLDSL0017");

    // Bearing vibration data (NASA IMS / CWRU notebooks): readings of one machine on both sides of a random pipeline split.
    [Fact]
    public Task Bearing_pipeline_with_a_random_split_is_reported() => Expect(Program("""
        [Pipeline(typeof(BearingNet), ClassNames = new[] { "healthy", "failing" })]
        [{|#0:Split(Kind = SplitKind.Random, Validation = 0.1, Test = 0.2)|}]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 20)]
        public sealed partial class BearingPipeline
        {
            [Ingest] private static IReadOnlyList<Bearing> Load() => CsvFile.Read<Bearing>("bearings.csv").Where(b => b.Rpm > 0).ToList();
        }
        """), "MLDSL0019");

    [Fact]
    public Task Bearing_pipeline_with_a_grouped_split_is_silent() => Expect(Program("""
        [Pipeline(typeof(BearingNet), ClassNames = new[] { "healthy", "failing" })]
        [Split(Kind = SplitKind.Grouped, Validation = 0.1, Test = 0.2)]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 20)]
        public sealed partial class BearingPipeline
        {
            [Ingest] private static IReadOnlyList<Bearing> Load() => CsvFile.Read<Bearing>("bearings.csv").Where(b => b.Rpm > 0).ToList();
        }
        """));

    // A sales pipeline with no [Split] at all: it splits randomly, over timestamped days.
    [Fact]
    public Task Sales_pipeline_without_a_split_attribute_is_reported() => Expect(Program("""
        [{|#0:Pipeline(typeof(StoreNet))|}]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 30, EarlyStoppingPatience = 4)]
        public sealed partial class SalesPipeline
        {
            [Ingest] private static IReadOnlyList<StoreDay> Load() => CsvFile.Read<StoreDay>("sales.csv");
        }
        """), "MLDSL0019");

    // An [Ingest] that rescales every day through a local function before the pipeline's own time split.
    [Fact]
    public Task Sales_pipeline_ingest_rescaling_every_day_in_a_local_function_is_reported() => Expect(Program("""
        [Pipeline(typeof(StoreNet))]
        [Split(Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2)]
        [Train(Epochs = 30)]
        public sealed partial class SalesPipeline
        {
            [Ingest]
            private static IReadOnlyList<StoreDay> Load()
            {
                var days = CsvFile.Read<StoreDay>("sales.csv");
                StoreDay[] Scale(IReadOnlyList<StoreDay> rows) => MinMaxScaler.Fit(rows).Apply(rows);
                return {|#0:Scale(days)|};
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Sales_pipeline_with_a_min_max_transform_stage_is_silent() => Expect(Program("""
        [Pipeline(typeof(StoreNet))]
        [Split(Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2)]
        [Transform(TransformKind.MinMax)]
        [Train(Epochs = 30)]
        public sealed partial class SalesPipeline
        {
            [Ingest]
            private static IReadOnlyList<StoreDay> Load() => CsvFile.Read<StoreDay>("sales.csv").OrderBy(d => d.Date).ToList();
        }
        """));

    // Imperative cross-validation over bearings with stratified folds: one machine in a fold's training and validation rows.
    [Fact]
    public Task Stratified_folds_over_bearings_is_reported() => Expect(Program("""
        public static class BearingCv
        {
            public static void Main()
            {
                var bearings = CsvFile.Read<Bearing>("bearings.csv");
                var folds = new FoldOptions { Kind = FoldKind.Stratified, Folds = 5, Shuffle = true };
                var result = CrossValidation.Run(bearings, CrossValidation.TrainModel<Bearing, BearingNet>(() => new BearingNet()), {|#0:folds|});
                Console.WriteLine(result);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Grouped_folds_over_bearings_is_silent() => Expect(Program("""
        public static class BearingCv
        {
            public static void Main()
            {
                var bearings = CsvFile.Read<Bearing>("bearings.csv");
                var folds = new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 };
                var result = CrossValidation.Run(bearings, CrossValidation.TrainModel<Bearing, BearingNet>(() => new BearingNet()), folds);
                Console.WriteLine(result);
            }
        }
        """));

    // A hand-written 80/20 cut of shuffled days (sklearn's train_test_split default shuffle=True on a time series).
    [Fact]
    public Task Shuffled_days_cut_eighty_twenty_is_reported() => Expect(Program("""
        public static class HandSplit
        {
            public static void Main()
            {
                var days = CsvFile.Read<StoreDay>("sales.csv");
                var random = new Random(0);
                var shuffled = {|#0:days.OrderBy(_ => random.Next())|}.ToList();
                int cut = (int)(shuffled.Count * 0.8);
                var train = shuffled.Take(cut).ToList();
                var test = shuffled.Skip(cut).ToList();
                using var model = new StoreNet();
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Days_ordered_by_date_then_cut_eighty_twenty_is_silent() => Expect(Program("""
        public static class HandSplit
        {
            public static void Main()
            {
                var days = CsvFile.Read<StoreDay>("sales.csv");
                var ordered = days.OrderBy(d => d.Date).ToList();
                int cut = (int)(ordered.Count * 0.8);
                var train = ordered.Take(cut).ToList();
                var test = ordered.Skip(cut).ToList();
                using var model = new StoreNet();
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // Feature timing: the collections team's call count is logged after the default (Kaggle "Home Credit" leak threads).
    [Fact]
    public Task Collection_calls_known_after_the_default_used_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Account
        {
            [Feature] public float Balance { get; init; }
            [Feature] public float Tenure { get; init; }
            [Feature, KnownAt(FeatureTiming.AfterLabel)] public float {|#0:CollectionCalls|} { get; init; }
            [Label(Classes = 2)] public int Defaulted { get; init; }
        }

        [Model(typeof(Account))]
        public sealed partial class AccountNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0029");

    [Fact]
    public Task Collection_calls_known_after_the_default_kept_as_ignored_metadata_is_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record Account
        {
            [Feature] public float Balance { get; init; }
            [Feature] public float Tenure { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float CollectionCalls { get; init; }
            [Feature, KnownAt(FeatureTiming.BeforeLabel)] public float CallsBeforeDue { get; init; }
            [Label(Classes = 2)] public int Defaulted { get; init; }
        }

        [Model(typeof(Account))]
        public sealed partial class AccountNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """));

    // Timing through a computed feature: the write-off share reads the amount written off with the default.
    [Fact]
    public Task Computed_feature_reading_an_amount_known_with_the_label_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Account
        {
            [Feature] public float Balance { get; init; }
            [Ignore, KnownAt(FeatureTiming.WithLabel)] public float WrittenOff { get; init; }
            [Feature] public float {|#0:WriteOffShare|} => Balance > 0 ? WrittenOff / Balance : 0f;
            [Label(Classes = 2)] public int Defaulted { get; init; }
        }

        [Model(typeof(Account))]
        public sealed partial class AccountNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0029");

    // Identifiers: an application id as a feature (Kaggle "Home Credit": SK_ID_CURR sneaking into the features).
    [Fact]
    public Task Application_id_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Application
        {
            [Feature, Column("SK_ID_CURR")] public int {|#0:ApplicationId|} { get; init; }
            [Feature] public float Income { get; init; }
            [Feature] public float Credit { get; init; }
            [Label(Classes = 2)] public int Target { get; init; }
        }

        [Model(typeof(Application))]
        public sealed partial class ApplicationNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");

    // A customer number repeats across a customer's loans: a group key in disguise.
    [Fact]
    public Task Customer_number_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Instalment
        {
            [Feature] public int {|#0:CustomerNumber|} { get; init; }
            [Feature] public float Amount { get; init; }
            [Feature] public float DaysLate { get; init; }
            [Label(Classes = 2)] public int Missed { get; init; }
        }

        [Model(typeof(Instalment))]
        public sealed partial class InstalmentNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");

    // Fix and look-alikes: the customer number is the group key (not a feature), split grouped; counts and measures
    // whose names end like identifiers are features.
    [Fact]
    public Task Customer_number_as_group_key_with_identifier_like_counts_is_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record Instalment
        {
            [GroupKey] public int CustomerNumber { get; init; }
            [Feature] public float Amount { get; init; }
            [Feature] public int NumberOfLoans { get; init; }
            [Feature] public float AmountPaid { get; init; }
            [Feature] public float CreditScoreIndex { get; init; }
            [Label(Classes = 2)] public int Missed { get; init; }
        }

        [Model(typeof(Instalment))]
        public sealed partial class InstalmentNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public static class Instalments
        {
            public static void Main()
            {
                var rows = CsvFile.Read<Instalment>("instalments.csv");
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new InstalmentNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));
}
