namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set O, second pass over the same kinds in shapes the first pass did not use: newest-first orderings, a switch on
/// the label, dictionaries of parts, filtered parts, options copied with <c>with</c>, identifiers without an "id" word,
/// timing through an outside helper, and a label defined from a late value (which is what labels are).
/// </summary>
public sealed partial class FreshLeakageCasesO
{
    // Cross Validated "Is it wrong to train on later data and test on earlier data?" (yes, for forecasting): weeks sorted
    // newest first, then the first 80% taken for training, so the model is trained on the future of the test weeks.
    [Fact]
    public Task Weeks_sorted_newest_first_and_cut_is_reported() => Expect(Program("""
        public static class SalesNotebook
        {
            public static void Main()
            {
                var weeks = CsvFile.Read<StoreWeek>("walmart.csv");
                var newestFirst = {|#0:weeks.OrderByDescending(w => w.Week)|}.ToList();
                int cut = newestFirst.Count * 4 / 5;
                var train = newestFirst.Take(cut).ToList();
                var test = newestFirst.Skip(cut).ToList();
                using var net = new StoreNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    // Look-alike: the till export comes newest first, so the previous week of row i is row i + 1; the lag is the past.
    [Fact]
    public Task Lag_read_from_the_next_row_of_a_newest_first_export_is_silent() => Expect(Program("""
        public static class SalesNotebook
        {
            public static void Main()
            {
                var tills = Tills.Load("store1.csv").OrderByDescending(t => t.Week).ToList();
                var weeks = new List<StoreWeek>();
                for (int i = 0; i + 52 < tills.Count; i++)
                    weeks.Add(new StoreWeek
                    {
                        Week = tills[i].Week, Promo = tills[i].Promo, Holiday = tills[i].Holiday, Temperature = tills[i].Temperature,
                        SalesLag1 = tills[i + 1].Sales, SalesLag52 = tills[i + 52].Sales, Sales = tills[i].Sales,
                    });
                var split = weeks.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new StoreNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    // Kaufman et al. (KDD 2011): a feature whose value depends on the label through a switch on it (buyers' page counts
    // "corrected" for the checkout pages).
    [Fact]
    public Task Pages_corrected_by_a_switch_on_the_purchase_is_reported() => Expect(Program("""
        public static class ShopNotebook
        {
            public static void Main()
            {
                var sessions = CsvFile.Read<Session>("sessions.csv");
                var cleaned = sessions.Select(s => s with { {|#0:Pages = s.Purchased switch { 1 => s.Pages - 3f, _ => s.Pages }|} }).ToList();
                var split = cleaned.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new SessionNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    // A dictionary of parts (a notebook's `datasets = {"train": ..., "valid": ...}`) with the training key typed twice.
    [Fact]
    public Task Training_part_read_twice_from_a_dictionary_of_parts_is_reported() => Expect(Program("""
        public static class DriveNotebook
        {
            public static void Main()
            {
                var split = CsvFile.Read<DriveDay>("smart.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                var parts = new Dictionary<string, IReadOnlyList<DriveDay>>
                {
                    ["train"] = split.Train, ["valid"] = split.Validation, ["test"] = split.Test,
                };
                using var net = new DriveNet();
                net.Fit(parts["train"], {|#0:parts["train"]|}, new FitOptions { EarlyStoppingPatience = 3 });
                Console.WriteLine(net.Evaluate(parts["test"]).Accuracy);
            }
        }
        """), "MLDSL0020");

    // Validation rows filtered out of the training part ("validate on the heavy users"), which are training rows.
    [Fact]
    public Task Validation_filtered_from_the_training_sessions_is_reported() => Expect(Program("""
        public static class ShopNotebook
        {
            public static void Main()
            {
                var (train, _, test) = CsvFile.Read<Session>("sessions.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                var heavyUsers = train.Where(s => s.Clicks > 50f).ToList();
                using var net = new SessionNet();
                net.Fit(train, {|#0:heavyUsers|}, new FitOptions { EarlyStoppingPatience = 4 });
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0020");

    // Look-alike: training and validation parts handed back by a helper as a tuple and deconstructed under other names.
    [Fact]
    public Task Parts_from_a_tuple_helper_under_other_names_are_silent() => Expect(Program("""
        public static class ShopNotebook
        {
            static (IReadOnlyList<Session> Fit, IReadOnlyList<Session> Check) TrainingParts(DataSplit<Session> split) =>
                (split.Train, split.Validation);

            public static void Main()
            {
                var split = CsvFile.Read<Session>("sessions.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                var (fit, check) = TrainingParts(split);
                using var net = new SessionNet();
                net.Fit(fit, check, new FitOptions { EarlyStoppingPatience = 4 });
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Grouped fold options copied `with` a plain k-fold kind "for a quick run" over sessions with a user key.
    [Fact]
    public Task Grouped_fold_options_copied_with_kfold_over_sessions_is_reported() => Expect(Program("""
        public static class ShopNotebook
        {
            static readonly FoldOptions ByUser = new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 };

            public static void Main()
            {
                var sessions = CsvFile.Read<Session>("sessions.csv");
                var quick = ByUser with { Kind = FoldKind.KFold, Folds = 3 };
                var result = CrossValidation.Run(sessions, CrossValidation.TrainModel<Session, SessionNet>(() => new SessionNet()), {|#0:quick|});
                Console.WriteLine($"quick CV accuracy {result.Mean:P1}");
            }
        }
        """), "MLDSL0019");

    // An [Ingest] that rescales power-on hours by the largest value over every drive-day (the issue's "largest value
    // over all rows used to rescale a feature before the split", in its declarative form).
    [Fact]
    public Task Drive_pipeline_ingest_rescaling_by_the_largest_value_is_reported() => Expect(Program("""
        [Pipeline(typeof(DriveNet), ClassNames = new[] { "healthy", "failed" })]
        [Split(Kind = SplitKind.Grouped, Validation = 0.1, Test = 0.2, Seed = 6)]
        [Train(Epochs = 25)]
        public sealed partial class DriveFailurePipeline
        {
            [Ingest]
            private static IReadOnlyList<DriveDay> Load()
            {
                var days = CsvFile.Read<DriveDay>("smart.csv");
                float longest = {|#0:days.Max(d => d.PowerOnHours)|};
                return days.Select(d => d with { PowerOnHours = d.PowerOnHours / longest }).ToList();
            }
        }
        """), "MLDSL0016");

    // A phone's IMEI (a device identifier without the word "id") kept as a feature of daily device records
    // (telecom churn notebooks); every device has many rows.
    [Fact]
    public Task Device_imei_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record DeviceDay
        {
            [Feature, Column("imei")] public long {|#0:Imei|} { get; init; }
            [Feature] public float DroppedCalls { get; init; }
            [Feature] public float DataMegabytes { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }

        [Model(typeof(DeviceDay))]
        public sealed partial class DeviceNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");

    // Look-alike: a zip code and a store's floor number are places, not records the rows are about.
    [Fact]
    public Task Zip_code_and_floor_number_are_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record Shop
        {
            [Feature] public int ZipCode { get; init; }
            [Feature] public int FloorNumber { get; init; }
            [Feature] public float Footfall { get; init; }
            [Label] public float Revenue { get; init; }
        }

        [Model(typeof(Shop))]
        public sealed partial class ShopRevenueNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }
        """));

    // Feature timing through a helper outside the row type, given the row itself.
    [Fact]
    public Task Collected_share_through_an_outside_helper_given_the_row_is_reported() => Expect(Program("""
        public static class LoanMath
        {
            public static float Collected(PaidLoan loan) => loan.TotalPayment - loan.Amount;
        }

        [Dataset]
        public sealed partial record PaidLoan
        {
            [Feature] public float Amount { get; init; }
            [Feature] public float Rate { get; init; }
            [Ignore, KnownAt(FeatureTiming.WithLabel)] public float TotalPayment { get; init; }
            [Feature] public float {|#0:CollectedShare|} => LoanMath.Collected(this) / Math.Max(1f, Amount);
            [Label(Classes = 2)] public int ChargedOff { get; init; }
        }

        [Model(typeof(PaidLoan))]
        public sealed partial class PaidLoanNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0029");

    // Look-alike: the label defined from late values (anything recovered, or less paid back than lent, means the loan
    // went bad; the definition Lending Club tutorials use); an outcome is always known late, and that is not leakage.
    [Fact]
    public Task Label_defined_from_the_late_recoveries_that_no_feature_reads_is_silent() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv")
                    .Select(l => l with { ChargedOff = l.Recoveries > 0f || l.TotalPayment < l.Amount ? 1 : 0 })
                    .ToList();
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new LoanNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));
}
