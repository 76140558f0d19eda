namespace MlDsl.Analyzers.Tests;

/// <summary>Set J, the same kinds in other code shapes (class state, while loops, Zip, subsets, label statistics, helper getters).</summary>
public sealed partial class FreshLeakageCasesJ
{
    // Class state: a static scaler fitted in the type's initializer on every loan; rows split later in Main.
    [Fact]
    public Task Static_scaler_fitted_on_every_loan_in_a_field_initializer_is_reported() => Expect(Program("""
        public static class Shared
        {
            private static readonly IReadOnlyList<Loan> Loans = CsvFile.Read<Loan>("credit.csv");
            private static readonly MinMaxScaler Scaler = MinMaxScaler.Fit({|#0:Loans|});

            public static void Main()
            {
                var split = Loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(Scaler.Apply(split.Train), Scaler.Apply(split.Validation));
                Console.WriteLine(model.Evaluate(Scaler.Apply(split.Test)).Accuracy);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Static_split_in_a_field_initializer_with_a_scaler_on_its_training_part_is_silent() => Expect(Program("""
        public static class Shared
        {
            private static readonly DataSplit<Loan> Parts = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
            private static readonly MinMaxScaler Scaler = MinMaxScaler.Fit(Parts.Train);

            public static void Main()
            {
                using var model = new LoanNet();
                model.Fit(Scaler.Apply(Parts.Train), Scaler.Apply(Parts.Validation));
                Console.WriteLine(model.Evaluate(Scaler.Apply(Parts.Test)).Accuracy);
            }
        }
        """));

    // Random oversampling by hand in a while loop over every loan (draws with replacement), then split.
    [Fact]
    public Task Defaults_drawn_with_replacement_in_a_while_loop_before_the_split_is_reported() => Expect(Program("""
        public static class WhileBalance
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var defaults = loans.Where(l => l.Defaulted == 1).ToList();
                var balanced = loans.ToList();
                var random = new Random(1);
                while (balanced.Count(l => l.Defaulted == 1) * 2 < balanced.Count)
                    {|#0:balanced.Add(defaults[random.Next(defaults.Count)])|};
                var split = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0026");

    [Fact]
    public Task Defaults_drawn_with_replacement_in_a_while_loop_from_the_training_part_is_silent() => Expect(Program("""
        public static class WhileBalance
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var defaults = split.Train.Where(l => l.Defaulted == 1).ToList();
                var balanced = split.Train.ToList();
                var random = new Random(1);
                while (balanced.Count(l => l.Defaulted == 1) * 2 < balanced.Count)
                    balanced.Add(defaults[random.Next(defaults.Count)]);
                using var model = new LoanNet();
                model.Fit(balanced, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // A statistic of the test labels builds the labels: "busy day" is defined as above the test period's mean units.
    // Issue 15 lists this under "the test part steering any choice"; the MLDSL0016 page claims it ("a statistic of the
    // test rows (their labels included) used to build rows"), so the id follows the rule page.
    [Fact]
    public Task Busy_day_label_defined_by_the_test_periods_mean_units_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record BusyDay
        {
            [Timestamp] public DateTime Date { get; init; }
            [Feature] public float Promo { get; init; }
            [Feature] public float UnitsLag7 { get; init; }
            [Label(Classes = 2)] public int Busy { get; init; }
        }

        [Model(typeof(BusyDay))]
        public sealed partial class BusyNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public static class Busy
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<StoreDay>("sales.csv").Split(new SplitOptions { Kind = SplitKind.ByTime });
                float busy = {|#0:test.Average(d => d.Units)|};
                List<BusyDay> Label(IEnumerable<StoreDay> part) =>
                    part.Select(d => new BusyDay { Date = d.Date, Promo = d.Promo, UnitsLag7 = d.UnitsLag7, Busy = d.Units > busy ? 1 : 0 }).ToList();
                using var model = new BusyNet();
                model.Fit(Label(train), Label(validation));
                Console.WriteLine(model.Evaluate(Label(test)).Accuracy);
            }
        }
        """), "MLDSL0016");

    // Scored on a subset of the training rows (Take(500)): still rows it trained on, and the only score.
    [Fact]
    public Task Score_on_the_first_five_hundred_training_rows_is_reported() => Expect(Program("""
        public static class Subset
        {
            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train);
                var sample = split.Train.Take(500).ToList();
                Console.WriteLine($"accuracy on a sample {model.Evaluate({|#0:sample|}).Accuracy:P2}");
            }
        }
        """), "MLDSL0027");

    // In-sample stacking with Zip: probabilities for every loan from a model fitted on every loan, zipped into rows.
    [Fact]
    public Task Probabilities_zipped_into_every_loan_from_a_model_fitted_on_them_is_reported() => Expect(Program("""
        public static class ZipStack
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                using var first = new LoanNet(seed: 1);
                first.Fit(loans, null, new FitOptions { Epochs = 20 });
                var stacked = loans.Zip({|#0:first.PredictProbabilities(loans)|}, (l, p) => l with { RegionRate = p[1] }).ToList();
                var (train, validation, test) = stacked.Split();
                using var second = new LoanNet(seed: 2);
                second.Fit(train, validation);
                Console.WriteLine(second.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0028");

    // Validation rows that are a slice of the training rows: Fit(train, train.Take(200)).
    [Fact]
    public Task First_two_hundred_training_rows_as_validation_is_reported() => Expect(Program("""
        public static class Slice
        {
            public static void Main()
            {
                var (train, _, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Validation = 0 });
                using var model = new LoanNet();
                model.Fit(train, {|#0:train.Take(200).ToList()|}, new FitOptions { EarlyStoppingPatience = 3 });
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0020");

    [Fact]
    public Task First_two_hundred_training_rows_held_out_as_validation_is_silent() => Expect(Program("""
        public static class Slice
        {
            public static void Main()
            {
                var (train, _, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Validation = 0 });
                using var model = new LoanNet();
                model.Fit(train.Skip(200).ToList(), train.Take(200).ToList(), new FitOptions { EarlyStoppingPatience = 3 });
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """));

    // Feature timing through a static helper: the feature's getter calls a helper that reads a member known after the label.
    [Fact]
    public Task Feature_getter_reading_an_after_label_member_through_a_static_helper_is_reported() => Expect(Program("""
        public static class Recovery
        {
            public static float Share(Account a) => a.Balance > 0 ? a.Recovered / a.Balance : 0f;
        }

        [Dataset]
        public sealed partial record Account
        {
            [Feature] public float Balance { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float Recovered { get; init; }
            [Feature] public float {|#0:RecoveryShare|} => Recovery.Share(this);
            [Label(Classes = 2)] public int Defaulted { get; init; }
        }

        [Model(typeof(Account))]
        public sealed partial class AccountNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0029");

    // A device serial number (a string id that repeats across a device's readings) as a feature.
    [Fact]
    public Task Device_serial_number_string_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Reading
        {
            [Feature, Categories("A17", "B22", "C09")] public string Variant { get; init; } = "";
            [Feature] public int {|#0:DeviceNo|} { get; init; }
            [Feature] public float Voltage { get; init; }
            [Label(Classes = 2)] public int Faulty { get; init; }
        }

        [Model(typeof(Reading))]
        public sealed partial class ReadingNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");

    // Look-alikes: a musical key, a week number, a humidity index and a bid are features, not identifiers.
    [Fact]
    public Task Key_week_number_and_bid_features_are_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record Listing
        {
            [Feature] public int Key { get; init; }
            [Feature] public int WeekNumber { get; init; }
            [Feature] public float HeatIndex { get; init; }
            [Feature] public float Bid { get; init; }
            [Feature] public int NumOfBids { get; init; }
            [Label(Classes = 2)] public int Sold { get; init; }
        }

        [Model(typeof(Listing))]
        public sealed partial class ListingNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """));
}
