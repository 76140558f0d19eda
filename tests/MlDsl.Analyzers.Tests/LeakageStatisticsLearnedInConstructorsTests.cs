using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// A class that learns from the rows it is made with (a step fitted in its constructor and kept in a field): the object learns
/// at <c>new</c>, so a leak is reported there, not at the later call that applies what it learned; made from the training rows
/// or from rows the model never sees, or learning only in a method called with the training rows, it is silent. Both leakage
/// analyzers run (<see cref="LeakageExpectation"/>).
/// </summary>
public sealed class LeakageStatisticsLearnedInConstructorsTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Loan
        {
            [Feature] public float Income { get; init; }
            [Feature] public float Debt { get; init; }
            [Label(Classes = 2)] public int Defaulted { get; init; }
        }

        [Model(typeof(Loan))]
        public sealed partial class LoanNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public sealed class LoanScaler
        {
            private readonly Standardizer scaler;

            public LoanScaler(IReadOnlyList<Loan> rows)
            {
                scaler = Standardizer.Fit(rows);
            }

            public Loan[] Scale(IReadOnlyList<Loan> rows) => scaler.Apply(rows);
        }

        public sealed class LateScaler
        {
            private Standardizer? scaler;

            public void Learn(IReadOnlyList<Loan> rows) => scaler = Standardizer.Fit(rows);

            public Loan[] Scale(IReadOnlyList<Loan> rows) => scaler!.Apply(rows);
        }
        """;

    private static string Script(string body) => Usings + "public static class Script\n{\n" + body + "\n}\n" + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    // Buggy: the scaler class learns from every loan when it is made; the scaled loans are split afterwards.
    [Fact]
    public Task Scaler_class_made_from_every_loan_is_reported_at_its_creation() => Expect(Script("""
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                var scaler = {|#0:new LoanScaler(loans)|};
                var scaled = scaler.Scale(loans);
                var (train, validation, test) = scaled.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
            """), "MLDSL0016");

    // Fix: made from the training loans, applied to every part.
    [Fact]
    public Task Scaler_class_made_from_the_training_loans_is_silent() => Expect(Script("""
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scaler = new LoanScaler(train);
                using var model = new LoanNet();
                model.Fit(scaler.Scale(train), scaler.Scale(validation));
                Console.WriteLine(model.Evaluate(scaler.Scale(test)).Accuracy);
            }
            """));

    // Look-alike: made from a reference file of loans the model never trains or is scored on, applied before the split.
    [Fact]
    public Task Scaler_class_made_from_a_reference_file_is_silent() => Expect(Script("""
            public static void Main()
            {
                var scaler = new LoanScaler(CsvFile.Read<Loan>("reference-loans.csv"));
                var loans = scaler.Scale(CsvFile.Read<Loan>("loans.csv"));
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
            """));

    // Look-alike: a class made empty that learns in a method, called with the training loans only.
    [Fact]
    public Task Scaler_class_learning_in_a_method_from_the_training_loans_is_silent() => Expect(Script("""
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scaler = new LateScaler();
                scaler.Learn(train);
                using var model = new LoanNet();
                model.Fit(scaler.Scale(train), scaler.Scale(validation));
                Console.WriteLine(model.Evaluate(scaler.Scale(test)).Accuracy);
            }
            """));
}
