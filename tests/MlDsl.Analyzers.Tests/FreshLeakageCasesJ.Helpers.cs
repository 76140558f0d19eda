namespace MlDsl.Analyzers.Tests;

/// <summary>Set J, third round: the helper shapes the first rounds found weak (helpers returning tuples, user transformer
/// classes, Func-wrapped scores) and the smallest forms of the false alarms they found (per-row Count, cleaning helpers).</summary>
public sealed partial class FreshLeakageCasesJ
{
    // A helper that fits on one argument and returns the scaled other two as a tuple, given every loan to fit on.
    [Fact]
    public Task Helper_fitting_on_every_loan_and_returning_scaled_parts_as_a_tuple_is_reported() => Expect(Program("""
        public static class TupleHelper
        {
            private static (Loan[] Train, Loan[] Test) Scale(IReadOnlyList<Loan> fitOn, IReadOnlyList<Loan> train, IReadOnlyList<Loan> test)
            {
                var scaler = Standardizer.Fit(fitOn);
                return (scaler.Apply(train), scaler.Apply(test));
            }

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0 });
                var (train, test) = {|#0:Scale(loans, split.Train, split.Test)|};
                using var model = new LoanNet();
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // A user-written transformer class (fit/transform as in scikit-learn) learning the mean debt of every loan.
    [Fact]
    public Task User_transformer_class_learning_from_every_loan_before_the_split_is_reported() => Expect(Program("""
        public sealed class DebtCentre
        {
            private float mean;

            public DebtCentre Learn(IEnumerable<Loan> rows) { mean = rows.Average(l => l.Debt); return this; }

            public List<Loan> Transform(IEnumerable<Loan> rows) => rows.Select(l => l with { Debt = l.Debt - mean }).ToList();
        }

        public static class UserTransformer
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var centre = {|#0:new DebtCentre().Learn(loans)|};
                var split = centre.Transform(loans).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task User_transformer_class_learning_from_the_training_part_is_silent() => Expect(Program("""
        public sealed class DebtCentre
        {
            private float mean;

            public DebtCentre Learn(IEnumerable<Loan> rows) { mean = rows.Average(l => l.Debt); return this; }

            public List<Loan> Transform(IEnumerable<Loan> rows) => rows.Select(l => l with { Debt = l.Debt - mean }).ToList();
        }

        public static class UserTransformer
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var centre = new DebtCentre().Learn(split.Train);
                using var model = new LoanNet();
                model.Fit(centre.Transform(split.Train), centre.Transform(split.Validation));
                Console.WriteLine(model.Evaluate(centre.Transform(split.Test)).Accuracy);
            }
        }
        """));

    // The score wrapped in a Func local, called on the training part only.
    [Fact]
    public Task Score_function_in_a_local_called_on_the_training_part_is_reported() => Expect(Program("""
        public static class ScoreFunc
        {
            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train, null, new FitOptions { Epochs = 40 });
                Func<IReadOnlyList<Loan>, double> accuracy = rows => model.Evaluate(rows).Accuracy;
                Console.WriteLine($"accuracy {accuracy({|#0:split.Train|}):P2}");
            }
        }
        """), "MLDSL0027");

    // Smallest form of the per-row Count false alarm: upper-case letters of each review's own text.
    [Fact]
    public Task Upper_case_letters_counted_in_each_review_before_the_split_is_silent() => Expect(Program("""
        public static class Shouting
        {
            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("reviews.csv").Select(r => r with { Exclamations = r.Text.Count(char.IsUpper) }).ToList();
                var split = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReviewNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Word count of each review through Split(...).Length (a property, no aggregate call).
    [Fact]
    public Task Word_count_of_each_review_by_split_length_before_the_split_is_silent() => Expect(Program("""
        public static class Words
        {
            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("reviews.csv").Select(r => r with { Length = r.Text.Split(' ').Length }).ToList();
                var split = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReviewNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // A static cleaning helper with a ternary that returns the row itself or a fixed copy, applied to each part.
    [Fact]
    public Task Static_cleaning_helper_with_a_ternary_applied_to_each_part_is_silent() => Expect(Program("""
        public static class CleanParts
        {
            private static List<Loan> Clean(IEnumerable<Loan> rows) => rows.Select(l => l.Debt < 0 ? l with { Debt = 0 } : l).ToList();

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(Clean(train), Clean(validation), new FitOptions { EarlyStoppingPatience = 4 });
                Console.WriteLine(model.Evaluate(Clean(test)).Accuracy);
            }
        }
        """));

    // A local function in query syntax (no let) that clips income, applied to each part.
    [Fact]
    public Task Query_syntax_local_function_clipping_each_part_is_silent() => Expect(Program("""
        public static class ClipParts
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                IReadOnlyList<Loan> Clip(IReadOnlyList<Loan> part) => (from l in part select l with { Income = Math.Min(l.Income, 1e6f) }).ToList();
                using var model = new LoanNet();
                model.Fit(Clip(train), Clip(validation), new FitOptions { EarlyStoppingPatience = 4 });
                Console.WriteLine(model.Evaluate(Clip(test)).Accuracy);
            }
        }
        """));
}
