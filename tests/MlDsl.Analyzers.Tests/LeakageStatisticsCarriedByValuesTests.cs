using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixQ's kind: statistics learned from rows that travel inside values before they change rows that are later split or
/// scored — a lambda kept in a variable, a field, a list or a dictionary capturing a statistic of every row; a function
/// that fits on its own argument invoked on every row from a dictionary of fitters; an object that learns in its
/// constructor, applied by its method group; quantile edges from sorted values read by a local function; and a score
/// wrapped in a Func invoked on the rows the model trained on (MLDSL0027). Each kind: the leaky program, its fix, and
/// look-alikes that must stay silent. Both leakage analyzers run (<see cref="LeakageExpectation"/>).
/// </summary>
public sealed class LeakageStatisticsCarriedByValuesTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Loan
        {
            [Feature] public float Income { get; init; }
            [Feature] public float Debt { get; init; }
            [Feature] public float Age { get; init; }
            [Label(Classes = 2)] public int Defaulted { get; init; }
        }

        [Model(typeof(Loan))]
        public sealed partial class LoanNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        /// <summary>Caps incomes at a quantile sorted out of the rows it is made with.</summary>
        public sealed class IncomeCap
        {
            private readonly float cap;

            public IncomeCap(IEnumerable<Loan> rows, float quantile)
            {
                var sorted = rows.Select(r => r.Income).ToList();
                sorted.Sort();
                cap = sorted[(int)(quantile * (sorted.Count - 1))];
            }

            public float Cap => cap;

            public Loan Apply(Loan loan) => loan with { Income = Math.Min(loan.Income, cap) };
        }
        """;

    /// <summary>A program whose Main is <paramref name="main"/> (its body), with the rows, model and IncomeCap above.</summary>
    private static string Program(string main) => Usings + """
        public static class Notebook
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
        """ + main + """

            }
        }
        """ + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    // ───────────── a lambda kept as a value, capturing statistics of every row ─────────────

    [Fact]
    public Task Lambda_in_a_field_capturing_the_largest_income_of_every_loan_applied_before_the_split_is_reported() => Expect(Usings + """
        public static class Notebook
        {
            private static Func<Loan, Loan> scale = loan => loan;

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                float largest = {|#0:loans.Max(l => l.Income)|};
                float oldest = loans.Max(l => l.Age);
                scale = l => l with { Income = l.Income / largest, Age = l.Age / oldest };
                var split = loans.Select(scale).ToList().Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """ + Rows, "MLDSL0016");

    [Fact]
    public Task Lambda_in_a_field_capturing_the_largest_income_of_the_training_loans_is_silent() => Expect(Usings + """
        public static class Notebook
        {
            private static Func<Loan, Loan> scale = loan => loan;

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                float largest = split.Train.Max(l => l.Income);
                float oldest = split.Train.Max(l => l.Age);
                scale = l => l with { Income = l.Income / largest, Age = l.Age / oldest };
                using var model = new LoanNet();
                model.Fit(split.Train.Select(scale).ToList(), split.Validation.Select(scale).ToList());
                Console.WriteLine(model.Evaluate(split.Test.Select(scale).ToList()).Accuracy);
            }
        }
        """ + Rows);

    [Fact]
    public Task List_of_lambdas_one_capturing_the_mean_debt_of_every_loan_applied_in_a_loop_before_the_split_is_reported() => Expect(Program("""
                float meanDebt = {|#0:loans.Average(l => l.Debt)|};
                var steps = new List<Func<Loan, Loan>>
                {
                    l => l with { Debt = l.Debt - meanDebt },
                    l => l with { Income = MathF.Log(1 + l.Income) },
                };
                IEnumerable<Loan> rows = loans;
                foreach (var step in steps) rows = rows.Select(step);
                var (train, validation, test) = rows.ToList().Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
        """), "MLDSL0016");

    // Look-alike: the stored lambda only uses constants and each row's own values (a log, a ratio).
    [Fact]
    public Task Stored_lambda_of_constants_and_each_rows_own_values_before_the_split_is_silent() => Expect(Program("""
                const float IncomeCeiling = 1_000_000f;
                Func<Loan, Loan> tidy = l => l with { Income = MathF.Min(l.Income, IncomeCeiling), Debt = l.Income > 0 ? l.Debt / l.Income : 0f };
                var (train, validation, test) = loans.Select(tidy).ToList().Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
        """));

    // Look-alike: the lambda captures a mean of every loan only to print it beside each row; the model gets raw rows.
    [Fact]
    public Task Stored_lambda_capturing_a_mean_of_every_loan_only_for_a_printout_is_silent() => Expect(Program("""
                float meanDebt = loans.Average(l => l.Debt);
                Func<Loan, string> describe = l => $"debt {l.Debt:F0} against a mean of {meanDebt:F0}";
                foreach (var line in loans.Take(5).Select(describe)) Console.WriteLine(line);
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
        """));

    // ───────────── a function that fits on its argument, known only from the value it is taken from ─────────────

    [Fact]
    public Task Fitter_taken_from_a_dictionary_and_invoked_on_every_loan_before_the_split_is_reported() => Expect(Program("""
                var fitters = new Dictionary<string, Func<IReadOnlyList<Loan>, Loan[]>>
                {
                    ["minmax"] = rows => MinMaxScaler.Fit(rows).Apply(rows),
                };
                foreach (var (name, prepare) in fitters)
                {
                    var (train, validation, test) = {|#0:prepare(loans)|}.Split(new SplitOptions { Kind = SplitKind.Stratified });
                    using var model = new LoanNet();
                    model.Fit(train, validation);
                    Console.WriteLine($"{name}: {model.Evaluate(test).Accuracy:P2}");
                }
        """), "MLDSL0016");

    [Fact]
    public Task Fitter_taken_from_a_dictionary_and_invoked_on_the_training_loans_only_is_silent() => Expect(Program("""
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var fitters = new Dictionary<string, Func<IReadOnlyList<Loan>, Func<IReadOnlyList<Loan>, Loan[]>>>
                {
                    ["minmax"] = fit => { var scaler = MinMaxScaler.Fit(fit); return rows => scaler.Apply(rows); },
                };
                foreach (var (name, fitter) in fitters)
                {
                    var apply = fitter(train);
                    using var model = new LoanNet();
                    model.Fit(apply(train), apply(validation));
                    Console.WriteLine($"{name}: {model.Evaluate(apply(test)).Accuracy:P2}");
                }
        """));

    // Look-alike: the dictionary's functions only filter the rows they are given; they learn nothing from them.
    [Fact]
    public Task Dictionary_of_cleaning_functions_without_statistics_invoked_on_every_loan_is_silent() => Expect(Program("""
                var cleaners = new Dictionary<string, Func<IReadOnlyList<Loan>, List<Loan>>>
                {
                    ["drop negative debt"] = rows => rows.Where(l => l.Debt >= 0).ToList(),
                    ["adults"] = rows => rows.Where(l => l.Age >= 18).ToList(),
                };
                foreach (var (name, clean) in cleaners)
                {
                    var (train, validation, test) = clean(loans).Split(new SplitOptions { Kind = SplitKind.Stratified });
                    using var model = new LoanNet();
                    model.Fit(train, validation);
                    Console.WriteLine($"{name}: {model.Evaluate(test).Accuracy:P2}");
                }
        """));

    // ───────────── an object that learns in its constructor, applied by its method group ─────────────

    [Fact]
    public Task Cap_made_from_every_loan_applied_by_its_method_group_before_the_split_is_reported() => Expect(Program("""
                var cap = {|#0:new IncomeCap(loans, 0.99f)|};
                var (train, validation, test) = loans.Select(cap.Apply).ToList().Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
        """), "MLDSL0016");

    [Fact]
    public Task Cap_made_from_every_loan_applied_in_a_lambda_before_the_split_is_reported_where_it_is_made() => Expect(Program("""
                var cap = {|#0:new IncomeCap(loans, 0.99f)|};
                var (train, validation, test) = loans.Select(l => cap.Apply(l)).ToList().Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
        """), "MLDSL0016");

    [Fact]
    public Task Cap_made_from_the_training_loans_applied_to_each_part_is_silent() => Expect(Program("""
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var cap = new IncomeCap(train, 0.99f);
                using var model = new LoanNet();
                model.Fit(train.Select(cap.Apply).ToList(), validation.Select(cap.Apply).ToList());
                Console.WriteLine(model.Evaluate(test.Select(cap.Apply).ToList()).Accuracy);
        """));

    // Look-alike: a cap of every loan only printed in the EDA cell; training uses a cap made from its own rows.
    [Fact]
    public Task Cap_made_from_every_loan_only_printed_is_silent() => Expect(Program("""
                Console.WriteLine($"99th percentile of income over every loan: {new IncomeCap(loans, 0.99f).Cap:F0}");
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var cap = new IncomeCap(train, 0.99f);
                using var model = new LoanNet();
                model.Fit(train.Select(cap.Apply).ToList(), validation.Select(cap.Apply).ToList());
                Console.WriteLine(model.Evaluate(test.Select(cap.Apply).ToList()).Accuracy);
        """));

    // ───────────── quantile edges from sorted values, read by a local function ─────────────

    [Fact]
    public Task Quartile_edges_sorted_from_every_loan_read_by_a_local_function_before_the_split_is_reported() => Expect(Program("""
                float[] incomes = {|#0:loans.Select(l => l.Income).OrderBy(i => i).ToArray()|};
                float[] edges = new[] { 0.25, 0.5, 0.75 }.Select(q => incomes[(int)(q * (incomes.Length - 1))]).ToArray();
                float Quartile(float income) => edges.Count(edge => income >= edge);
                var (train, validation, test) = loans.Select(l => l with { Income = Quartile(l.Income) }).ToList().Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
        """), "MLDSL0016");

    [Fact]
    public Task Quartile_edges_sorted_from_the_training_loans_is_silent() => Expect(Program("""
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                float[] incomes = train.Select(l => l.Income).OrderBy(i => i).ToArray();
                float[] edges = new[] { 0.25, 0.5, 0.75 }.Select(q => incomes[(int)(q * (incomes.Length - 1))]).ToArray();
                float Quartile(float income) => edges.Count(edge => income >= edge);
                List<Loan> Binned(IEnumerable<Loan> part) => part.Select(l => l with { Income = Quartile(l.Income) }).ToList();
                using var model = new LoanNet();
                model.Fit(Binned(train), Binned(validation));
                Console.WriteLine(model.Evaluate(Binned(test)).Accuracy);
        """));

    // Look-alike: the incomes of every loan sorted only to print their quartiles; the model gets raw rows.
    [Fact]
    public Task Sorted_incomes_of_every_loan_only_printed_is_silent() => Expect(Program("""
                float[] incomes = loans.Select(l => l.Income).OrderBy(i => i).ToArray();
                Console.WriteLine($"income quartiles {incomes[incomes.Length / 4]:F0} / {incomes[incomes.Length / 2]:F0} / {incomes[3 * incomes.Length / 4]:F0}");
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
        """));

    // ───────────── a score wrapped in a Func, invoked on the rows the model trained on (MLDSL0027) ─────────────

    [Fact]
    public Task Accuracy_function_invoked_on_the_training_rows_is_reported() => Expect(Program("""
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train);
                Func<IReadOnlyList<Loan>, double> accuracy = rows => model.Evaluate(rows).Accuracy;
                Console.WriteLine($"accuracy {accuracy({|#0:train|}):P2}");
        """), "MLDSL0027");

    [Fact]
    public Task Accuracy_function_invoked_on_the_test_rows_is_silent() => Expect(Program("""
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train);
                Func<IReadOnlyList<Loan>, double> accuracy = rows => model.Evaluate(rows).Accuracy;
                Console.WriteLine($"accuracy {accuracy(test):P2}");
        """));

    // Look-alike: a local function scoring a model on the training and the test rows side by side (a diagnosis of the gap).
    [Fact]
    public Task Accuracy_local_function_on_the_training_and_the_test_rows_side_by_side_is_silent() => Expect(Program("""
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train);
                double Accuracy(IReadOnlyList<Loan> rows) => model.Evaluate(rows).Accuracy;
                Console.WriteLine($"train {Accuracy(train):P2}, test {Accuracy(test):P2}");
        """));
}
