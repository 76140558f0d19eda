using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Target encoding written by hand: a statistic of the label per key (a default rate per region) kept in a table and written
/// into a feature. Learned from rows that include the rows it is written into, each row's own answer is in its feature
/// (MLDSL0017, whatever fills the table: a loop over groups, a query, a helper); learned from other rows (an earlier year's
/// file, the training rows for the held-out parts) it is an honest encoding. One number of every row (a global rate) and
/// statistics of features per key are not target encoding. Both leakage analyzers run (<see cref="LeakageExpectation"/>).
/// </summary>
public sealed class LeakageHandWrittenTargetEncodingTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Loan
        {
            [Feature] public float Income { get; init; }
            [Feature] public float RegionRate { get; init; }
            [Feature] public float RegionIncome { get; init; }
            [Ignore] public string Region { get; init; } = "";
            [Label(Classes = 2)] public int Defaulted { get; init; }
        }

        [Model(typeof(Loan))]
        public sealed partial class LoanNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """;

    private static string Script(string body) => Usings + "public static class Script\n{\n" + body + "\n}\n" + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    // Buggy: the default rate per region, filled into a dictionary by a loop over the groups of every loan, becomes a
    // feature of those same loans; the split comes afterwards.
    [Fact]
    public Task Rate_per_region_filled_by_a_loop_over_groups_of_every_loan_is_reported() => Expect(Script("""
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                var rates = new Dictionary<string, float>();
                foreach (var region in {|#1:loans.GroupBy(l => l.Region)|})
                    rates.Add(region.Key, (float){|#0:region.Average(l => l.Defaulted)|});
                var rows = loans.Select(l => l with { RegionRate = rates[l.Region] }).ToList();
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
            """), "MLDSL0017", "MLDSL0016");

    // Buggy: the defaults and loans per region totalled by hand in one loop over every loan (no grouping call); the filing of
    // each loan's label into the totals is where the table learns them.
    [Fact]
    public Task Defaults_per_region_totalled_in_a_loop_over_every_loan_are_reported() => Expect(Script("""
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                var defaults = new Dictionary<string, float>();
                var counts = new Dictionary<string, int>();
                foreach (var loan in {|#1:loans|})
                {
                    {|#0:defaults[loan.Region] = defaults.GetValueOrDefault(loan.Region) + loan.Defaulted|};
                    counts[loan.Region] = counts.GetValueOrDefault(loan.Region) + 1;
                }
                var rows = loans.Select(l => l with { RegionRate = defaults[l.Region] / counts[l.Region] }).ToList();
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
            """), "MLDSL0017", "MLDSL0016");

    // Fix of the totals: counted over the training loans only, read by the validation and test loans; the training loans
    // themselves keep no rate (the model is trained without it, as a cold-start baseline would be).
    [Fact]
    public Task Defaults_per_region_totalled_over_training_loans_read_by_held_out_loans_is_silent() => Expect(Script("""
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var defaults = new Dictionary<string, float>();
                var counts = new Dictionary<string, int>();
                foreach (var loan in train)
                {
                    defaults[loan.Region] = defaults.GetValueOrDefault(loan.Region) + loan.Defaulted;
                    counts[loan.Region] = counts.GetValueOrDefault(loan.Region) + 1;
                }
                List<Loan> Encode(IEnumerable<Loan> part) => part.Select(l => l with { RegionRate = counts.ContainsKey(l.Region) ? defaults[l.Region] / counts[l.Region] : 0f }).ToList();
                using var model = new LoanNet();
                model.Fit(train, Encode(validation));
                Console.WriteLine(model.Evaluate(Encode(test)).Accuracy);
            }
            """));

    // Buggy, after the split: the training loans get the rate of a table a helper builds from the training loans themselves
    // (in-sample on the training part); reported where the table is read, since the helper that fills it is in sight there.
    // The held-out parts are encoded with that table, which is right for them.
    [Fact]
    public Task Training_loans_encoded_with_their_own_rates_through_a_helper_are_reported() => Expect(Script("""
            static Dictionary<string, float> Rates(IEnumerable<Loan> rows)
            {
                var rates = new Dictionary<string, float>();
                foreach (var region in rows.GroupBy(l => l.Region))
                    rates[region.Key] = (float)region.Average(l => l.Defaulted);
                return rates;
            }

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var rates = Rates(train);
                var encodedTrain = train.Select(l => l with { {|#0:RegionRate = rates[l.Region]|} }).ToList();
                var encodedValidation = validation.Select(l => l with { RegionRate = rates[l.Region] }).ToList();
                using var model = new LoanNet();
                model.Fit(encodedTrain, encodedValidation);
                Console.WriteLine(model.Evaluate(test.Select(l => l with { RegionRate = rates[l.Region] }).ToList()).Accuracy);
            }
            """), "MLDSL0017");

    // Fix of the first: the rates come from last year's loans, rows the model never sees; every current loan reads them.
    [Fact]
    public Task Rate_per_region_from_last_years_loans_is_silent() => Expect(Script("""
            public static void Main()
            {
                var history = CsvFile.Read<Loan>("loans-2023.csv");
                var loans = CsvFile.Read<Loan>("loans-2024.csv");
                var rates = new Dictionary<string, float>();
                foreach (var region in history.GroupBy(l => l.Region))
                    rates.Add(region.Key, (float)region.Average(l => l.Defaulted));
                var rows = loans.Select(l => l with { RegionRate = rates.GetValueOrDefault(l.Region) }).ToList();
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
            """));

    // Look-alike: one default rate of every training loan is a constant, the same for every row; it tells no loan its own answer.
    [Fact]
    public Task One_overall_rate_of_the_training_loans_written_into_every_loan_is_silent() => Expect(Script("""
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                float overall = (float)train.Average(l => l.Defaulted);
                List<Loan> Encode(IEnumerable<Loan> part) => part.Select(l => l with { RegionRate = overall }).ToList();
                using var model = new LoanNet();
                model.Fit(Encode(train), Encode(validation));
                Console.WriteLine(model.Evaluate(Encode(test)).Accuracy);
            }
            """));

    // Look-alike: a mean of a feature per region (the income of the region's training loans) reads no label.
    [Fact]
    public Task Income_per_region_of_the_training_loans_written_into_every_part_is_silent() => Expect(Script("""
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var incomes = new Dictionary<string, float>();
                foreach (var region in train.GroupBy(l => l.Region))
                    incomes[region.Key] = region.Average(l => l.Income);
                List<Loan> Encode(IEnumerable<Loan> part) => part.Select(l => l with { RegionIncome = incomes.GetValueOrDefault(l.Region) }).ToList();
                using var model = new LoanNet();
                model.Fit(Encode(train), Encode(validation));
                Console.WriteLine(model.Evaluate(Encode(test)).Accuracy);
            }
            """));

    // Look-alike: the rate per region of every loan, only printed (an exploratory table), changes no row.
    [Fact]
    public Task Rate_per_region_of_every_loan_only_printed_is_silent() => Expect(Script("""
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                foreach (var region in loans.GroupBy(l => l.Region))
                    Console.WriteLine($"{region.Key}: {region.Average(l => l.Defaulted):P1}");
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
            """));
}
